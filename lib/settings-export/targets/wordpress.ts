// WordPress with the WP Mail SMTP plugin: constants in wp-config.php that override the plugin's
// settings page (and keep the settings out of the database).
// Constants: https://wpmailsmtp.com/docs/how-to-secure-smtp-settings-by-using-constants/
// (checked against the plugin's src/Options.php: WPMS_SSL '' means no encryption).
import { phpString as php } from "../literals"
import type { SettingsTarget } from "../types"
import { PASSWORD_VARIABLE, connectionFacts, secretNote, type ConnectionFacts } from "../values"

/** WPMS_SSL: PHPMailer's SMTPSecure. 'tls' is STARTTLS and fails rather than send in plain text. */
function encryption(security: ConnectionFacts["security"]): string[] {
  return security === "tls"
    ? ["define( 'WPMS_SSL', 'ssl' ); // implicit TLS from the first byte"]
    : security === "starttls"
      ? ["define( 'WPMS_SSL', 'tls' ); // STARTTLS, required: fails rather than send in plain text"]
      : [
          "define( 'WPMS_SSL', '' ); // no encryption required",
          "define( 'WPMS_SMTP_AUTOTLS', true ); // still upgrades when the server offers STARTTLS",
        ]
}

export const wordpressTarget: SettingsTarget = {
  id: "wordpress",
  title: "WordPress (WP Mail SMTP)",
  group: "Applications",
  filename: "wp-config.php",
  language: "php",
  oauthVerdict: {
    kind: "graph-only",
    how: "WP Mail SMTP's Other SMTP mailer signs in only with a username and password; its Microsoft 365 / Outlook mailer signs in with OAuth 2.0 but sends through Microsoft's API, not SMTP",
    source: "https://wpmailsmtp.com/docs/how-to-set-up-the-outlook-mailer-in-wp-mail-smtp/",
  },
  render(values) {
    const facts = connectionFacts(values)
    const define = (name: string, value: string) => `define( '${name}', ${value} );`
    const content = [
      "// WP Mail SMTP settings: paste into wp-config.php above the line",
      "// /* That's all, stop editing! Happy publishing. */",
      "define( 'WPMS_ON', true ); // these constants override the plugin's settings page",
      define("WPMS_MAILER", "'smtp'"),
      define("WPMS_SMTP_HOST", php(facts.host)),
      define("WPMS_SMTP_PORT", String(facts.port)),
      ...encryption(facts.security),
      ...(facts.signsIn
        ? [
            define("WPMS_SMTP_AUTH", "true"),
            define("WPMS_SMTP_USER", php(facts.user)),
            "// The password comes from the web server's environment, never from this file.",
            define("WPMS_SMTP_PASS", `getenv( ${php(PASSWORD_VARIABLE)} )`),
          ]
        : [define("WPMS_SMTP_AUTH", "false")]),
      define("WPMS_MAIL_FROM", php(facts.fromAddress)),
      define("WPMS_MAIL_FROM_FORCE", "true"),
      ...(facts.fromName
        ? [
            define("WPMS_MAIL_FROM_NAME", php(facts.fromName)),
            define("WPMS_MAIL_FROM_NAME_FORCE", "true"),
          ]
        : []),
      "",
    ].join("\n")
    return {
      content,
      secretNote: secretNote(
        facts,
        `WPMS_SMTP_PASS reads the ${PASSWORD_VARIABLE} environment variable: set it for PHP, e.g. env[${PASSWORD_VARIABLE}] = ... in the php-fpm pool file (php-fpm clears other variables) or SetEnv ${PASSWORD_VARIABLE} ... in Apache's site config, outside the web root.`
      ),
    }
  },
}
