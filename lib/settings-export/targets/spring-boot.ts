import type { SettingsTarget } from "../types"
import { PASSWORD_VARIABLE, connectionFacts, secretNote } from "../values"

/** A .properties value: backslashes escaped, and leading spaces kept. */
const property = (value: string) => value.replace(/\\/g, "\\\\").replace(/^ /, "\\ ")

/** Spring Boot's spring.mail.* properties (JavaMail underneath). */
export const springBootTarget: SettingsTarget = {
  id: "spring-boot",
  title: "Spring Boot (application.properties)",
  group: "Frameworks and languages",
  filename: "application.properties",
  language: "properties",
  oauthVerdict: {
    kind: "takes-token",
    since: "JavaMail 1.5.5",
    how: "with mail.smtp.auth.mechanisms=XOAUTH2, spring.mail.password is sent as the token; Spring Boot does not fetch or renew it",
    source: "https://javaee.github.io/javamail/OAuth2",
  },
  render(values) {
    const facts = connectionFacts(values)
    const javamail = "spring.mail.properties.mail.smtp"
    const tls =
      facts.security === "starttls"
        ? [
            `${javamail}.starttls.enable=true`,
            "# required: stop rather than continue in plain text",
            `${javamail}.starttls.required=true`,
          ]
        : facts.security === "tls"
          ? [`${javamail}.ssl.enable=true`]
          : []
    const identity =
      facts.security === "none"
        ? []
        : [
            "# JavaMail does not always check the certificate's name by default: make it.",
            `${javamail}.ssl.checkserveridentity=true`,
          ]
    const content = [
      `spring.mail.host=${property(facts.host)}`,
      `spring.mail.port=${facts.port}`,
      ...tls,
      ...identity,
      ...(facts.signsIn
        ? [
            `spring.mail.username=${property(facts.user)}`,
            `spring.mail.password=\${${PASSWORD_VARIABLE}}`,
            `${javamail}.auth=true`,
          ]
        : []),
      `${javamail}.connectiontimeout=10000`,
      `${javamail}.timeout=10000`,
      "",
    ].join("\n")
    return {
      content,
      secretNote: secretNote(
        facts,
        `spring.mail.password reads the ${PASSWORD_VARIABLE} environment variable (\${${PASSWORD_VARIABLE}}).`
      ),
    }
  },
}
