// The OAuth 2.0 app-only variants of the PHP frameworks and WordPress: a Symfony transport factory, a
// Laravel mail transport and a WordPress must-use plugin. None can run here (see each describe
// title), so each is parsed with php -l, read back line by line, and its classes loaded with the
// real interfaces from Debian's Symfony Mailer and PHPMailer where those are on this machine.
import { describe, expect, test } from "vitest"

import { PRACTICE_CLIENT_SECRET, PRACTICE_TENANT_ID } from "@/lib/practice/identity-scenarios"
import type { SetupValues } from "@/lib/schemas/setup"
import type { OAuthSignIn } from "@/lib/schemas/setup-fields"
import {
  PASSWORD,
  outputOf as file,
  run,
  smtpAuthSetup,
  writeScratch,
  oauthSmtpAuthSetup,
  PRACTICE_APP_ONLY as APP_ONLY,
} from "@/test-support/settings-export"

/** SMTP AUTH values as the wizard submits them for an OAuth sign-in, client secret included. */
function oauthSetup(authType: OAuthSignIn, port = 587): SetupValues {
  return oauthSmtpAuthSetup(port, authType, APP_ONLY)
}

/** php -l on the file's content, written under its own file name. */
async function expectPhpParses(name: string, content: string) {
  const { stdout } = await run("php", ["-l", await writeScratch(`oauth-php/${name}`, content)], {
    timeout: 15_000,
  })
  expect(stdout).toContain("No syntax errors detected")
}

/** Runs a PHP script (written to the scratch folder) and returns what it printed. */
async function runPhp(name: string, lines: string[]): Promise<string> {
  const script = await writeScratch(`oauth-php/${name}`, lines.join("\n"))
  const { stdout } = await run("php", [script], { timeout: 15_000 })
  return stdout
}

/** The lines from `first` to the first line after it that is exactly `last`, both included. */
function block(content: string, first: string, last: string): string[] {
  const lines = content.split("\n")
  const start = lines.indexOf(first)
  const end = lines.indexOf(last, start)
  expect(start, first).toBeGreaterThanOrEqual(0)
  expect(end, last).toBeGreaterThan(start)
  return lines.slice(start, end + 1)
}

describe("Symfony transport factory with league/oauth2-client (not in Debian, no Packagist here, and Debian's Symfony Mailer 5.4 has no setAuthenticators: php -l, exact lines, then the class with 5.4's interfaces)", () => {
  test("app-only: a PHP class of its own, the DSN and the secret note", async () => {
    const output = file("symfony", oauthSetup("oauth-app"))
    expect(output).toMatchObject({
      title: "Symfony Mailer (transport factory)",
      filename: "Microsoft365TransportFactory.php",
      language: "php",
    })
    await expectPhpParses(output.filename, output.content)
    expect(output.content.split("\n")).toEqual(
      expect.arrayContaining([
        `//      MAILER_DSN="microsoft365://sender%40contoso.com:\${SMTP_CLIENT_SECRET}@localhost:587?tenant=${PRACTICE_TENANT_ID}&client_id=${APP_ONLY}&require_tls=true&verify_peer=true"`,
        `//      MAILER_FROM='Scan "Floor 2" #1 <sender@contoso.com>'`,
        "#[AutoconfigureTag('mailer.transport_factory')]",
        "        #[Autowire(service: 'mailer.transport_factory.smtp')]",
        "            new Dsn('smtp', $dsn->getHost(), $dsn->getUser(), null, $dsn->getPort(), $dsn->getOptions())",
        "        $transport->setAuthenticators([new class($token) implements AuthenticatorInterface {",
        "                $client->setPassword(($this->token)());",
        "                (new XOAuth2Authenticator())->authenticate($client);",
        "            $authority = ($_SERVER['OAUTH_AUTHORITY'] ?? null) ?: 'https://login.microsoftonline.com';",
        "                'clientSecret' => $dsn->getPassword(),",
        "            $token = $provider->getAccessToken('client_credentials', ['scope' => 'https://outlook.office365.com/.default']);",
        "            $item->expiresAt((new \\DateTimeImmutable())->setTimestamp($token->getExpires() - 300));",
      ])
    )
    expect(output.secretNote).toMatch(/^Save as src\/Mailer\/Microsoft365TransportFactory\.php\./)
    expect(output.content).not.toContain(PRACTICE_CLIENT_SECRET)
  })

  test("the factory loads with Debian's Symfony Mailer 5.4 and takes microsoft365:// DSNs only", async () => {
    const output = file("symfony", oauthSetup("oauth-app"))
    const factory = await writeScratch(`oauth-php/${output.filename}`, output.content)
    const stdout = await runPhp("symfony-factory.php", [
      "<?php",
      "require '/usr/share/php/Symfony/Component/Mailer/autoload.php';",
      `require ${JSON.stringify(factory)};`,
      "use Symfony\\Component\\Mailer\\Transport\\Dsn;",
      // Only supports() runs: creating the transport needs Symfony 6.3 and league/oauth2-client.
      "$factory = (new ReflectionClass(App\\Mailer\\Microsoft365TransportFactory::class))->newInstanceWithoutConstructor();",
      "echo implode(',', class_implements($factory)), \"\\n\";",
      `var_dump($factory->supports(Dsn::fromString('microsoft365://sender%40contoso.com:s@localhost:587?tenant=t&client_id=c')));`,
      "var_dump($factory->supports(Dsn::fromString('smtp://localhost:587')));",
      "",
    ])
    expect(stdout).toBe(
      "Symfony\\Component\\Mailer\\Transport\\TransportFactoryInterface\nbool(true)\nbool(false)\n"
    )
  })

  test("device code and password tests keep the .env.local", () => {
    for (const setup of [oauthSetup("oauth-device"), smtpAuthSetup(587)]) {
      const output = file("symfony", setup)
      expect(output.filename).toBe(".env.local")
      expect(output.content).toContain('MAILER_DSN="smtp://')
    }
  })
})

describe("Laravel mail transport with league/oauth2-client (Laravel and league/oauth2-client are not in Debian, no Packagist here: php -l, then exact lines)", () => {
  test("app-only: a service provider with Mail::extend, config/mail.php and .env in its header", async () => {
    const output = file("laravel", oauthSetup("oauth-app"))
    expect(output).toMatchObject({
      title: "Laravel (mail service provider)",
      filename: "Microsoft365MailServiceProvider.php",
      language: "php",
    })
    await expectPhpParses(output.filename, output.content)
    expect(output.content.split("\n")).toEqual(
      expect.arrayContaining([
        "//            'transport' => 'microsoft365',",
        "//            'client_secret' => env('MAIL_OAUTH_CLIENT_SECRET'),",
        "//            'authority' => env('OAUTH_AUTHORITY', 'https://login.microsoftonline.com'),",
        "//        MAIL_MAILER=microsoft365",
        "//        MAIL_USERNAME=sender@contoso.com",
        `//        MAIL_OAUTH_TENANT_ID=${PRACTICE_TENANT_ID}`,
        `//        MAIL_OAUTH_CLIENT_ID=${APP_ONLY}`,
        `//        MAIL_FROM_NAME='Scan "Floor 2" #1'`,
        "        Mail::extend('microsoft365', function (array $config) {",
        "            $transport = Mail::createSymfonyTransport(['transport' => 'smtp'] + Arr::except($config, self::OAUTH));",
        "            $transport->setAuthenticators([new class($token) implements AuthenticatorInterface {",
        "                    $client->setPassword(($this->token)());",
        "            'clientSecret' => $oauth['client_secret'],",
        "        $token = $provider->getAccessToken('client_credentials', ['scope' => 'https://outlook.office365.com/.default']);",
        "        Cache::put($key, $token->getToken(), $token->getExpires() - time() - 300);",
      ])
    )
    expect(output.content).not.toMatch(/MAIL_PASSWORD=|MAIL_OAUTH_CLIENT_SECRET=/)
    expect(output.secretNote).toContain("MAIL_OAUTH_CLIENT_SECRET")
  })

  test("the authenticator fits Debian's Symfony Mailer 5.4: it loads and names XOAUTH2", async () => {
    const content = file("laravel", oauthSetup("oauth-app")).content
    const authenticator = block(
      content,
      "            $transport->setAuthenticators([new class($token) implements AuthenticatorInterface {",
      "            }]);"
    )
    const stdout = await runPhp("laravel-authenticator.php", [
      "<?php",
      "require '/usr/share/php/Symfony/Component/Mailer/autoload.php';",
      "use Symfony\\Component\\Mailer\\Transport\\Smtp\\Auth\\AuthenticatorInterface;",
      "use Symfony\\Component\\Mailer\\Transport\\Smtp\\Auth\\XOAuth2Authenticator;",
      "use Symfony\\Component\\Mailer\\Transport\\Smtp\\EsmtpTransport;",
      "$token = fn (): string => 'a-token';",
      // The same anonymous class, handed to an array instead of setAuthenticators (Symfony 6.3+).
      ...authenticator.map((line) =>
        line
          .replace("$transport->setAuthenticators([", "$authenticators = [")
          .replace("}]);", "}];")
      ),
      "echo get_parent_class($authenticators[0]) ?: implode(',', class_implements($authenticators[0])), ' ', $authenticators[0]->getAuthKeyword(), \"\\n\";",
      "",
    ])
    expect(stdout).toBe(
      "Symfony\\Component\\Mailer\\Transport\\Smtp\\Auth\\AuthenticatorInterface XOAUTH2\n"
    )
  })

  test("a password test keeps the .env with MAIL_PASSWORD", () => {
    const output = file("laravel", smtpAuthSetup(587))
    expect(output.filename).toBe(".env")
    expect(output.content).toContain("\nMAIL_PASSWORD=\n")
    expect(output.content).not.toContain(PASSWORD)
  })
})

describe("WordPress must-use plugin (WordPress needs a database to run, not set up here: php -l, exact lines, then the token provider with Debian's PHPMailer 6.6)", () => {
  test("app-only: phpmailer_init sets XOAUTH2 and the token provider; the token through WordPress's HTTP API", async () => {
    const output = file("wordpress", oauthSetup("oauth-app"))
    expect(output).toMatchObject({
      title: "WordPress (must-use plugin)",
      filename: "smtp365-oauth.php",
      language: "php",
    })
    await expectPhpParses(output.filename, output.content)
    expect(output.content.split("\n")).toEqual(
      expect.arrayContaining([
        " * Plugin Name: Microsoft 365 mail with OAuth 2.0",
        "\tif ( ! interface_exists( OAuthTokenProvider::class ) ) {",
        "\tfinal class Smtp365_App_Token implements PHPMailer\\PHPMailer\\OAuthTokenProvider {",
        `\t\tconst TENANT    = '${PRACTICE_TENANT_ID}'; // Directory (tenant) ID`,
        `\t\tconst CLIENT_ID = '${APP_ONLY}'; // Application (client) ID`,
        "\t\t\t$authority = getenv( 'OAUTH_AUTHORITY' ) ?: 'https://login.microsoftonline.com';",
        "\t\t\t\t\t\t'client_secret' => getenv( 'SMTP_CLIENT_SECRET' ), // from the environment, never in code",
        "\t\t\t\t\t\t'scope'         => 'https://outlook.office365.com/.default',",
        "\t\t\t$phpmailer->SMTPSecure = 'tls'; // STARTTLS, required: fails rather than send in plain text",
        "\t\t\t$phpmailer->AuthType   = 'XOAUTH2'; // PHPMailer asks the token provider",
        "\t\t\t$phpmailer->setOAuth( new Smtp365_App_Token() );",
        "\t\t\treturn 'Scan \"Floor 2\" #1';",
      ])
    )
    expect(output.content).not.toContain("WPMS_")
    expect(output.secretNote).toMatch(/^Save as wp-content\/mu-plugins\/smtp365-oauth\.php\./)
  })

  test("Debian's PHPMailer 6.6 takes the token provider in setOAuth()", async () => {
    const content = file("wordpress", oauthSetup("oauth-app")).content
    const provider = block(
      content,
      "\tfinal class Smtp365_App_Token implements PHPMailer\\PHPMailer\\OAuthTokenProvider {",
      "\t}"
    )
    const stdout = await runPhp("wordpress-token-provider.php", [
      "<?php",
      "require '/usr/share/php/libphp-phpmailer/autoload.php';",
      ...provider,
      "$mail = new PHPMailer\\PHPMailer\\PHPMailer();",
      "$mail->setOAuth(new Smtp365_App_Token());",
      'echo get_class($mail->getOAuth()), "\\n";',
      "",
    ])
    expect(stdout).toBe("Smtp365_App_Token\n")
  })

  test("implicit TLS: SMTPSecure ssl; a password test keeps WP Mail SMTP's constants", () => {
    const tls = file("wordpress", {
      ...oauthSetup("oauth-app", 465),
      server: { ...oauthSetup("oauth-app", 465).server, security: "tls" },
    })
    expect(tls.content).toContain(
      "\t\t\t$phpmailer->SMTPSecure = 'ssl'; // implicit TLS from the first byte\n"
    )
    const password = file("wordpress", smtpAuthSetup(587))
    expect(password.filename).toBe("wp-config.php")
    expect(password.content).toContain("define( 'WPMS_SMTP_PASS', getenv( 'SMTP_PASSWORD' ) );")
  })
})
