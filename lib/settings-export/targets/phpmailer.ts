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
  testSubject,
  type ConnectionFacts,
} from "../values"

/**
 * OAuth 2.0 app-only for PHPMailer 6.6 or later: an OAuthTokenProvider (PHPMailer's interface for
 * the XOAUTH2 string, src/OAuthTokenProvider.php) whose token comes from league/oauth2-client, the
 * library PHPMailer's own OAuth class is built on, with its client credentials grant
 * (GenericProvider::getAccessToken('client_credentials'), https://oauth2-client.thephpleague.com/usage/).
 * The token is kept until it expires, then fetched again.
 */
function appOnlyLines(facts: ConnectionFacts): string[] {
  const endpoint = (route: string) => `$authority . ${php(`/${facts.tenant}/oauth2/v2.0/${route}`)}`
  return [
    "/**",
    " * The app's own token (OAuth 2.0 client credentials) for PHPMailer's XOAUTH2, from",
    " * league/oauth2-client; fetched again when it expires (after about an hour).",
    " */",
    "final class AppOnlyToken implements OAuthTokenProvider",
    "{",
    "    private ?AccessTokenInterface $token = null;",
    "",
    "    public function __construct(private GenericProvider $provider, private string $user)",
    "    {",
    "    }",
    "",
    "    public function getOauth64(): string",
    "    {",
    "        if ($this->token === null || $this->token->hasExpired()) {",
    "            $this->token = $this->provider->getAccessToken('client_credentials', [",
    `                'scope' => ${php(APP_ONLY_SCOPE)},`,
    "            ]);",
    "        }",
    '        return base64_encode("user={$this->user}\\001auth=Bearer {$this->token->getToken()}\\001\\001");',
    "    }",
    "}",
    "",
    `// Microsoft's sign-in address; ${AUTHORITY_VARIABLE} names another (a national cloud, a test server).`,
    `$authority = getenv(${php(AUTHORITY_VARIABLE)}) ?: ${php(DEFAULT_IDENTITY_URL)};`,
    "$provider = new GenericProvider([",
    `    'clientId' => ${php(facts.clientId)}, // Application (client) ID`,
    `    'clientSecret' => getenv(${php(CLIENT_SECRET_VARIABLE)}), // from the environment, never in code`,
    `    'urlAuthorize' => ${endpoint("authorize")},`,
    `    'urlAccessToken' => ${endpoint("token")}, // the Directory (tenant) ID's token endpoint`,
    "    'urlResourceOwnerDetails' => '',",
    "]);",
    "",
  ]
}

/** PHPMailer's SMTPSecure: STARTTLS or SMTPS make TLS required; empty lets it upgrade when offered. */
function smtpSecure(security: ConnectionFacts["security"]) {
  return security === "tls"
    ? "PHPMailer::ENCRYPTION_SMTPS; // implicit TLS"
    : security === "starttls"
      ? "PHPMailer::ENCRYPTION_STARTTLS; // required: fails rather than send in plain text"
      : "''; // no encryption required (PHPMailer still upgrades when the server offers STARTTLS)"
}

export const phpmailerTarget: SettingsTarget = {
  id: "phpmailer",
  title: "PHP (PHPMailer)",
  group: "Frameworks and languages",
  filename: "send-mail.php",
  language: "php",
  oauthVerdict: {
    kind: "takes-token",
    since: "PHPMailer 6.6.0",
    how: "PHPMailer sends XOAUTH2 with the token an OAuthTokenProvider gives it (its own OAuth class renews a user's refresh token with league/oauth2-client)",
    source: "https://github.com/PHPMailer/PHPMailer/blob/master/src/OAuthTokenProvider.php",
  },
  oauthVariant: {
    takes: `league/oauth2-client (composer require league/oauth2-client) and the client secret in ${CLIENT_SECRET_VARIABLE}; app-only only`,
    // A device code sign-in needs a person at a browser, which a script sending mail has not.
    fits: (values) => signInOf(values) !== "oauth-device",
  },
  render(values) {
    const facts = connectionFacts(values)
    const appOnly = oauthSignIn(facts) === "oauth-app"
    const content = [
      "<?php",
      ...(appOnly
        ? [
            "use League\\OAuth2\\Client\\Provider\\GenericProvider;",
            "use League\\OAuth2\\Client\\Token\\AccessTokenInterface;",
            "use PHPMailer\\PHPMailer\\OAuthTokenProvider;",
          ]
        : []),
      "use PHPMailer\\PHPMailer\\PHPMailer;",
      "",
      appOnly
        ? "require 'vendor/autoload.php'; // composer require phpmailer/phpmailer league/oauth2-client"
        : "require 'vendor/autoload.php';",
      "",
      ...(appOnly ? appOnlyLines(facts) : []),
      "$mail = new PHPMailer(true); // throws on errors",
      "$mail->isSMTP();",
      `$mail->Host = ${php(facts.host)};`,
      `$mail->Port = ${facts.port};`,
      `$mail->SMTPSecure = ${smtpSecure(facts.security)}`,
      ...(appOnly
        ? [
            "$mail->SMTPAuth = true;",
            "$mail->AuthType = 'XOAUTH2'; // PHPMailer asks the token provider below",
            `$mail->setOAuth(new AppOnlyToken($provider, ${php(facts.user)}));`,
          ]
        : facts.signsIn
          ? [
              "$mail->SMTPAuth = true;",
              `$mail->Username = ${php(facts.user)};`,
              `$mail->Password = getenv(${php(PASSWORD_VARIABLE)});`,
            ]
          : ["$mail->SMTPAuth = false;"]),
      `$mail->setFrom(${php(facts.fromAddress)}, ${php(facts.fromName)});`,
      `$mail->addAddress(${php(facts.to)});`,
      `$mail->Subject = ${php(testSubject(facts))};`,
      "$mail->Body = 'It works.';",
      "$mail->send();",
      "",
    ].join("\n")
    return {
      content,
      secretNote: appOnly
        ? `The client secret is read from the ${CLIENT_SECRET_VARIABLE} environment variable with getenv().`
        : secretNote(
            facts,
            `The password is read from the ${PASSWORD_VARIABLE} environment variable with getenv().`
          ),
    }
  },
}
