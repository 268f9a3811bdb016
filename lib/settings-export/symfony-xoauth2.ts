// Symfony Mailer's SMTP transport signing in with XOAUTH2 and a token fetched at each sign-in, as
// the Laravel and Symfony variants set it up: EsmtpTransport::setAuthenticators (Symfony Mailer 6.3,
// its CHANGELOG) with one authenticator that sets the transport's password to the app's token and
// hands over to Symfony's own XOAuth2Authenticator, which sends the password as the token
// (https://github.com/symfony/mailer/blob/v4.3.0/Transport/Smtp/Auth/XOAuth2Authenticator.php).

/**
 * PHP lines, indented by `indent`, that give `$transport` that authenticator; `$token` is a
 * closure that returns the app's token.
 */
export function xoauth2AuthenticatorLines(indent: string): string[] {
  return [
    "$transport->setAuthenticators([new class($token) implements AuthenticatorInterface {",
    "    public function __construct(private \\Closure $token)",
    "    {",
    "    }",
    "",
    "    public function getAuthKeyword(): string",
    "    {",
    "        return 'XOAUTH2';",
    "    }",
    "",
    "    public function authenticate(EsmtpTransport $client): void",
    "    {",
    "        // Symfony's XOAUTH2 sends the password as the token: the app's, fetched now.",
    "        $client->setPassword(($this->token)());",
    "        (new XOAuth2Authenticator())->authenticate($client);",
    "    }",
    "}]);",
  ].map((line) => (line ? `${indent}${line}` : line))
}
