"use client"

import { useFormContext } from "react-hook-form"

import { PRACTICE_CLIENT_SECRET, PRACTICE_TENANT_ID } from "@/lib/practice/identity-scenarios"
import type { PracticeAppItem } from "@/lib/practice/listing"
import type { SetupValues } from "@/lib/schemas/setup"
import { PracticeCatalog } from "@/components/practice/practice-catalog"

/** The practice identity server's app registrations, each filling in the OAuth fields. */
export function PracticeApps({ apps }: { apps: readonly PracticeAppItem[] }) {
  const form = useFormContext<SetupValues>()

  function fillFrom(app: PracticeAppItem) {
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
          tenant{" "}
          <code className="font-mono whitespace-nowrap text-foreground">{PRACTICE_TENANT_ID}</code>.
          The client secret of the app-only ones is{" "}
          <code className="rounded bg-muted px-1 font-mono whitespace-nowrap text-foreground">
            {PRACTICE_CLIENT_SECRET}
          </code>
          : type it yourself. &ldquo;Use&rdquo; fills in the IDs and Username and switches the test
          to the practice server.
        </>
      }
      summary={`Show the ${apps.length} practice apps and what each one shows`}
      nameColumn="Application (client) ID"
      items={apps.map((app) => ({
        key: app.clientId,
        name: (
          <>
            {/* Whole: the apps differ in their last digits, which a break would set apart. */}
            <span className="font-mono text-[0.8125rem] whitespace-nowrap">{app.clientId}</span>
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
