import type { SettingsRow } from "@/lib/settings-export/types"
import { transcriptRows } from "@/lib/smtp/transcript-rows"
import type { StageStatus, TestOutcome } from "@/lib/smtp/types"
import { ACTOR_LABELS } from "./actors"

const STATUS_WORDS: Record<StageStatus, string> = {
  passed: "passed",
  failed: "FAILED",
  skipped: "skipped",
  running: "running",
  "not-reached": "not reached",
}

/** A Markdown table cell: one line, pipes escaped. */
const cell = (text: string) => text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|")

/** A fenced block whose fence is longer than any run of backticks inside it. */
function fenced(text: string, language = "") {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length))
  const fence = "`".repeat(longest + 1)
  return `${fence}${language}\n${text}\n${fence}`
}

/**
 * The test as a Markdown report to hand to whoever owns the fix: settings (never the password),
 * result, diagnosis with its commands, stages and the redacted transcript.
 */
export function buildReport(outcome: TestOutcome, settings: readonly SettingsRow[]): string {
  const { diagnosis, failure } = outcome
  const failedStage = outcome.stages.find((stage) => stage.status === "failed")
  const lines: string[] = ["# smtp365 test report", ""]
  lines.push(
    outcome.ok
      ? "**Result: passed.** The server accepted the test message."
      : `**Result: failed${failedStage ? ` at ${failedStage.label}` : ""}.** ${diagnosis?.headline ?? ""}`.trim(),
    "",
    `Tested ${outcome.startedAt} from the smtp365 server${
      outcome.target.practice ? " against its built-in practice simulator" : ""
    }, in ${outcome.durationMs} ms. That server's network may differ from the device's (firewalls, blocked port 25).`,
    "",
    "## Settings",
    "",
    "| Setting | Value |",
    "| --- | --- |",
    ...settings.map((row) => `| ${cell(row.label)} | ${cell(row.value)} |`),
    ""
  )
  if (failure?.reply) lines.push("## Server reply", "", fenced(failure.reply), "")
  if (diagnosis) {
    lines.push("## Diagnosis", "", `**${diagnosis.headline}**`, "", diagnosis.meaning, "")
    if (diagnosis.causes?.length) {
      lines.push("### Likely causes", "")
      diagnosis.causes.forEach((cause, index) => lines.push(`${index + 1}. ${cause}`))
      lines.push("")
    }
    if (diagnosis.checks?.length) {
      lines.push("### Checks (read-only)", "")
      for (const check of diagnosis.checks) {
        lines.push(`- **${check.layer}**: ${check.reading}`)
        if (check.place) lines.push(`  ${check.place}`)
        if (check.command) lines.push("", fenced(check.command, "powershell"), "")
      }
      lines.push("")
    }
    lines.push("### Fix", "")
    diagnosis.fix.forEach((step, index) => lines.push(`${index + 1}. ${step}`))
    lines.push("")
    if (diagnosis.caveat) {
      lines.push(`> **${diagnosis.caveat.title}:** ${diagnosis.caveat.text}`, "")
    }
    if (diagnosis.commands?.length) {
      lines.push("### Commands", "", fenced(diagnosis.commands.join("\n"), "powershell"), "")
    }
    if (diagnosis.betterMethod)
      lines.push(`Another method may fit better: ${diagnosis.betterMethod}`, "")
    if (diagnosis.unconfirmed)
      lines.push(`Not confirmed by Microsoft: ${diagnosis.unconfirmed}`, "")
    lines.push(
      `Who has to act: ${ACTOR_LABELS[diagnosis.who]}.`,
      `Will retrying help? ${diagnosis.retry ? "Yes, later." : "No, not until the fix is made."}`,
      "",
      "Sources:",
      ...diagnosis.sources.map((source) => `- [${source.title}](${source.url})`),
      ""
    )
  }
  lines.push(
    "## Stages",
    "",
    "| Stage | Status | Time | Reply |",
    "| --- | --- | --- | --- |",
    ...outcome.stages.map(
      (stage) =>
        `| ${stage.label} | ${STATUS_WORDS[stage.status]} | ${
          stage.ms !== undefined ? `${stage.ms} ms` : ""
        } | ${cell(stage.reply ?? stage.detail ?? "")} |`
    ),
    "",
    "## Transcript (credentials redacted)",
    "",
    fenced(
      transcriptRows(outcome.transcript)
        .map((row) => row.text)
        .join("\n")
    ),
    ""
  )
  return lines.join("\n")
}
