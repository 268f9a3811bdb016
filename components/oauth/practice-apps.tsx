"use client"

import { useFormContext } from "react-hook-form"

import {
  PRACTICE_APPS,
  PRACTICE_CLIENT_SECRET,
  PRACTICE_DEVICE_USER,
  PRACTICE_TENANT_ID,
} from "@/lib/practice/identity-scenarios"
import type { SetupValues } from "@/lib/schemas/setup"
import { PracticeCatalog } from "@/components/practice/practice-catalog"

// identity-scenarios.ts numbers the delegated (device code) apps from 11, the app-only ones below.
const isDeviceApp = (clientId: string) => Number(clientId.slice(-2)) >= 11

const APPS = Object.entries(PRACTICE_APPS).map(([clientId, app]) => ({
  clientId,
  flow: isDeviceApp(clientId) ? ("oauth-device" as const) : ("oauth-app" as const),
  mailbox: app.mailboxes[0] ?? PRACTICE_DEVICE_USER,
  description: app.description.charAt(0).toUpperCase() + app.description.slice(1),
}))

/** The practice identity server's app registrations, each filling in the OAuth fields. */
export function PracticeApps() {
  const form = useFormContext<SetupValues>()

  function fillFrom(app: (typeof APPS)[number]) {
    const options = { shouldDirty: true, shouldTouch: true, shouldValidate: true }
    form.setValue("account.authType", app.flow, { shouldDirty: true })
    form.setValue("account.tenant", PRACTICE_TENANT_ID, options)
    form.setValue("account.clientId", app.clientId, options)
    form.setValue("account.user", app.mailbox, options)
    // These apps only exist on the practice identity server.
    form.setValue("server.practice", true, { shouldDirty: true })
    if (app.flow === "oauth-app") form.setFocus("account.clientSecret")
  }

  return (
    <PracticeCatalog
      id="practice-apps"
      title="Practice apps"
      intro={
        <>
          Each one behaves like an Entra app registration in a particular situation, in the practice
          tenant <code className="font-mono text-foreground">{PRACTICE_TENANT_ID}</code>. The client
          secret of the app-only ones is{" "}
          <code className="rounded bg-muted px-1 font-mono text-foreground">
            {PRACTICE_CLIENT_SECRET}
          </code>
          : type it yourself. &ldquo;Use&rdquo; fills in the IDs and Username and switches the test
          to the practice server.
        </>
      }
      summary={`Show the ${APPS.length} practice apps and what each one shows`}
      nameColumn="Application (client) ID"
      items={APPS.map((app) => ({
        key: app.clientId,
        name: (
          <>
            <span className="font-mono text-[0.8125rem] break-all">{app.clientId}</span>
            <span className="mt-0.5 block text-xs text-muted-foreground">
              {app.flow === "oauth-app" ? "App-only" : "Device code"}
            </span>
          </>
        ),
        description: app.description,
        useLabel: `app ${app.clientId}`,
        onUse: () => fillFrom(app),
      }))}
    />
  )
}
