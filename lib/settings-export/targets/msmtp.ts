import { msmtpValue as arg } from "../literals"
import type { SettingsTarget } from "../types"
import { PASSWORD_VARIABLE, connectionFacts, secretNote } from "../values"

/** msmtp, the sendmail replacement for servers and scripts (~/.msmtprc or /etc/msmtprc). */
export const msmtpTarget: SettingsTarget = {
  id: "msmtp",
  title: "msmtp (sendmail for scripts)",
  group: "Mail servers",
  filename: ".msmtprc",
  language: "ini",
  // man msmtp (1.8.23): "oauthbearer or its predecessor xoauth2 (an OAuth2 token from the mail
  // provider is used as the password. ... The passwordeval command can be used to pass the
  // regularly changing tokens into msmtp from a script".
  oauthCaveat:
    "OAuth 2.0: msmtp can sign in with a token (auth xoauth2, the token printed by passwordeval)\nbut cannot fetch or renew one itself.",
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
      ...(facts.signsIn
        ? ["auth on", `user ${arg(facts.user)}`, `passwordeval "printenv ${PASSWORD_VARIABLE}"`]
        : ["auth off"]),
      `from ${arg(facts.fromAddress)}`,
      "",
      "account default : microsoft365",
      "",
    ].join("\n")
    return {
      content,
      secretNote: secretNote(
        facts,
        `msmtp runs passwordeval to get the password: here it reads ${PASSWORD_VARIABLE}; a password manager or a root-only file works too.`
      ),
    }
  },
}
