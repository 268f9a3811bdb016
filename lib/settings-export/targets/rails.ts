// Ruby on Rails: Action Mailer's SMTP delivery, set in config/environments/production.rb.
// Keys: https://api.rubyonrails.org/classes/ActionMailer/Base.html (Configuration options) and
// https://guides.rubyonrails.org/action_mailer_basics.html#action-mailer-configuration
// Action Mailer hands smtp_settings to the Mail gem (Mail::SMTP), which rejects :tls together with
// STARTTLS: https://github.com/mikel/mail/blob/master/lib/mail/network/delivery_methods/smtp.rb
import { mailbox, rubyString as rb } from "../literals"
import type { SettingsTarget } from "../types"
import { PASSWORD_VARIABLE, connectionFacts, secretNote, type ConnectionFacts } from "../values"

function tlsLines(security: ConnectionFacts["security"]): string[] {
  if (security === "tls")
    return [
      "  # Implicit TLS from the first byte; STARTTLS must be off (Mail refuses both at once).",
      "  tls: true,",
      "  enable_starttls_auto: false,",
    ]
  if (security === "starttls")
    return [
      "  # Required: stop rather than send in plain text if STARTTLS fails (Rails 7+, mail 2.7+).",
      "  enable_starttls: true,",
    ]
  return [
    "  # No encryption required; STARTTLS is still used when the server offers it.",
    "  enable_starttls_auto: true,",
  ]
}

export const railsTarget: SettingsTarget = {
  id: "rails",
  title: "Ruby on Rails (Action Mailer)",
  group: "Frameworks and languages",
  filename: "production.rb",
  language: "ruby",
  oauthVerdict: {
    kind: "takes-token",
    since: "net-smtp 0.5.0",
    how: "Action Mailer passes authentication: :xoauth2 and the password to net-smtp, which sends it as the token; Rails does not fetch or renew it",
    source: "https://github.com/ruby/net-smtp/pull/80",
  },
  render(values) {
    const facts = connectionFacts(values)
    const verify =
      facts.security === "none"
        ? []
        : [
            "  # Check the server certificate against the system's trusted CAs.",
            "  openssl_verify_mode: 'peer',",
          ]
    const auth = facts.signsIn
      ? [
          `  user_name: ${rb(facts.user)},`,
          `  # From the environment, never in the code (or Rails.application.credentials).`,
          `  password: ENV.fetch(${rb(PASSWORD_VARIABLE)}),`,
          `  # ${facts.service.name} offers AUTH LOGIN, not PLAIN.`,
          "  authentication: :login,",
        ]
      : []
    const content = [
      "# config/environments/production.rb, inside Rails.application.configure do ... end",
      "config.action_mailer.delivery_method = :smtp",
      "# Raise on failed deliveries instead of dropping the message silently.",
      "config.action_mailer.raise_delivery_errors = true",
      "config.action_mailer.smtp_settings = {",
      `  address: ${rb(facts.host)},`,
      `  port: ${facts.port},`,
      ...tlsLines(facts.security),
      ...verify,
      ...auth,
      "  open_timeout: 10,",
      "  read_timeout: 30,",
      "}",
      "# The From of every mailer (a mailer's own `default from:` overrides it).",
      `config.action_mailer.default_options = { from: ${rb(mailbox(facts.fromName, facts.fromAddress))} }`,
      "",
    ].join("\n")
    return {
      content,
      secretNote: secretNote(
        facts,
        `Action Mailer reads the password from the ${PASSWORD_VARIABLE} environment variable (ENV.fetch fails at boot if it is missing).`
      ),
    }
  },
}
