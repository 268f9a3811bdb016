import { shareQuery } from "@/lib/share-query"
import { printerSheet } from "../printer-sheet"
import type { SettingsTarget } from "../types"
import { connectionFacts, secretNote } from "../values"

/** The printer or scanner setup sheet as plain text, and a link to its printable page (/sheet). */
export const printerTarget: SettingsTarget = {
  id: "printer-sheet",
  title: "Printer or scanner (setup sheet)",
  group: "Devices",
  filename: "printer-setup.txt",
  language: "text",
  oauthCaveat:
    'OAuth 2.0: few printers and scanners can sign in with OAuth 2.0. If the device\'s email settings\noffer "OAuth" or "Modern authentication" for Microsoft 365, follow its manual instead.',
  render(values) {
    const sheet = printerSheet(values)
    const width = Math.max(...sheet.rows.map((row) => row.label.length)) + 2
    const lines = [
      sheet.title,
      "=".repeat(sheet.title.length),
      sheet.intro,
      "",
      ...sheet.rows.flatMap((row) => [
        `${row.label.padEnd(width)}${row.value}`,
        ...(row.alsoCalled ? [`${" ".repeat(width)}(also called: ${row.alsoCalled})`] : []),
      ]),
      "",
      "Before you start",
      ...sheet.notes.map((note) => `- ${note.text}`),
      "",
      "Source:",
      ...new Set(sheet.notes.map((note) => `  ${note.source.url}`)),
      "",
    ]
    return {
      content: lines.join("\n"),
      secretNote: secretNote(
        connectionFacts(values),
        "Type the password on the device itself: the sheet leaves it out on purpose."
      ),
      companion: { label: "Open the printable setup sheet", href: `/sheet?${shareQuery(values)}` },
    }
  },
}
