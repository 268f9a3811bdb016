// Postfix as a smart-host client: every message leaves through Microsoft 365 (relayhost).
// Parameters: https://www.postfix.org/postconf.5.html, SMTP AUTH: https://www.postfix.org/SASL_README.html
// (client side, sasl_passwd), TLS: https://www.postfix.org/TLS_README.html (client security levels).
import type { SettingsTarget } from "../types"
import { connectionFacts, secretNote, type ConnectionFacts } from "../values"

const SASL_PASSWD = "/etc/postfix/sasl_passwd"
const PASSWORD_PLACEHOLDER = "REPLACE-WITH-MAILBOX-PASSWORD"

/** A main.cf value: `$` starts a parameter reference, so a literal one is written `$$`. */
const cf = (value: string) => value.replaceAll("$", () => "$$")

/** The next hop as relayhost and sasl_passwd both spell it: brackets skip the MX lookup. */
const nextHop = (facts: ConnectionFacts) => `[${facts.host}]:${facts.port}`

function tlsLines(facts: ConnectionFacts): string[] {
  if (facts.security === "none")
    return [
      "# No encryption required: TLS is used when the server offers it.",
      "smtp_tls_security_level = may",
    ]
  return [
    ...(facts.security === "tls"
      ? [
          "# Implicit TLS from the first byte (SMTPS) instead of STARTTLS.",
          "smtp_tls_wrappermode = yes",
        ]
      : []),
    "# secure: TLS is required (no plain-text fallback), the certificate must chain to a trusted CA",
    `# and its name must match ${facts.host}. "encrypt" would accept any certificate.`,
    "smtp_tls_security_level = secure",
    "# Debian's CA bundle, read before the smtp client enters its chroot.",
    "smtp_tls_CAfile = /etc/ssl/certs/ca-certificates.crt",
  ]
}

export const postfixMainCfTarget: SettingsTarget = {
  id: "postfix-main-cf",
  title: "Postfix (main.cf)",
  group: "Mail servers",
  filename: "main.cf",
  language: "ini",
  render(values) {
    const facts = connectionFacts(values)
    const sasl = facts.signsIn
      ? [
          "",
          `# SMTP AUTH with the user name and password in ${SASL_PASSWD} (see sasl_passwd).`,
          "smtp_sasl_auth_enable = yes",
          `smtp_sasl_password_maps = hash:${SASL_PASSWD}`,
          "# Allow LOGIN, a plain-text mechanism (the default forbids those): it only runs inside TLS.",
          "smtp_sasl_security_options = noanonymous",
          "# Microsoft 365 offers AUTH LOGIN, not PLAIN (Debian: apt install libsasl2-modules).",
          "smtp_sasl_mechanism_filter = login",
        ]
      : ["", "# Direct Send and relay do not sign in: SMTP AUTH stays off."]
    const content = [
      "# /etc/postfix/main.cf: add or replace these lines, then run: sudo postfix reload",
      "# Every message goes to Microsoft 365; the brackets skip the MX lookup.",
      `relayhost = ${cf(nextHop(facts))}`,
      ...tlsLines(facts),
      ...sasl,
      "",
      `# Microsoft 365 only accepts mail from ${facts.fromAddress}: rewrite every sender`,
      "# (root, www-data, ...) in the envelope and the From header to it.",
      `sender_canonical_maps = static:${cf(facts.fromAddress)}`,
      "",
    ].join("\n")
    return {
      content,
      secretNote: secretNote(
        facts,
        `The password goes in ${SASL_PASSWD} (root only, chmod 600), turned into a lookup table with postmap: see the sasl_passwd file.`
      ),
    }
  },
}

export const postfixSaslPasswdTarget: SettingsTarget = {
  id: "postfix-sasl-passwd",
  title: "Postfix (sasl_passwd)",
  group: "Mail servers",
  filename: "sasl_passwd",
  language: "text",
  render(values) {
    const facts = connectionFacts(values)
    const content = facts.signsIn
      ? [
          `# ${SASL_PASSWD}: the Microsoft 365 sign-in for relayhost ${nextHop(facts)}.`,
          "# Make the file private before typing the password into it:",
          `#   sudo install -m 600 /dev/null ${SASL_PASSWD}`,
          `# Paste the last line, replace ${PASSWORD_PLACEHOLDER} with the mailbox password`,
          "# (user:password, no spaces), then build the table Postfix reads and reload:",
          `#   sudo postmap hash:${SASL_PASSWD}`,
          `#   sudo chmod 600 ${SASL_PASSWD} ${SASL_PASSWD}.db`,
          "#   sudo postfix reload",
          `${nextHop(facts)} ${facts.user}:${PASSWORD_PLACEHOLDER}`,
          "",
        ].join("\n")
      : [
          "# Direct Send and relay do not sign in: Postfix needs no sasl_passwd file.",
          "# Leave smtp_sasl_password_maps unset in main.cf.",
          "",
        ].join("\n")
    return {
      content,
      secretNote: secretNote(
        facts,
        `Replace ${PASSWORD_PLACEHOLDER} with the mailbox password on the server itself, then run postmap; never send the file anywhere.`
      ),
    }
  },
}
