import "server-only"

import type { SendingMethod } from "@/lib/schemas/setup-fields"
import { DEFAULT_PRACTICE_PASSWORD, PRACTICE_ACCOUNTS, PRACTICE_DOMAIN } from "./accounts"
import {
  PRACTICE_ACS_APPS,
  PRACTICE_ACS_MAIL_FROM,
  PRACTICE_ACS_RESOURCE,
  PRACTICE_ACS_SENDER_APP,
  PRACTICE_ACS_SMTP_USERNAMES,
  PRACTICE_ACS_TENANT,
} from "./acs-accounts"
import { PRACTICE_HVE_ACCOUNTS } from "./hve-accounts"
import {
  PRACTICE_APPS,
  PRACTICE_CLIENT_SECRET,
  PRACTICE_DEVICE_USER,
  type PracticeApp,
} from "./identity-scenarios"
import { PRACTICE_ENDPOINTS, type PracticeServer } from "./practice-server"

/** A practice account: the Username its "Use" button fills in, and what it shows. */
export interface PracticeAccountItem {
  username: string
  description: string
}

/** A practice app registration: the OAuth fields its "Use" button fills in, and what it shows. */
export interface PracticeAppItem {
  clientId: string
  flow: "oauth-app" | "oauth-device"
  /** The Username the app fills in. */
  mailbox: string
  description: string
}

/**
 * The practice accounts of one simulator, as the Account step lists them: their words, the secret
 * they all take (typed by the user, never filled in), and the OAuth apps that sign in there.
 */
export interface PracticeRoute {
  /** The list's heading. */
  title: string
  /** What the accounts are called in a sentence ("Show the 3 practice HVE accounts"). */
  plural: string
  /** The heading of the accounts' column. */
  nameColumn: string
  /** Completes "Each one behaves like a real … in a particular situation". */
  kind: string
  /** What every account signs in with, named and shown in the list's introduction. */
  secret: { name: string; value: string }
  /** The account that sends successfully. */
  sender: string
  /** What else to know before sending, in one sentence, when there is something. */
  note?: string
  accounts: readonly PracticeAccountItem[]
  apps: readonly PracticeAppItem[]
}

/**
 * The practice accounts and apps as the wizard lists them, by sending method: only names and what
 * each one shows. The replies, errors and sources behind them stay on the server; the page passes
 * this to the browser.
 */
export interface PracticeListing {
  /** The methods whose simulator has accounts that sign in (Direct Send and relay have none). */
  routes: Partial<Record<SendingMethod, PracticeRoute>>
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

// identity-scenarios.ts numbers the delegated (device code) apps from 11, the app-only ones below.
const isDeviceApp = (clientId: string) => Number(clientId.slice(-2)) >= 11

/** The practice apps that sign in at one route: HVE's name their HVE account, SMTP AUTH's do not. */
function appsFor(hve: boolean): PracticeAppItem[] {
  return (Object.entries(PRACTICE_APPS) as [string, PracticeApp][])
    .filter(([, app]) => Boolean(app.hveAccount) === hve)
    .map(([clientId, app]) => ({
      clientId,
      flow: isDeviceApp(clientId) ? "oauth-device" : "oauth-app",
      mailbox: app.hveAccount ?? app.mailboxes[0] ?? PRACTICE_DEVICE_USER,
      description: capitalize(app.description),
    }))
}

/** Local part → account, listed in the practice domain. */
function accountsIn(accounts: Record<string, { description: string }>): PracticeAccountItem[] {
  return Object.entries(accounts).map(([localPart, account]) => ({
    username: `${localPart}@${PRACTICE_DOMAIN}`,
    description: capitalize(account.description),
  }))
}

const acsUsername = (clientId: string) =>
  [PRACTICE_ACS_RESOURCE, clientId, PRACTICE_ACS_TENANT].join("|")

/** Each simulator that takes a sign-in, and its accounts. */
const ROUTE_LISTINGS: Partial<Record<PracticeServer, PracticeRoute>> = {
  submission: {
    title: "Practice mailboxes",
    plural: "practice mailboxes",
    nameColumn: "Mailbox",
    kind: "Microsoft 365 mailbox",
    secret: { name: "Their password", value: DEFAULT_PRACTICE_PASSWORD },
    sender: `sender@${PRACTICE_DOMAIN}`,
    accounts: accountsIn(PRACTICE_ACCOUNTS),
    apps: appsFor(false),
  },
  hve: {
    title: "Practice HVE accounts",
    plural: "practice HVE accounts",
    nameColumn: "HVE account",
    kind: "High Volume Email account",
    secret: { name: "Their password", value: DEFAULT_PRACTICE_PASSWORD },
    sender: `hve-sender@${PRACTICE_DOMAIN}`,
    accounts: accountsIn(PRACTICE_HVE_ACCOUNTS),
    apps: appsFor(true),
  },
  acs: {
    title: "Practice Azure Communication Services usernames",
    plural: "practice usernames",
    nameColumn: "Username",
    kind: "Azure Communication Services sign-in",
    secret: { name: "The client secret of their apps", value: PRACTICE_CLIENT_SECRET },
    sender: acsUsername(PRACTICE_ACS_SENDER_APP),
    note: `Send from ${PRACTICE_ACS_MAIL_FROM}, the MailFrom address of the resource's domain.`,
    accounts: [
      ...Object.entries(PRACTICE_ACS_APPS).map(([clientId, app]) => ({
        username: acsUsername(clientId),
        description: capitalize(app.description),
      })),
      ...Object.entries(PRACTICE_ACS_SMTP_USERNAMES).map(([username, smtpUsername]) => ({
        username,
        description: capitalize(smtpUsername.description),
      })),
    ],
    apps: [],
  },
}

/**
 * Lists the practice accounts and apps of each sending method's simulator (PRACTICE_ENDPOINTS
 * says which simulator stands in for a method) for the wizard.
 */
export function practiceListing(): PracticeListing {
  const routes: PracticeListing["routes"] = {}
  for (const [method, endpoint] of Object.entries(PRACTICE_ENDPOINTS) as [
    SendingMethod,
    (typeof PRACTICE_ENDPOINTS)[SendingMethod],
  ][]) {
    const route = ROUTE_LISTINGS[endpoint.server]
    if (route) routes[method] = route
  }
  return { routes }
}
