import { envValue as quote } from "../literals"
import type { SettingsTarget } from "../types"
import {
  CLIENT_SECRET_VARIABLE,
  OAUTH_SCOPES,
  PASSWORD_VARIABLE,
  connectionFacts,
  oauthSignIn,
  secretNote,
} from "../values"

export const dotenvTarget: SettingsTarget = {
  id: "dotenv",
  title: ".env",
  group: "Frameworks and languages",
  filename: ".env",
  language: "dotenv",
  oauthVerdict: {
    kind: "takes-token",
    how: "a .env file only carries settings: the app that reads it gets the token (MSAL, with the IDs and scope here) and sends XOAUTH2",
    source:
      "https://learn.microsoft.com/en-us/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth",
  },
  oauthVariant: {
    takes: "the app's own code to get the token with MSAL, from the IDs and scope here",
  },
  render(values) {
    const facts = connectionFacts(values)
    const kind = oauthSignIn(facts)
    const lines = [
      `# ${facts.service.name} SMTP settings from smtp365`,
      `SMTP_HOST=${quote(facts.host)}`,
      `SMTP_PORT=${facts.port}`,
      "# starttls: plain text, then upgraded (ports 587, 25); tls: implicit TLS; none: no TLS",
      `SMTP_SECURITY=${facts.security}`,
    ]
    if (kind) {
      lines.push(
        kind === "oauth-app"
          ? "# OAuth 2.0 app-only (client credentials): the app signs in as itself (XOAUTH2)."
          : "# OAuth 2.0 as a user (device code flow): the mailbox user signs in in a browser (XOAUTH2).",
        `SMTP_USER=${quote(facts.user)}`,
        `OAUTH_TENANT_ID=${quote(facts.tenant)}`,
        `OAUTH_CLIENT_ID=${quote(facts.clientId)}`,
        `OAUTH_SCOPE=${quote(OAUTH_SCOPES[kind].join(" "))}`
      )
      if (kind === "oauth-app") {
        lines.push("# Set the client secret's Value here or in the environment; never commit it.")
        lines.push(`${CLIENT_SECRET_VARIABLE}=`)
      }
    } else if (facts.signsIn) {
      lines.push(`SMTP_USER=${quote(facts.user)}`)
      lines.push(`# Set ${facts.secret.name} here or in the environment; never commit it.`)
      lines.push(`${PASSWORD_VARIABLE}=`)
    }
    lines.push(`MAIL_FROM_ADDRESS=${quote(facts.fromAddress)}`)
    if (facts.fromName) lines.push(`MAIL_FROM_NAME=${quote(facts.fromName)}`)
    return {
      content: lines.join("\n") + "\n",
      secretNote:
        kind === "oauth-app"
          ? `${CLIENT_SECRET_VARIABLE} is left empty: fill it in on the machine that sends, and keep the file out of version control.`
          : kind === "oauth-device"
            ? "No secret: the mailbox user signs in in a browser when the app asks for a token."
            : secretNote(
                facts,
                `${PASSWORD_VARIABLE} is left empty: fill it in on the machine that sends, and keep the file out of version control.`
              ),
    }
  },
}
