import { msmtpValue as arg } from "../literals"
import { TOKEN_COMMAND_VARIANT, msalTokenCommand } from "../msal-python"
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
 * Signing in: with a password from passwordeval, or with OAuth 2.0 app-only, where passwordeval
 * prints the app's token (msal, client credentials) and msmtp sends it with XOAUTH2 (man msmtp,
 * 1.8.23: "auth ... xoauth2 ... The passwordeval command can be used to pass the regularly changing
 * tokens into msmtp from a script"). Each msmtp run asks for a new token, as it sends and exits.
 */
function authLines(facts: ConnectionFacts): string[] {
  if (oauthSignIn(facts) === "oauth-app") {
    return [
      "# OAuth 2.0 app-only (client credentials): passwordeval prints the app's token, which msmtp",
      "# sends with XOAUTH2. The command asks Microsoft's library msal for it (Debian and Ubuntu: apt",
      `# install python3-msal; elsewhere pip install msal), with the client secret from ${CLIENT_SECRET_VARIABLE}.`,
      "auth xoauth2",
      `user ${arg(facts.user)}`,
      `passwordeval ${arg(msalTokenCommand(facts))}`,
    ]
  }
  return facts.signsIn
    ? ["auth on", `user ${arg(facts.user)}`, `passwordeval "printenv ${PASSWORD_VARIABLE}"`]
    : ["auth off"]
}

/** msmtp, the sendmail replacement for servers and scripts (~/.msmtprc or /etc/msmtprc). */
export const msmtpTarget: SettingsTarget = {
  id: "msmtp",
  title: "msmtp (sendmail for scripts)",
  group: "Mail servers",
  filename: ".msmtprc",
  language: "ini",
  oauthVerdict: {
    kind: "command",
    since: "msmtp 1.8.13",
    how: "msmtp sends XOAUTH2 (auth xoauth2) with the token its passwordeval command prints; it cannot fetch or renew one itself",
    source: "https://marlam.de/msmtp/news/",
  },
  oauthVariant: TOKEN_COMMAND_VARIANT,
  render(values) {
    const facts = connectionFacts(values)
    const tls =
      facts.security === "none"
        ? ["tls off"]
        : ["tls on", `tls_starttls ${facts.security === "starttls" ? "on" : "off"}`]
    const content = [
      "# Keep this file private: chmod 600",
      "defaults",
      // msmtp's NEWS, 1.8.2: tls_trust_file "has a new default value 'system' that selects the
      // system default trust"; before, it had to name the bundle, whose path differs per system.
      "# Check the server certificate against the system's trusted CAs (msmtp 1.8.2 or later;",
      "# older versions need the file: /etc/ssl/certs/ca-certificates.crt on Debian and Ubuntu,",
      "# /etc/pki/tls/certs/ca-bundle.crt on Red Hat and Fedora).",
      "tls_trust_file system",
      "timeout 30",
      "",
      "account microsoft365",
      `host ${facts.host}`,
      `port ${facts.port}`,
      ...tls,
      ...authLines(facts),
      `from ${arg(facts.fromAddress)}`,
      "",
      "account default : microsoft365",
      "",
    ].join("\n")
    return {
      content,
      secretNote:
        oauthSignIn(facts) === "oauth-app"
          ? `passwordeval's command reads the client secret from ${CLIENT_SECRET_VARIABLE} in msmtp's environment (set it for the user or service that runs msmtp); the file holds no secret.`
          : secretNote(
              facts,
              `msmtp runs passwordeval to get the password: here it reads ${PASSWORD_VARIABLE}; a password manager or a root-only file works too.`
            ),
    }
  },
}
