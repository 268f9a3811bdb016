import "server-only"

import { PRACTICE_ACCOUNTS } from "./accounts"
import { PRACTICE_APPS, PRACTICE_DEVICE_USER } from "./identity-scenarios"

/**
 * The practice mailboxes and apps as the wizard lists them: names and what each one shows. The
 * replies, errors and sources behind them stay on the server; the page passes this to the browser.
 */
export interface PracticeListing {
  /** By local part: every practice mailbox exists in PRACTICE_DOMAIN. */
  mailboxes: readonly { localPart: string; description: string }[]
  apps: readonly {
    clientId: string
    flow: "oauth-app" | "oauth-device"
    /** The Username the app fills in. */
    mailbox: string
    description: string
  }[]
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

// identity-scenarios.ts numbers the delegated (device code) apps from 11, the app-only ones below.
const isDeviceApp = (clientId: string) => Number(clientId.slice(-2)) >= 11

/** Lists the practice mailboxes (PRACTICE_ACCOUNTS) and apps (PRACTICE_APPS) for the wizard. */
export function practiceListing(): PracticeListing {
  return {
    mailboxes: Object.entries(PRACTICE_ACCOUNTS).map(([localPart, scenario]) => ({
      localPart,
      description: capitalize(scenario.description),
    })),
    apps: Object.entries(PRACTICE_APPS).map(([clientId, app]) => ({
      clientId,
      flow: isDeviceApp(clientId) ? "oauth-device" : "oauth-app",
      mailbox: app.mailboxes[0] ?? PRACTICE_DEVICE_USER,
      description: capitalize(app.description),
    })),
  }
}
