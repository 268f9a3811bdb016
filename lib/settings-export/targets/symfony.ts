/**
 * Symfony Mailer: the MAILER_DSN that config/packages/mailer.yaml reads (dsn: '%env(MAILER_DSN)%').
 * DSN and options: https://symfony.com/doc/current/mailer.html (Transport Setup, TLS Peer
 * Verification, require_tls); ${VAR} expansion in .env files: https://symfony.com/doc/current/configuration.html
 * (symfony/dotenv); global From header: https://symfony.com/doc/current/mailer.html#configuring-emails-globally.
 */
import { APP_ONLY_SCOPE, DEFAULT_IDENTITY_URL } from "@/lib/oauth/scopes"
import { signInOf } from "@/lib/schemas/sign-in"

import { phpEnvValue as quote, phpString as php } from "../literals"
import { xoauth2AuthenticatorLines } from "../symfony-xoauth2"
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

/** A DSN user name: percent-encoded, including the characters Symfony lists as special (!, *, ', ( and )). */
function userinfo(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`
  )
}

/** The DSN's TLS options: require_tls for STARTTLS (Symfony 7.3+), verify_peer unless plain. */
function tlsOptions(security: ConnectionFacts["security"]): string[] {
  return [
    ...(security === "starttls" ? ["require_tls=true"] : []),
    ...(security === "none" ? [] : ["verify_peer=true"]),
  ]
}

/** The From header every message gets, as MAILER_FROM holds it. */
function fromHeader(facts: ConnectionFacts): string {
  return facts.fromName ? `${facts.fromName} <${facts.fromAddress}>` : facts.fromAddress
}

/**
 * OAuth 2.0 app-only for Symfony 6.3 or later: a transport factory of the app's own for a
 * microsoft365:// DSN, registered with the mailer by the mailer.transport_factory tag (custom
 * transport factories, Symfony Mailer 4.4 CHANGELOG; the tag is not autoconfigured, hence
 * #[AutoconfigureTag]). It builds the framework's own SMTP transport (the
 * mailer.transport_factory.smtp service, FrameworkBundle's Resources/config/mailer_transports.php,
 * so mailer events and the global From header still apply) and gives it one authenticator
 * (EsmtpTransport::setAuthenticators, Symfony Mailer 6.3 CHANGELOG): XOAUTH2 with the app's token,
 * fetched when the transport signs in. Symfony's XOAuth2Authenticator sends the transport's
 * password as the token, so the password is set to the token first. The token comes from
 * league/oauth2-client (PHP has no MSAL; GenericProvider's client credentials grant,
 * https://oauth2-client.thephpleague.com/usage/), kept in the app's cache (Symfony's
 * CacheInterface::get, https://symfony.com/doc/current/components/cache.html) until five minutes
 * before it expires. The client secret is the DSN's password, as Symfony's own API transports take
 * their keys.
 */
function appOnlyFile(facts: ConnectionFacts): string {
  const options = [
    `tenant=${encodeURIComponent(facts.tenant)}`,
    `client_id=${encodeURIComponent(facts.clientId)}`,
    ...tlsOptions(facts.security),
  ].join("&")
  const dsn = `microsoft365://${userinfo(facts.user)}:\${${CLIENT_SECRET_VARIABLE}}@${facts.host}:${facts.port}?${options}`
  return [
    "<?php",
    "// src/Mailer/Microsoft365TransportFactory.php (Symfony 6.3 or later): mail through Microsoft 365",
    "// with the app's OAuth 2.0 token (client credentials), renewed before it expires.",
    "// 1. composer require league/oauth2-client",
    "// 2. .env.local, the client secret as the DSN's password (from the server's environment):",
    `//      MAILER_DSN="${dsn}"`,
    `//      MAILER_FROM=${quote(fromHeader(facts))}`,
    "// 3. Nothing else: the tag below hands the factory to the mailer.",
    "",
    "namespace App\\Mailer;",
    "",
    "use League\\OAuth2\\Client\\Provider\\GenericProvider;",
    "use Symfony\\Component\\DependencyInjection\\Attribute\\AutoconfigureTag;",
    "use Symfony\\Component\\DependencyInjection\\Attribute\\Autowire;",
    "use Symfony\\Component\\Mailer\\Transport\\Dsn;",
    "use Symfony\\Component\\Mailer\\Transport\\Smtp\\Auth\\AuthenticatorInterface;",
    "use Symfony\\Component\\Mailer\\Transport\\Smtp\\Auth\\XOAuth2Authenticator;",
    "use Symfony\\Component\\Mailer\\Transport\\Smtp\\EsmtpTransport;",
    "use Symfony\\Component\\Mailer\\Transport\\TransportFactoryInterface;",
    "use Symfony\\Component\\Mailer\\Transport\\TransportInterface;",
    "use Symfony\\Contracts\\Cache\\CacheInterface;",
    "use Symfony\\Contracts\\Cache\\ItemInterface;",
    "",
    "#[AutoconfigureTag('mailer.transport_factory')]",
    "final class Microsoft365TransportFactory implements TransportFactoryInterface",
    "{",
    "    public function __construct(",
    "        #[Autowire(service: 'mailer.transport_factory.smtp')]",
    "        private TransportFactoryInterface $smtp,",
    "        private CacheInterface $cache,",
    "    ) {",
    "    }",
    "",
    "    public function supports(Dsn $dsn): bool",
    "    {",
    "        return 'microsoft365' === $dsn->getScheme();",
    "    }",
    "",
    "    public function create(Dsn $dsn): TransportInterface",
    "    {",
    "        // Symfony's SMTP transport, without the client secret, signing in with XOAUTH2 only.",
    "        /** @var EsmtpTransport $transport */",
    "        $transport = $this->smtp->create(",
    "            new Dsn('smtp', $dsn->getHost(), $dsn->getUser(), null, $dsn->getPort(), $dsn->getOptions())",
    "        );",
    "        $token = fn (): string => $this->token($dsn);",
    ...xoauth2AuthenticatorLines("        "),
    "",
    "        return $transport;",
    "    }",
    "",
    "    /** The app's token, kept in the app's cache until five minutes before it expires. */",
    "    private function token(Dsn $dsn): string",
    "    {",
    "        $clientId = $dsn->getOption('client_id');",
    "",
    "        return $this->cache->get('microsoft365_smtp_token.'.$clientId, function (ItemInterface $item) use ($dsn, $clientId): string {",
    `            // Microsoft's sign-in address; ${AUTHORITY_VARIABLE} names another (a national cloud, a test server).`,
    `            $authority = ($_SERVER[${php(AUTHORITY_VARIABLE)}] ?? null) ?: ${php(DEFAULT_IDENTITY_URL)};`,
    "            $tenant = $authority.'/'.rawurlencode($dsn->getOption('tenant'));",
    "            $provider = new GenericProvider([",
    "                'clientId' => $clientId,",
    "                'clientSecret' => $dsn->getPassword(),",
    "                'urlAuthorize' => $tenant.'/oauth2/v2.0/authorize',",
    "                'urlAccessToken' => $tenant.'/oauth2/v2.0/token',",
    "                'urlResourceOwnerDetails' => '',",
    "            ]);",
    `            $token = $provider->getAccessToken('client_credentials', ['scope' => ${php(APP_ONLY_SCOPE)}]);`,
    "            $item->expiresAt((new \\DateTimeImmutable())->setTimestamp($token->getExpires() - 300));",
    "",
    "            return $token->getToken();",
    "        });",
    "    }",
    "}",
    "",
  ].join("\n")
}

export const symfonyTarget: SettingsTarget = {
  id: "symfony",
  title: "Symfony Mailer (.env.local)",
  group: "Frameworks and languages",
  filename: ".env.local",
  language: "dotenv",
  oauthVerdict: {
    kind: "takes-token",
    since: "Symfony Mailer 4.3",
    how: "Symfony Mailer's XOAUTH2 authenticator sends the transport's password as the token; the DSN cannot fetch or renew it (tokens last about an hour), so the app's own transport factory gets it with league/oauth2-client",
    source:
      "https://github.com/symfony/mailer/blob/v4.3.0/Transport/Smtp/Auth/XOAuth2Authenticator.php",
  },
  oauthVariant: {
    takes: `Symfony 6.3 or later, league/oauth2-client (composer require league/oauth2-client) and the client secret in ${CLIENT_SECRET_VARIABLE}; app-only only`,
    // A device code sign-in needs a person at a browser, which an application sending mail has not.
    fits: (values) => signInOf(values) !== "oauth-device",
  },
  render(values) {
    const facts = connectionFacts(values)
    if (oauthSignIn(facts) === "oauth-app") {
      return {
        title: "Symfony Mailer (transport factory)",
        filename: "Microsoft365TransportFactory.php",
        language: "php",
        content: appOnlyFile(facts),
        secretNote: `Save as src/Mailer/Microsoft365TransportFactory.php. The client secret is the DSN's password: set ${CLIENT_SECRET_VARIABLE} in the server's environment, URL-encoded if it holds anything but letters, digits and ~ . _ - (Dotenv pastes it into the DSN as is).`,
      }
    }
    const scheme = facts.security === "tls" ? "smtps" : "smtp"
    const credentials = facts.signsIn ? `${userinfo(facts.user)}:\${${PASSWORD_VARIABLE}}@` : ""
    const options = tlsOptions(facts.security)
    const query = options.length ? `?${options.join("&")}` : ""
    const dsn = `${scheme}://${credentials}${facts.host}:${facts.port}${query}`
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
      `MAILER_FROM=${quote(fromHeader(facts))}`,
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
