"use client"

import { useFormContext } from "react-hook-form"

import {
  PRACTICE_APPS,
  PRACTICE_CLIENT_SECRET,
  PRACTICE_DEVICE_USER,
  PRACTICE_TENANT_ID,
} from "@/lib/practice/identity-scenarios"
import type { SetupValues } from "@/lib/schemas/setup"
import { Button } from "@/components/ui/button"
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table"

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

  function use(app: (typeof APPS)[number]) {
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
    <section aria-labelledby="practice-apps-heading" className="flex flex-col gap-2">
      <h3 id="practice-apps-heading" className="text-base font-semibold">
        Practice apps
      </h3>
      <p className="text-sm text-muted-foreground">
        Each one behaves like an Entra app registration in a particular situation, in the practice
        tenant <code className="font-mono text-foreground">{PRACTICE_TENANT_ID}</code>. The client
        secret of the app-only ones is{" "}
        <code className="rounded bg-muted px-1 font-mono text-foreground">
          {PRACTICE_CLIENT_SECRET}
        </code>
        : type it yourself. &ldquo;Use&rdquo; fills in the IDs and Username and switches the test to
        the practice server.
      </p>
      <details className="group rounded-lg border bg-card">
        <summary className="cursor-pointer rounded-lg px-3 py-2.5 text-sm font-medium outline-none focus-visible:ring-2 focus-visible:ring-ring">
          Show the {APPS.length} practice apps and what each one shows
        </summary>
        <div className="border-t p-2">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead scope="col">Application (client) ID</TableHead>
                <TableHead scope="col">What you&apos;ll see</TableHead>
                <TableHead scope="col">
                  <span className="sr-only">Action</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {APPS.map((app) => (
                <TableRow key={app.clientId}>
                  <TableCell>
                    <span className="font-mono text-[0.8125rem] break-all">{app.clientId}</span>
                    <span className="mt-0.5 block text-xs text-muted-foreground">
                      {app.flow === "oauth-app" ? "App-only" : "Device code"}
                    </span>
                  </TableCell>
                  <TableCell className="text-muted-foreground">{app.description}</TableCell>
                  <TableCell className="py-1.5 text-right">
                    <Button variant="outline" size="sm" onClick={() => use(app)}>
                      Use<span className="sr-only"> app {app.clientId}</span>
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </details>
    </section>
  )
}
