/**
 * Symfony Mailer: the MAILER_DSN that config/packages/mailer.yaml reads (dsn: '%env(MAILER_DSN)%').
 * DSN and options: https://symfony.com/doc/current/mailer.html (Transport Setup, TLS Peer
 * Verification, require_tls); ${VAR} expansion in .env files: https://symfony.com/doc/current/configuration.html
 * (symfony/dotenv); global From header: https://symfony.com/doc/current/mailer.html#configuring-emails-globally.
 */
import { phpEnvValue as quote } from "../literals"
import type { SettingsTarget } from "../types"
import { PASSWORD_VARIABLE, connectionFacts, secretNote } from "../values"

/** A DSN user name: percent-encoded, including the characters Symfony lists as special (!, *, ', ( and )). */
function userinfo(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`
  )
}

export const symfonyTarget: SettingsTarget = {
  id: "symfony",
  title: "Symfony Mailer (.env.local)",
  group: "Frameworks and languages",
  filename: ".env.local",
  language: "dotenv",
  oauthVerdict: {
    kind: "takes-token",
    how: "Symfony Mailer's XOAUTH2 authenticator sends the DSN's password as the token; the DSN cannot fetch or renew it (tokens last about an hour)",
    source:
      "https://github.com/symfony/symfony/blob/7.2/src/Symfony/Component/Mailer/Transport/Smtp/Auth/XOAuth2Authenticator.php",
  },
  render(values) {
    const facts = connectionFacts(values)
    const scheme = facts.security === "tls" ? "smtps" : "smtp"
    const credentials = facts.signsIn ? `${userinfo(facts.user)}:\${${PASSWORD_VARIABLE}}@` : ""
    const options = [
      ...(facts.security === "starttls" ? ["require_tls=true"] : []),
      ...(facts.security === "none" ? [] : ["verify_peer=true"]),
    ]
    const query = options.length ? `?${options.join("&")}` : ""
    const dsn = `${scheme}://${credentials}${facts.host}:${facts.port}${query}`
    const from = facts.fromName ? `${facts.fromName} <${facts.fromAddress}>` : facts.fromAddress
    const lines = [
      "# Symfony Mailer settings from smtp365",
      scheme === "smtps"
        ? "# smtps: implicit TLS from the first byte."
        : facts.security === "starttls"
          ? "# require_tls=true: fail rather than send in plain text if STARTTLS is missing (Symfony 7.3+)."
          : "# smtp: no encryption required (Symfony Mailer still uses STARTTLS when offered).",
      ...(facts.security === "none"
        ? []
        : [
            "# verify_peer=true: check the server certificate (the default; never set it to false).",
          ]),
      ...(facts.signsIn
        ? [
            `# \${${PASSWORD_VARIABLE}} is expanded by Symfony's Dotenv and pasted in as is: URL-encode it.`,
          ]
        : []),
      // Double quotes: Dotenv expands ${...} in them (the DSN itself holds no quote or backslash).
      `MAILER_DSN="${dsn}"`,
      "# For every message: framework.mailer.headers.From: '%env(MAILER_FROM)%' in mailer.yaml",
      `MAILER_FROM=${quote(from)}`,
      "",
    ]
    return {
      content: lines.join("\n"),
      secretNote: secretNote(
        facts,
        `Set ${PASSWORD_VARIABLE} in the server's environment, URL-encoded (@ as %40, : as %3A, / as %2F, % as %25, # as %23), because Dotenv pastes it into the DSN as is. Or build the DSN in config/packages/mailer.yaml with %env(urlencode:${PASSWORD_VARIABLE})%.`
      ),
    }
  },
}
