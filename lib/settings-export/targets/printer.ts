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
  oauthVerdict: {
    kind: "none",
    how: "most printers and scanners only take a username and password; if the device's email settings offer OAuth or Modern authentication for Microsoft 365, follow its manual",
    source:
      "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365",
  },
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
