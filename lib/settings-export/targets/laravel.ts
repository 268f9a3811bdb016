/**
 * Laravel 11 and 12: the MAIL_* keys that the framework's config/mail.php reads from .env.
 * Keys: https://laravel.com/docs/12.x/mail#configuration and config/mail.php in laravel/framework;
 * MAIL_SCHEME is passed to Symfony Mailer (MailManager::createSmtpTransport), which upgrades an smtp
 * connection with STARTTLS whenever the server offers it. Laravel sends through Symfony Mailer since
 * Laravel 9 (laravel/framework v9.0.0 composer.json requires symfony/mailer ^6.0; v11.0.0 ^7.0).
 */
import { APP_ONLY_SCOPE, DEFAULT_IDENTITY_URL } from "@/lib/oauth/scopes"
import { signInOf } from "@/lib/schemas/sign-in"

import { phpEnvValue as quote, phpString as php } from "../literals"
import { xoauth2AuthenticatorLines } from "../symfony-xoauth2"
import type { SettingsTarget } from "../types"
import {
  AUTHORITY_VARIABLE,
  connectionFacts,
  oauthSignIn,
  secretNote,
  type ConnectionFacts,
} from "../values"

/** Where Laravel reads the client secret from: a MAIL_* key of its own, as MAIL_PASSWORD is. */
const LARAVEL_SECRET_VARIABLE = "MAIL_OAUTH_CLIENT_SECRET"

/**
 * OAuth 2.0 app-only for Laravel 11 or later (Symfony Mailer 7): a mail transport of the app's own,
 * registered with Mail::extend (custom transports, https://laravel.com/docs/12.x/mail#custom-transports),
 * which builds Laravel's own SMTP transport (MailManager::createSymfonyTransport with 'transport' =>
 * 'smtp', laravel/framework src/Illuminate/Mail/MailManager.php) and gives it one authenticator
 * (EsmtpTransport::setAuthenticators, Symfony Mailer 6.3 CHANGELOG): XOAUTH2 with the app's token,
 * fetched when the transport signs in, so a queue worker that runs for days still signs in with a
 * fresh one. Symfony's XOAuth2Authenticator sends the transport's password as the token, so the
 * password is set to the token first. The token comes from league/oauth2-client (PHP has no MSAL;
 * GenericProvider's client credentials grant, https://oauth2-client.thephpleague.com/usage/), kept in
 * Laravel's cache (Cache::get/put) until five minutes before it expires. The settings come from the
 * mailer's entry in config/mail.php, which reads .env: env() outside config files returns nothing
 * once the configuration is cached (https://laravel.com/docs/12.x/configuration#configuration-caching).
 */
function appOnlyFile(facts: ConnectionFacts): string {
  const env = [
    "MAIL_MAILER=microsoft365",
    `MAIL_SCHEME=${facts.security === "tls" ? "smtps" : "smtp"}`,
    `MAIL_HOST=${quote(facts.host)}`,
    `MAIL_PORT=${facts.port}`,
    `MAIL_USERNAME=${quote(facts.user)}`,
    `MAIL_OAUTH_TENANT_ID=${quote(facts.tenant)}`,
    `MAIL_OAUTH_CLIENT_ID=${quote(facts.clientId)}`,
    `MAIL_FROM_ADDRESS=${quote(facts.fromAddress)}`,
    ...(facts.fromName ? [`MAIL_FROM_NAME=${quote(facts.fromName)}`] : []),
  ]
  return [
    "<?php",
    "// app/Providers/Microsoft365MailServiceProvider.php (Laravel 11 or later): mail through Microsoft 365",
    "// with the app's OAuth 2.0 token (client credentials), renewed before it expires.",
    "// 1. composer require league/oauth2-client",
    "// 2. bootstrap/providers.php: add App\\Providers\\Microsoft365MailServiceProvider::class",
    "// 3. config/mail.php, under 'mailers':",
    "//        'microsoft365' => [",
    "//            'transport' => 'microsoft365',",
    "//            'scheme' => env('MAIL_SCHEME'),",
    "//            'host' => env('MAIL_HOST'),",
    "//            'port' => env('MAIL_PORT'),",
    "//            'username' => env('MAIL_USERNAME'),",
    "//            'tenant' => env('MAIL_OAUTH_TENANT_ID'),",
    "//            'client_id' => env('MAIL_OAUTH_CLIENT_ID'),",
    `//            'client_secret' => env('${LARAVEL_SECRET_VARIABLE}'),`,
    `//            // Microsoft's sign-in address; ${AUTHORITY_VARIABLE} names another (a national cloud, a test server).`,
    `//            'authority' => env('${AUTHORITY_VARIABLE}', '${DEFAULT_IDENTITY_URL}'),`,
    "//        ],",
    `// 4. .env (and ${LARAVEL_SECRET_VARIABLE} in the server's environment, never in .env):`,
    ...env.map((line) => `//        ${line}`),
    "",
    "namespace App\\Providers;",
    "",
    "use Illuminate\\Support\\Arr;",
    "use Illuminate\\Support\\Facades\\Cache;",
    "use Illuminate\\Support\\Facades\\Mail;",
    "use Illuminate\\Support\\ServiceProvider;",
    "use League\\OAuth2\\Client\\Provider\\GenericProvider;",
    "use Symfony\\Component\\Mailer\\Transport\\Smtp\\Auth\\AuthenticatorInterface;",
    "use Symfony\\Component\\Mailer\\Transport\\Smtp\\Auth\\XOAuth2Authenticator;",
    "use Symfony\\Component\\Mailer\\Transport\\Smtp\\EsmtpTransport;",
    "",
    "class Microsoft365MailServiceProvider extends ServiceProvider",
    "{",
    "    private const OAUTH = ['tenant', 'client_id', 'client_secret', 'authority'];",
    "",
    "    public function boot(): void",
    "    {",
    "        Mail::extend('microsoft365', function (array $config) {",
    "            // Laravel's SMTP transport, without the OAuth settings, signing in with XOAUTH2 only.",
    "            $transport = Mail::createSymfonyTransport(['transport' => 'smtp'] + Arr::except($config, self::OAUTH));",
    "            $token = fn (): string => $this->token(Arr::only($config, self::OAUTH));",
    ...xoauth2AuthenticatorLines("            "),
    "",
    "            return $transport;",
    "        });",
    "    }",
    "",
    "    /** The app's token, kept in Laravel's cache until five minutes before it expires. */",
    "    private function token(array $oauth): string",
    "    {",
    "        $key = 'microsoft365-smtp-token:'.$oauth['client_id'];",
    "        if (is_string($cached = Cache::get($key))) {",
    "            return $cached;",
    "        }",
    "        $tenant = $oauth['authority'].'/'.rawurlencode($oauth['tenant']);",
    "        $provider = new GenericProvider([",
    "            'clientId' => $oauth['client_id'],",
    "            'clientSecret' => $oauth['client_secret'],",
    "            'urlAuthorize' => $tenant.'/oauth2/v2.0/authorize',",
    "            'urlAccessToken' => $tenant.'/oauth2/v2.0/token',",
    "            'urlResourceOwnerDetails' => '',",
    "        ]);",
    `        $token = $provider->getAccessToken('client_credentials', ['scope' => ${php(APP_ONLY_SCOPE)}]);`,
    "        Cache::put($key, $token->getToken(), $token->getExpires() - time() - 300);",
    "",
    "        return $token->getToken();",
    "    }",
    "}",
    "",
  ].join("\n")
}

export const laravelTarget: SettingsTarget = {
  id: "laravel",
  title: "Laravel (.env)",
  group: "Frameworks and languages",
  filename: ".env",
  language: "dotenv",
  oauthVerdict: {
    kind: "takes-token",
    since: "Laravel 9",
    how: "Laravel sends through Symfony Mailer, whose XOAUTH2 authenticator sends MAIL_PASSWORD as the token; nothing in Laravel fetches or renews it (tokens last about an hour), so a mail transport of the app's own gets it with league/oauth2-client",
    source:
      "https://github.com/symfony/mailer/blob/v4.3.0/Transport/Smtp/Auth/XOAuth2Authenticator.php",
  },
  oauthVariant: {
    takes: `Laravel 11 or later, league/oauth2-client (composer require league/oauth2-client) and the client secret in ${LARAVEL_SECRET_VARIABLE}; app-only only`,
    // A device code sign-in needs a person at a browser, which an application sending mail has not.
    fits: (values) => signInOf(values) !== "oauth-device",
  },
  render(values) {
    const facts = connectionFacts(values)
    if (oauthSignIn(facts) === "oauth-app") {
      return {
        title: "Laravel (mail service provider)",
        filename: "Microsoft365MailServiceProvider.php",
        language: "php",
        content: appOnlyFile(facts),
        secretNote: `Save as app/Providers/Microsoft365MailServiceProvider.php. The client secret is read from ${LARAVEL_SECRET_VARIABLE} through config/mail.php: set it as an environment variable of the PHP process (Laravel keeps a real environment variable over .env), never in .env under version control.`,
      }
    }
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
