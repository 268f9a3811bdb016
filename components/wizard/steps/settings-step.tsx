"use client"

import dynamic from "next/dynamic"
import { useFormContext } from "react-hook-form"

import type { SetupValues } from "@/lib/schemas/setup"
import { settingsRows } from "@/lib/settings-export/rows"
import { Callout } from "@/components/ui/callout"
import { CopyButton } from "@/components/ui/copy-button"
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table"

import { exportableValues } from "../exportable-settings"
import { ShareLink } from "../share-link"

// The generators load when this step opens, not with the wizard.
const SettingsFilesPanel = dynamic(
  () => import("../settings-files-panel").then((module) => module.SettingsFilesPanel),
  { loading: () => <p className="text-sm text-muted-foreground">Preparing the files…</p> }
)

/** `tested`: what the last test said of these settings; the Test step lets the admin skip it. */
export function SettingsStep({ tested }: { tested: "passed" | "failed" | "untested" }) {
  const { getValues } = useFormContext<SetupValues>()
  const values = exportableValues(getValues())
  const rows = settingsRows(values)

  return (
    <>
      {tested === "untested" ? (
        <Callout tone="warning" title="Untested settings" data-testid="settings-untested">
          <p>
            No test has been sent with these settings, so nothing here is known to work yet. Send
            one from the Test step (Back), or test from the device itself with the commands under
            &ldquo;Test from the device&rdquo; below.
          </p>
        </Callout>
      ) : null}
      {tested === "failed" ? (
        <Callout tone="warning" title="The last test failed" data-testid="settings-untested">
          <p>
            These settings did not send the test message. Fix what the Test step&apos;s result says,
            then test again before entering them.
          </p>
        </Callout>
      ) : null}
      <p className="text-muted-foreground">
        Enter these in the device, application or script. The same settings as ready-made files are
        below.
      </p>

      <Table>
        <TableCaption padding="none" className="sr-only">
          Settings to enter
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead scope="col">Setting</TableHead>
            <TableHead scope="col">Value</TableHead>
            <TableHead scope="col">
              <span className="sr-only">Copy</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.label}>
              <TableHead scope="row" padding="relaxed" className="w-[30%]">
                {row.label}
              </TableHead>
              <TableCell padding="relaxed">
                <span className="font-mono text-[0.8125rem] wrap-anywhere">{row.value}</span>
                {row.note ? (
                  <span className="mt-0.5 block text-xs text-muted-foreground">{row.note}</span>
                ) : null}
              </TableCell>
              <TableCell padding="compact-button" className="text-right">
                {row.copyable ? (
                  <CopyButton text={row.value} what={row.label} variant="ghost" compact />
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>

      <Callout title="The password is never included">
        <p>
          Every value and file here uses a placeholder for the password: smtp365 doesn&apos;t keep
          it, so it can&apos;t put it anywhere. Add it yourself on the machine that sends, and keep
          it out of version control.
        </p>
      </Callout>

      <SettingsFilesPanel values={values} />

      <ShareLink values={values} />
    </>
  )
}
