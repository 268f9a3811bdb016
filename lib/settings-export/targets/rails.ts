// Ruby on Rails: Action Mailer's SMTP delivery, set in config/environments/production.rb.
// Keys: https://api.rubyonrails.org/classes/ActionMailer/Base.html (Configuration options) and
// https://guides.rubyonrails.org/action_mailer_basics.html#action-mailer-configuration
// Action Mailer hands smtp_settings to the Mail gem (Mail::SMTP), which rejects :tls together with
// STARTTLS: https://github.com/mikel/mail/blob/master/lib/mail/network/delivery_methods/smtp.rb
import { APP_ONLY_SCOPE, DEFAULT_IDENTITY_URL } from "@/lib/oauth/scopes"
import { signInOf } from "@/lib/schemas/sign-in"

import { mailbox, rubyString as rb } from "../literals"
import type { SettingsTarget } from "../types"
import {
  AUTHORITY_VARIABLE,
  CLIENT_SECRET_VARIABLE,
  PASSWORD_VARIABLE,
  connectionFacts,
  oauthSignIn,
  secretNote,
  type ConnectionFacts,
} from "../values"

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

/**
 * OAuth 2.0 app-only: Action Mailer's SMTP settings with authentication: :xoauth2, which the Mail
 * gem hands to net-smtp (0.5.0 and later send the password as the XOAUTH2 token:
 * lib/net/smtp/auth_xoauth2.rb). Ruby has no MSAL; the token comes from the oauth2 gem's client
 * credentials grant (OAuth2::Client#client_credentials.get_token, with auth_scheme :request_body,
 * which puts client_id and client_secret in the form as Microsoft documents; oauth2 2.0 made
 * :basic_auth the default: https://github.com/oauth-xx/oauth2/blob/main/CHANGELOG.md). An Action
 * Mailer interceptor (register_interceptor, which takes any object with delivering_email) runs
 * before each delivery, when the message's Mail::SMTP already holds its own copy of the settings,
 * and puts a token in as the password: the one it has, or a new one five minutes before that one
 * expires. ActiveSupport.on_load registers it when Action Mailer loads, as Rails' own
 * configuration does.
 */
function appOnlyLines(facts: ConnectionFacts): string[] {
  return [
    "",
    "# OAuth 2.0 app-only (client credentials): the oauth2 gem (Gemfile: gem 'oauth2') gets the app's",
    "# token from Microsoft, and this interceptor puts it in as the password before each delivery,",
    "# with a new one five minutes before it expires (tokens last about an hour).",
    "require 'oauth2'",
    "",
    "class MicrosoftToken",
    "  def initialize(client)",
    "    @client = client",
    "    @lock = Mutex.new",
    "  end",
    "",
    "  def delivering_email(message)",
    "    return unless message.delivery_method.is_a?(Mail::SMTP)",
    "",
    "    message.delivery_method.settings[:password] = token",
    "  end",
    "",
    "  private",
    "",
    "  def token",
    "    @lock.synchronize do",
    "      if @token.nil? || @token.expires_at < Time.now.to_i + 300",
    `        @token = @client.client_credentials.get_token(scope: ${rb(APP_ONLY_SCOPE)})`,
    "      end",
    "      @token.token",
    "    end",
    "  end",
    "end",
    "",
    `# Microsoft's sign-in address; ${AUTHORITY_VARIABLE} names another (a national cloud, a test server).`,
    `authority = ENV.fetch(${rb(AUTHORITY_VARIABLE)}, ${rb(DEFAULT_IDENTITY_URL)})`,
    "microsoft = OAuth2::Client.new(",
    `  ${rb(facts.clientId)}, # Application (client) ID`,
    `  ENV.fetch(${rb(CLIENT_SECRET_VARIABLE)}), # from the environment, never in the code`,
    "  site: authority,",
    `  # The Directory (tenant) ID's token endpoint.`,
    `  token_url: authority + ${rb(`/${facts.tenant}/oauth2/v2.0/token`)},`,
    "  # client_id and client_secret in the form (oauth2 2.x sends them as Basic auth by default).",
    "  auth_scheme: :request_body,",
    ")",
    "ActiveSupport.on_load(:action_mailer) { register_interceptor(MicrosoftToken.new(microsoft)) }",
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
    // Its NEWS.md, 0.5.0 (2024-03-27): "Add XOAUTH2 authenticator" (pull request 80).
    source: "https://github.com/ruby/net-smtp/blob/master/NEWS.md",
  },
  oauthVariant: {
    takes: `the oauth2 gem and net-smtp 0.5.0 or later, and the client secret in ${CLIENT_SECRET_VARIABLE}; app-only only`,
    // A device code sign-in needs a person at a browser, which a Rails app sending mail has not.
    fits: (values) => signInOf(values) !== "oauth-device",
  },
  render(values) {
    const facts = connectionFacts(values)
    const appOnly = oauthSignIn(facts) === "oauth-app"
    const verify =
      facts.security === "none"
        ? []
        : [
            "  # Check the server certificate against the system's trusted CAs.",
            "  openssl_verify_mode: 'peer',",
          ]
    const auth = appOnly
      ? [
          `  user_name: ${rb(facts.user)},`,
          "  # XOAUTH2 (net-smtp 0.5.0 or later: gem 'net-smtp', '>= 0.5'): the password is the app's",
          "  # token, which MicrosoftToken below puts in before each delivery.",
          "  authentication: :xoauth2,",
        ]
      : facts.signsIn
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
      ...(appOnly ? appOnlyLines(facts) : []),
      "",
    ].join("\n")
    return {
      content,
      secretNote: appOnly
        ? `The client secret is read from the ${CLIENT_SECRET_VARIABLE} environment variable (ENV.fetch fails at boot if it is missing); the token it gets is the password net-smtp sends.`
        : secretNote(
            facts,
            `Action Mailer reads the password from the ${PASSWORD_VARIABLE} environment variable (ENV.fetch fails at boot if it is missing).`
          ),
    }
  },
}
