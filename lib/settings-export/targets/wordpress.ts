// WordPress with the WP Mail SMTP plugin: constants in wp-config.php that override the plugin's
// settings page (and keep the settings out of the database).
// Constants: https://wpmailsmtp.com/docs/how-to-secure-smtp-settings-by-using-constants/
// (checked against the plugin's src/Options.php: WPMS_SSL '' means no encryption).
import { APP_ONLY_SCOPE, DEFAULT_IDENTITY_URL } from "@/lib/oauth/scopes"
import { signInOf } from "@/lib/schemas/sign-in"

import { phpString as php } from "../literals"
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

/** PHPMailer's SMTPSecure for the must-use plugin: 'tls' (STARTTLS) and 'ssl' fail rather than send in plain text. */
function smtpSecure(security: ConnectionFacts["security"]): string {
  return security === "tls"
    ? "'ssl'; // implicit TLS from the first byte"
    : security === "starttls"
      ? "'tls'; // STARTTLS, required: fails rather than send in plain text"
      : "''; // no encryption required (PHPMailer still upgrades when the server offers STARTTLS)"
}

/**
 * OAuth 2.0 app-only for WordPress without WP Mail SMTP: a must-use plugin that sets up WordPress's
 * own PHPMailer in the phpmailer_init action (wp_mail() in wp-includes/pluggable.php) with
 * AuthType XOAUTH2 and setOAuth(), which PHPMailer 6.6.0 added with its OAuthTokenProvider
 * interface (PHPMailer's src/OAuthTokenProvider.php). WordPress bundles PHPMailer.php (with
 * setOAuth), SMTP.php and Exception.php, not that interface
 * (https://github.com/WordPress/wordpress-develop/tree/trunk/src/wp-includes/PHPMailer), so the
 * plugin declares PHPMailer's one-method interface when nothing has loaded it. WordPress sites have
 * no Composer to bring league/oauth2-client (which PHPMailer's own OAuth class needs), so the token
 * request goes through WordPress's HTTP API (wp_remote_post), as plugins' requests do, and the token
 * is kept in a transient until five minutes before it expires.
 */
function mustUsePlugin(facts: ConnectionFacts): string {
  const define = (line: string) => `\t${line}`
  return [
    "<?php",
    "/**",
    " * Plugin Name: Microsoft 365 mail with OAuth 2.0",
    " * Description: Sends WordPress mail through Microsoft 365 SMTP with the app's OAuth 2.0 token (client credentials). From smtp365.",
    " */",
    "// Save as wp-content/mu-plugins/smtp365-oauth.php: must-use plugins run without activation. It sets",
    "// up WordPress's own PHPMailer, so turn off any other mail plugin (WP Mail SMTP) for the site.",
    "",
    "namespace PHPMailer\\PHPMailer {",
    define("defined( 'ABSPATH' ) || exit;"),
    "",
    define(
      "// WordPress bundles PHPMailer's setOAuth() without its OAuthTokenProvider interface: declare"
    ),
    define("// PHPMailer's one-method interface, unless WordPress or a plugin has it."),
    define("if ( ! interface_exists( OAuthTokenProvider::class ) ) {"),
    define("\tif ( file_exists( ABSPATH . WPINC . '/PHPMailer/OAuthTokenProvider.php' ) ) {"),
    define("\t\trequire_once ABSPATH . WPINC . '/PHPMailer/OAuthTokenProvider.php';"),
    define("\t} else {"),
    define("\t\tinterface OAuthTokenProvider {"),
    define("\t\t\tpublic function getOauth64();"),
    define("\t\t}"),
    define("\t}"),
    define("}"),
    "}",
    "",
    "namespace {",
    define("/**"),
    define(
      " * The app's token for PHPMailer's XOAUTH2, kept in a transient until five minutes before it"
    ),
    define(
      " * expires. Fetched with WordPress's HTTP API: a WordPress site has no Composer for an OAuth library."
    ),
    define(" */"),
    define("final class Smtp365_App_Token implements PHPMailer\\PHPMailer\\OAuthTokenProvider {"),
    define(`\tconst TENANT    = ${php(facts.tenant)}; // Directory (tenant) ID`),
    define(`\tconst CLIENT_ID = ${php(facts.clientId)}; // Application (client) ID`),
    define(`\tconst USER      = ${php(facts.user)}; // the mailbox to send as`),
    "",
    define("\tpublic function getOauth64() {"),
    define("\t\t$token = get_transient( 'smtp365_oauth_token' );"),
    define("\t\tif ( ! is_string( $token ) ) {"),
    define("\t\t\t$token = self::fetch();"),
    define("\t\t}"),
    define(
      `\t\treturn base64_encode( 'user=' . self::USER . "\\001auth=Bearer " . $token . "\\001\\001" );`
    ),
    define("\t}"),
    "",
    define("\tprivate static function fetch() {"),
    define(
      `\t\t// Microsoft's sign-in address; ${AUTHORITY_VARIABLE} names another (a national cloud, a test server).`
    ),
    define(
      `\t\t$authority = getenv( ${php(AUTHORITY_VARIABLE)} ) ?: ${php(DEFAULT_IDENTITY_URL)};`
    ),
    define("\t\t$response  = wp_remote_post("),
    define("\t\t\t$authority . '/' . rawurlencode( self::TENANT ) . '/oauth2/v2.0/token',"),
    define("\t\t\tarray("),
    define("\t\t\t\t'timeout' => 15,"),
    define("\t\t\t\t'body'    => array("),
    define("\t\t\t\t\t'grant_type'    => 'client_credentials',"),
    define("\t\t\t\t\t'client_id'     => self::CLIENT_ID,"),
    define(
      `\t\t\t\t\t'client_secret' => getenv( ${php(CLIENT_SECRET_VARIABLE)} ), // from the environment, never in code`
    ),
    define(`\t\t\t\t\t'scope'         => ${php(APP_ONLY_SCOPE)},`),
    define("\t\t\t\t),"),
    define("\t\t\t)"),
    define("\t\t);"),
    define("\t\tif ( is_wp_error( $response ) ) {"),
    define("\t\t\tthrow new PHPMailer\\PHPMailer\\Exception( $response->get_error_message() );"),
    define("\t\t}"),
    define("\t\t$answer = json_decode( wp_remote_retrieve_body( $response ), true );"),
    define("\t\tif ( empty( $answer['access_token'] ) ) {"),
    define(
      '\t\t\t// Microsoft\'s reason, for example "AADSTS7000215: Invalid client secret provided."'
    ),
    define(
      "\t\t\tthrow new PHPMailer\\PHPMailer\\Exception( $answer['error_description'] ?? 'No token from ' . $authority );"
    ),
    define("\t\t}"),
    define(
      "\t\tset_transient( 'smtp365_oauth_token', $answer['access_token'], max( 60, (int) $answer['expires_in'] - 300 ) );"
    ),
    define("\t\treturn $answer['access_token'];"),
    define("\t}"),
    define("}"),
    "",
    define("add_action("),
    define("\t'phpmailer_init',"),
    define("\tfunction ( $phpmailer ) {"),
    define("\t\t$phpmailer->isSMTP();"),
    define(`\t\t$phpmailer->Host       = ${php(facts.host)};`),
    define(`\t\t$phpmailer->Port       = ${facts.port};`),
    define(`\t\t$phpmailer->SMTPSecure = ${smtpSecure(facts.security)}`),
    define("\t\t$phpmailer->SMTPAuth   = true;"),
    define("\t\t$phpmailer->AuthType   = 'XOAUTH2'; // PHPMailer asks the token provider"),
    define("\t\t$phpmailer->setOAuth( new Smtp365_App_Token() );"),
    define("\t}"),
    define(");"),
    define("add_filter("),
    define("\t'wp_mail_from',"),
    define("\tfunction () {"),
    define(`\t\treturn ${php(facts.fromAddress)};`),
    define("\t}"),
    define(");"),
    ...(facts.fromName
      ? [
          define("add_filter("),
          define("\t'wp_mail_from_name',"),
          define("\tfunction () {"),
          define(`\t\treturn ${php(facts.fromName)};`),
          define("\t}"),
          define(");"),
        ]
      : []),
    "}",
    "",
  ].join("\n")
}

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
    kind: "takes-token",
    since: "PHPMailer 6.6.0, as WordPress bundles it",
    how: "WP Mail SMTP's Other SMTP mailer signs in only with a username and password, and its Microsoft 365 / Outlook mailer (Pro) sends through Microsoft's API, not SMTP (https://wpmailsmtp.com/docs/how-to-set-up-the-outlook-mailer-in-wp-mail-smtp/); WordPress's own PHPMailer sends XOAUTH2 with the token an OAuthTokenProvider gives it, set in the phpmailer_init action by a must-use plugin that gets the token",
    source:
      "https://github.com/WordPress/wordpress-develop/blob/trunk/src/wp-includes/PHPMailer/PHPMailer.php",
  },
  oauthVariant: {
    takes: `a must-use plugin (no other library: WordPress's HTTP API gets the token) and the client secret in ${CLIENT_SECRET_VARIABLE}; app-only only`,
    // A device code sign-in needs a person at a browser, which a site sending mail has not.
    fits: (values) => signInOf(values) !== "oauth-device",
  },
  render(values) {
    const facts = connectionFacts(values)
    if (oauthSignIn(facts) === "oauth-app") {
      return {
        title: "WordPress (must-use plugin)",
        filename: "smtp365-oauth.php",
        language: "php",
        content: mustUsePlugin(facts),
        secretNote: `Save as wp-content/mu-plugins/smtp365-oauth.php. The client secret is read from the ${CLIENT_SECRET_VARIABLE} environment variable: set it for PHP, e.g. env[${CLIENT_SECRET_VARIABLE}] = ... in the php-fpm pool file (php-fpm clears other variables) or SetEnv ${CLIENT_SECRET_VARIABLE} ... in Apache's site config, outside the web root.`,
      }
    }
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
