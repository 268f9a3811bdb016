"use client"

import { useId, useState } from "react"

import type { SettingsFile, SettingsGroup } from "@/lib/settings-export/types"
import { CodeBlock } from "@/components/ui/code-block"
import { savedFileName } from "@/components/ui/download-button"

const GROUP_INTROS: Record<SettingsGroup, string> = {
  "Frameworks and languages": "Paste into the code or configuration of the application that sends.",
  Applications: "The settings of applications that send their own notifications.",
  "Mail servers": "A local mail server that hands every message to Microsoft 365.",
  Devices: "For a printer, scanner or other device configured through its own web page or panel.",
  "Test from the device":
    "Run on the device's own network: its firewall or provider may block what worked from here.",
}

/** The label of each group's picker. */
const PICKER_LABELS: Record<SettingsGroup, string> = {
  "Frameworks and languages": "Framework or language",
  Applications: "Application",
  "Mail servers": "Mail server",
  Devices: "Device",
  "Test from the device": "Tool",
}

/** One group of generated files: a picker and the chosen file, to copy or download. */
export function SettingsFiles({
  group,
  files,
}: {
  group: SettingsGroup
  files: readonly SettingsFile[]
}) {
  const [chosenId, setChosenId] = useState(files[0]?.id)
  const selectId = useId()
  const headingId = useId()
  const chosen = files.find((file) => file.id === chosenId) ?? files[0]
  if (!chosen) return null
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <h3 id={headingId} className="text-base font-semibold">
          {group}
        </h3>
        <p className="text-sm text-muted-foreground">{GROUP_INTROS[group]}</p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={selectId} className="text-sm font-medium">
          {PICKER_LABELS[group]}
        </label>
        <select
          id={selectId}
          value={chosen.id}
          onChange={(event) => setChosenId(event.target.value)}
          className="h-9 max-w-full min-w-0 rounded-md border border-input bg-card px-2 text-sm shadow-xs outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          {files.map((file) => (
            <option key={file.id} value={file.id}>
              {file.title}
            </option>
          ))}
        </select>
      </div>
      <CodeBlock
        code={chosen.content}
        title={chosen.title}
        filename={chosen.filename}
        language={chosen.language}
        downloadable
      />
      {savedFileName(chosen.filename) !== chosen.filename ? (
        <p className="text-sm text-muted-foreground">
          Browsers save hidden files without the leading dot: rename the downloaded{" "}
          <code className="font-mono">{savedFileName(chosen.filename)}</code> to{" "}
          <code className="font-mono">{chosen.filename}</code>.
        </p>
      ) : null}
      <p className="text-sm text-muted-foreground">{chosen.secretNote}</p>
      {/* Whether and how this software can sign in with OAuth 2.0, with its source in the file. */}
      {/* The line ends with its source's address, which may break anywhere on a phone. */}
      <p className="text-sm wrap-anywhere text-muted-foreground">{chosen.oauthLine}</p>
      {chosen.companion ? (
        <p className="text-sm">
          <a
            href={chosen.companion.href}
            target="_blank"
            rel="noopener"
            className="font-medium text-primary underline underline-offset-4 outline-none focus-visible:ring-2 focus-visible:ring-ring"
          >
            {chosen.companion.label}
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        </p>
      ) : null}
    </section>
  )
}
