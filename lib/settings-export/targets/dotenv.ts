import { envValue as quote } from "../literals"
import type { SettingsTarget } from "../types"
import { PASSWORD_VARIABLE, connectionFacts, secretNote } from "../values"

export const dotenvTarget: SettingsTarget = {
  id: "dotenv",
  title: ".env",
  group: "Frameworks and languages",
  filename: ".env",
  language: "dotenv",
  render(values) {
    const facts = connectionFacts(values)
    const lines = [
      "# Microsoft 365 SMTP settings from smtp365",
      `SMTP_HOST=${quote(facts.host)}`,
      `SMTP_PORT=${facts.port}`,
      "# starttls: plain text, then upgraded (ports 587, 25); tls: implicit TLS; none: no TLS",
      `SMTP_SECURITY=${facts.security}`,
    ]
    if (facts.signsIn) {
      lines.push(`SMTP_USER=${quote(facts.user)}`)
      lines.push(`# Set the mailbox password here or in the environment; never commit it.`)
      lines.push(`${PASSWORD_VARIABLE}=`)
    }
    lines.push(`MAIL_FROM_ADDRESS=${quote(facts.fromAddress)}`)
    if (facts.fromName) lines.push(`MAIL_FROM_NAME=${quote(facts.fromName)}`)
    return {
      content: lines.join("\n") + "\n",
      secretNote: secretNote(
        facts,
        `${PASSWORD_VARIABLE} is left empty: fill it in on the machine that sends, and keep the file out of version control.`
      ),
    }
  },
}
