// The bench's one table: printed as aligned text, and written as Markdown to bench/results.md.
import { readFile, writeFile } from "node:fs/promises"
import os from "node:os"
import { format, resolveConfig } from "prettier"

const COLUMNS = [
  ["figure", "Figure"],
  ["measured", "Measured"],
  ["compared", "Compared with"],
  ["budget", "Budget"],
  ["result", "Result"],
]

export const formatMs = (ms) =>
  Number.isNaN(ms) ? "n/a" : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`
export const formatBytes = (bytes) => `${(bytes / 1000).toFixed(1)} kB`
export const formatMb = (kb) => `${Math.round(kb / 1024)} MB`
export const passFail = (passed) => (passed ? "pass" : "FAIL")

/** Rows as a plain-text table with aligned columns. */
export function textTable(rows) {
  const widths = COLUMNS.map(([key, title]) =>
    Math.max(title.length, ...rows.map((row) => String(row[key] ?? "").length))
  )
  const line = (cells) =>
    cells
      .map((cell, i) => String(cell).padEnd(widths[i]))
      .join("  ")
      .trimEnd()
  return [
    line(COLUMNS.map(([, title]) => title)),
    line(widths.map((width) => "-".repeat(width))),
    ...rows.map((row) => line(COLUMNS.map(([key]) => row[key] ?? ""))),
  ].join("\n")
}

const cell = (value) => String(value ?? "").replaceAll("|", "\\|")

/** Where the part of results.md that people write begins; a run keeps it as it was. */
export const WRITTEN_HEADING = "## Where the time goes"

/** The file's part from WRITTEN_HEADING on, or nothing. */
async function writtenPart(file) {
  const text = await readFile(file, "utf8").catch(() => "")
  const start = text.indexOf(`\n${WRITTEN_HEADING}\n`)
  return start < 0 ? "" : text.slice(start + 1)
}

/**
 * Writes the rows as Markdown, with when and where they were measured (`machine`: the load average
 * at the start and the CPUs) and the notes, then what the file held from WRITTEN_HEADING on.
 */
export async function writeMarkdown(file, rows, { startedAt, durationMs, machine, notes }) {
  const load = (averages) => averages.map((value) => value.toFixed(1)).join(" ")
  const where = `Node ${process.version}, ${machine.cpus} CPUs, load average ${load(machine.loadAtStart)} at the start and ${load(os.loadavg())} at the end`
  const markdown = [
    "# Benchmark results",
    "",
    `Measured on ${startedAt.toISOString().slice(0, 10)} (${startedAt.toISOString()}) by \`npm run bench\` in ${formatMs(durationMs)}; ${where}. Budgets from issues 8 and 23.`,
    "",
    `| ${COLUMNS.map(([, title]) => title).join(" | ")} |`,
    `| ${COLUMNS.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${COLUMNS.map(([key]) => cell(row[key])).join(" | ")} |`),
    "",
    ...notes.map((note) => `- ${note}`),
    "",
    await writtenPart(file),
  ].join("\n")
  // Formatted as `npm run format` would, so format:check stays clean after a run.
  const options = { ...(await resolveConfig(file)), filepath: file }
  await writeFile(file, await format(markdown, options))
}
