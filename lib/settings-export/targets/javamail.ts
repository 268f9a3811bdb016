/**
 * Jakarta Mail (JavaMail) session properties, loaded into a java.util.Properties for Session.getInstance.
 * Keys: the SMTP provider's package docs, https://jakarta.ee/specifications/mail/2.1/apidocs/ and
 * https://eclipse-ee4j.github.io/angus-mail/docs/api/org.eclipse.angus.mail/org/eclipse/angus/mail/smtp/package-summary.html
 * (com.sun.mail.smtp in Jakarta Mail 2.0); mail.from: the jakarta.mail package summary.
 */
import { APP_ONLY_SCOPE, DEFAULT_IDENTITY_URL } from "@/lib/oauth/scopes"
import { signInOf } from "@/lib/schemas/sign-in"

import { mailbox } from "../literals"
import type { SettingsTarget } from "../types"
import {
  CLIENT_SECRET_VARIABLE,
  PASSWORD_VARIABLE,
  connectionFacts,
  oauthSignIn,
  secretNote,
  type ConnectionFacts,
} from "../values"

/**
 * OAuth 2.0 app-only: Jakarta Mail sends the password as the XOAUTH2 token when XOAUTH2 is the only
 * mechanism ("The access token is passed as the password", https://javaee.github.io/javamail/OAuth2,
 * JavaMail 1.5.5 and later). The Authenticator gets the token from MSAL4J, Microsoft's library for
 * Java (ConfidentialClientApplication with a client secret, acquireToken with
 * ClientCredentialParameters), which keeps it until it expires; a .properties file cannot hold code,
 * so the Java lines are comments.
 */
function appOnlyLines(facts: ConnectionFacts): string[] {
  return [
    "# OAuth 2.0 app-only (client credentials): XOAUTH2 only, with the app's token as the password.",
    "mail.smtp.auth=true",
    "mail.smtp.auth.mechanisms=XOAUTH2",
    `mail.smtp.user=${property(facts.user)}`,
    "# The token comes from MSAL4J (com.microsoft.azure:msal4j) in the Session's Authenticator:",
    "#   var app = ConfidentialClientApplication.builder(",
    `#           "${facts.clientId}", // Application (client) ID`,
    `#           ClientCredentialFactory.createFromSecret(System.getenv("${CLIENT_SECRET_VARIABLE}")))`,
    `#       .authority("${DEFAULT_IDENTITY_URL}/${facts.tenant}/").build();`,
    "#   protected PasswordAuthentication getPasswordAuthentication() {",
    "#     var token = app.acquireToken(ClientCredentialParameters.builder(",
    `#         Set.of("${APP_ONLY_SCOPE}")).build()).join().accessToken();`,
    "#     return new PasswordAuthentication(getDefaultUserName(), token);",
    "#   }",
  ]
}

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
  oauthVerdict: {
    kind: "takes-token",
    since: "JavaMail 1.5.5",
    how: "Jakarta Mail sends XOAUTH2 with the token given as the password (mail.smtp.auth.mechanisms=XOAUTH2); the app gets it with MSAL4J",
    source: "https://javaee.github.io/javamail/OAuth2",
  },
  oauthVariant: {
    takes: `MSAL4J (com.microsoft.azure:msal4j) and the client secret in ${CLIENT_SECRET_VARIABLE}; app-only only`,
    // A device code sign-in needs a person at a browser, which a program sending mail has not.
    fits: (values) => signInOf(values) !== "oauth-device",
  },
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
    const appOnly = oauthSignIn(facts) === "oauth-app"
    const auth = appOnly
      ? appOnlyLines(facts)
      : facts.signsIn
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
      secretNote: appOnly
        ? `The client secret is read from the ${CLIENT_SECRET_VARIABLE} environment variable by the Authenticator's MSAL4J client; the token is the password Jakarta Mail sends.`
        : secretNote(
            facts,
            `JavaMail has no password property: pass an Authenticator to Session.getInstance that returns new PasswordAuthentication(getDefaultUserName(), System.getenv("${PASSWORD_VARIABLE}")).`
          ),
    }
  },
}
