import type { SettingsTarget } from "../types"
import { PASSWORD_VARIABLE, connectionFacts, secretNote } from "../values"

/**
 * Quotes a .env value when it needs it (spaces, #, quotes). .env parsers disagree on escapes inside
 * quotes, so none are used: the value goes in the first quote style it does not contain (double,
 * single, backtick), which dotenv and Node's parseEnv read literally.
 */
function quote(value: string): string {
  if (/^[\w@.:/+-]*$/.test(value)) return value
  const mark = ['"', "'", "`"].find((candidate) => !value.includes(candidate))
  // A From name holding all three quote characters gets single for double quotes rather than a broken file.
  return mark ? `${mark}${value}${mark}` : `"${value.replaceAll('"', "'")}"`
}

export const dotenvTarget: SettingsTarget = {
  id: "dotenv",
  title: ".env",
  group: "Applications and code",
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
