/**
 * Jakarta Mail (JavaMail) session properties, loaded into a java.util.Properties for Session.getInstance.
 * Keys: the SMTP provider's package docs, https://jakarta.ee/specifications/mail/2.1/apidocs/ and
 * https://eclipse-ee4j.github.io/angus-mail/docs/api/org.eclipse.angus.mail/org/eclipse/angus/mail/smtp/package-summary.html
 * (com.sun.mail.smtp in Jakarta Mail 2.0); mail.from: the jakarta.mail package summary.
 */
import { mailbox } from "../literals"
import type { SettingsTarget } from "../types"
import { PASSWORD_VARIABLE, connectionFacts, secretNote } from "../values"

/** A .properties value: backslashes escaped, a leading space kept, non-ASCII as \uXXXX for any reader. */
function property(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/^ /, "\\ ")
    .replace(/[^\x20-\x7e]/g, (character) => {
      const code = character.charCodeAt(0)
      return code < 0x20 ? " " : `\\u${code.toString(16).padStart(4, "0")}`
    })
}

export const javamailTarget: SettingsTarget = {
  id: "javamail",
  title: "Java (Jakarta Mail properties)",
  group: "Frameworks and languages",
  filename: "mail.properties",
  language: "properties",
  render(values) {
    const facts = connectionFacts(values)
    const tls =
      facts.security === "starttls"
        ? [
            "mail.smtp.starttls.enable=true",
            "# required: stop rather than continue in plain text",
            "mail.smtp.starttls.required=true",
          ]
        : facts.security === "tls"
          ? ["# implicit TLS from the first byte", "mail.smtp.ssl.enable=true"]
          : []
    const identity =
      facts.security === "none"
        ? []
        : [
            "# Older JavaMail versions do not check the certificate's host name by default: make them.",
            "mail.smtp.ssl.checkserveridentity=true",
          ]
    const auth = facts.signsIn
      ? [
          "mail.smtp.auth=true",
          `mail.smtp.user=${property(facts.user)}`,
          "# The password is not a property: give the Session an Authenticator that reads it, e.g.",
          `# new PasswordAuthentication(getDefaultUserName(), System.getenv("${PASSWORD_VARIABLE}"))`,
        ]
      : []
    const content = [
      "# Jakarta Mail settings from smtp365: Session.getInstance(properties, authenticator)",
      `mail.smtp.host=${property(facts.host)}`,
      `mail.smtp.port=${facts.port}`,
      ...tls,
      ...identity,
      ...auth,
      "# Envelope sender (MAIL FROM), and the From header that message.setFrom() uses",
      `mail.smtp.from=${property(facts.fromAddress)}`,
      `mail.from=${property(mailbox(facts.fromName, facts.fromAddress))}`,
      "mail.smtp.connectiontimeout=10000",
      "mail.smtp.timeout=10000",
      "mail.smtp.writetimeout=10000",
      "",
    ].join("\n")
    return {
      content,
      secretNote: secretNote(
        facts,
        `JavaMail has no password property: pass an Authenticator to Session.getInstance that returns new PasswordAuthentication(getDefaultUserName(), System.getenv("${PASSWORD_VARIABLE}")).`
      ),
    }
  },
}
