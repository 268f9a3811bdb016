/**
 * Laravel 11 and 12: the MAIL_* keys that the framework's config/mail.php reads from .env.
 * Keys: https://laravel.com/docs/12.x/mail#configuration and config/mail.php in laravel/framework;
 * MAIL_SCHEME is passed to Symfony Mailer (MailManager::createSmtpTransport), which upgrades an smtp
 * connection with STARTTLS whenever the server offers it.
 */
import { phpEnvValue as quote } from "../literals"
import type { SettingsTarget } from "../types"
import { connectionFacts, secretNote } from "../values"

export const laravelTarget: SettingsTarget = {
  id: "laravel",
  title: "Laravel (.env)",
  group: "Frameworks and languages",
  filename: ".env",
  language: "dotenv",
  oauthVerdict: {
    kind: "takes-token",
    how: "Laravel sends through Symfony Mailer, whose XOAUTH2 authenticator sends MAIL_PASSWORD as the token; nothing in Laravel fetches or renews it (tokens last about an hour)",
    source:
      "https://github.com/symfony/symfony/blob/7.2/src/Symfony/Component/Mailer/Transport/Smtp/Auth/XOAuth2Authenticator.php",
  },
  render(values) {
    const facts = connectionFacts(values)
    const lines = [
      "# Laravel mail settings from smtp365 (Laravel 11 and 12)",
      "MAIL_MAILER=smtp",
      "# smtp: plain connection upgraded with STARTTLS when offered; smtps: implicit TLS",
      `MAIL_SCHEME=${facts.security === "tls" ? "smtps" : "smtp"}`,
      `MAIL_HOST=${quote(facts.host)}`,
      `MAIL_PORT=${facts.port}`,
    ]
    if (facts.security === "starttls") {
      lines.push(
        "# No .env key makes STARTTLS required: to refuse plain text, add 'require_tls' => true to",
        "# mailers.smtp in config/mail.php (Symfony Mailer 7.3 or later reads it)."
      )
    }
    if (facts.signsIn) {
      lines.push(
        `MAIL_USERNAME=${quote(facts.user)}`,
        "# Left empty: set MAIL_PASSWORD in the server's environment (it wins over .env), or fill it",
        "# in on the server only. Never commit .env.",
        "MAIL_PASSWORD="
      )
    }
    lines.push(`MAIL_FROM_ADDRESS=${quote(facts.fromAddress)}`)
    if (facts.fromName) lines.push(`MAIL_FROM_NAME=${quote(facts.fromName)}`)
    return {
      content: lines.join("\n") + "\n",
      secretNote: secretNote(
        facts,
        "MAIL_PASSWORD is left empty: set it as an environment variable of the PHP process (Laravel keeps a real environment variable over .env), or fill it in on the server and keep .env out of version control."
      ),
    }
  },
}
