// The OAuth 2.0 app-only variants of Rails (Action Mailer), Go (go-mail) and Spring Boot. Rails runs
// for real: Debian's Action Mailer and oauth2 gem get a token from the practice identity server and
// send through the servers.simulator. go-mail, MSAL for Go, Spring Boot and MSAL4J are not in Debian (and no
// Go module proxy or Maven Central is reachable here): their files are read back with the real
// parsers (gofmt, java.util.Properties, the JDK's Java parser), and Jakarta Mail sends with the
// properties Spring Boot would hand it.
import { describe, expect, test } from "vitest"

import { PRACTICE_CLIENT_SECRET, PRACTICE_TENANT_ID } from "@/lib/practice/identity-scenarios"
import type { SetupValues } from "@/lib/schemas/setup"
import type { OAuthSignIn } from "@/lib/schemas/setup-fields"
import {
  caEnv,
  outputOf as file,
  parseJava,
  run,
  sendWithJakartaMail,
  writeScratch,
  oauthServersForFile,
  oauthSmtpAuthSetup,
  PRACTICE_APP_ONLY as APP_ONLY,
  runToEnd,
  type CommandRun,
} from "@/test-support/settings-export"

const TOKEN_KEY = "settings-export-oauth-rails-go-spring-key"

const servers = oauthServersForFile(TOKEN_KEY)

/** SMTP AUTH values as the wizard submits them for an OAuth sign-in, client secret included. */
function oauthSetup(authType: OAuthSignIn = "oauth-app"): SetupValues {
  return oauthSmtpAuthSetup(servers.simulator?.port ?? 587, authType, APP_ONLY)
}

/** The client credentials requests the identity server has answered for the practice app. */
const tokenRequests = () =>
  servers.identity.requests.filter(
    (request) => request.grant === "client_credentials" && request.clientId === APP_ONLY
  ).length

/** Runs a command to its end, whatever its exit code, with OAUTH_AUTHORITY on the practice server. */
function runWithAuthority(
  command: string,
  args: string[],
  env: Record<string, string>
): Promise<CommandRun> {
  return runToEnd(command, args, {
    env: { ...caEnv, OAUTH_AUTHORITY: servers.identity.url, ...env },
    timeoutMs: 60_000,
  })
}

/**
 * Loads the production.rb snippet as Rails does and delivers two messages with Action Mailer
 * (Debian's 6.1): the snippet is evaluated against the application (`config.action_mailer` is
 * Rails' own ActiveSupport::OrderedOptions), then the options go to ActionMailer::Base as its
 * railtie's action_mailer.set_configs does, when Action Mailer loads and runs its on_load hooks.
 *
 * Debian 12's Ruby 3.1 bundles net-smtp 0.3.1, which predates XOAUTH2 (net-smtp 0.5.0, NEWS.md).
 * Where it is missing, the script adds 0.5.0's authenticator (lib/net/smtp/auth_xoauth2.rb: the
 * same AUTH XOAUTH2 line, user=...^Aauth=Bearer ...^A^A) in 0.3.1's form of an auth_* method; the
 * rest, Mail's SMTP delivery included, is the packaged code.
 */
const RAILS_DELIVER = `
require "action_mailer"
require "net/smtp"

unless defined?(Net::SMTP::AuthXoauth2)
  class Net::SMTP
    def auth_xoauth2(user, secret)
      check_auth_args user, secret
      res = critical { get_response("AUTH XOAUTH2 " + base64_encode("user=#{user}\\1auth=Bearer #{secret}\\1\\1")) }
      check_auth_response res
      res
    end
  end
end

mailer = ActiveSupport::OrderedOptions.new
app = Object.new
app.define_singleton_method(:config) { ActiveSupport::OrderedOptions.new.tap { |c| c.action_mailer = mailer } }
app.instance_eval(File.read(ARGV[0]), ARGV[0])

ActiveSupport.on_load(:action_mailer, run_once: true) { mailer.each { |key, value| public_send("#{key}=", value) } }
class TestMailer < ActionMailer::Base
  def hello(to) = mail(to: to, subject: "Rails test", body: "It works.")
end
2.times { TestMailer.hello(ARGV[1]).deliver_now }
`

describe("Rails with the oauth2 gem (Debian's Action Mailer 6.1 and ruby-oauth2 1.4.4: real token, real send; net-smtp 0.3.1 gets 0.5.0's XOAUTH2)", () => {
  async function deliver(secret: string): Promise<CommandRun> {
    const snippet = await writeScratch(
      "oauth-rails/production.rb",
      file("rails", oauthSetup()).content
    )
    const script = await writeScratch("oauth-rails/deliver.rb", RAILS_DELIVER)
    return runWithAuthority("ruby", [script, snippet, "it-team@contoso.com"], {
      SMTP_CLIENT_SECRET: secret,
    })
  }

  test("app-only: the interceptor's client credentials token signs in with XOAUTH2, once for two messages", async () => {
    const before = servers.simulator.messages.length
    const tokensBefore = tokenRequests()
    const result = await deliver(PRACTICE_CLIENT_SECRET)

    expect(result.stderr).toBe("")
    expect(result.code).toBe(0)
    expect(servers.simulator.messages).toHaveLength(before + 2)
    expect(servers.simulator.messages.at(-1)?.authUser).toBe("sender@contoso.com")
    expect(servers.simulator.messages.at(-1)?.raw).toContain(
      'From: "Scan \\"Floor 2\\" #1" <sender@contoso.com>'
    )
    expect(servers.simulator.events).toContainEqual({
      type: "auth",
      detail: "XOAUTH2 sender@contoso.com",
    })
    // The token is kept until five minutes before it expires: one request for both deliveries.
    expect(tokenRequests()).toBe(tokensBefore + 1)
    expect(servers.identity.requests).toContainEqual({
      path: `/${PRACTICE_TENANT_ID}/oauth2/v2.0/token`,
      grant: "client_credentials",
      clientId: APP_ONLY,
    })
  })

  test("app-only with a wrong secret: Microsoft's AADSTS reason, and nothing is sent", async () => {
    const before = servers.simulator.messages.length
    const result = await deliver("not-the-secret")

    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain("AADSTS7000215: Invalid client secret provided.")
    expect(servers.simulator.messages).toHaveLength(before)
  })

  test("the file is valid Ruby: XOAUTH2 with the user and no password, the IDs, the secret from the environment", async () => {
    const output = file("rails", oauthSetup())
    const snippet = await writeScratch("oauth-rails/syntax.rb", output.content)
    const { stdout } = await run("ruby", ["-c", snippet], { timeout: 15_000 })
    expect(stdout).toContain("Syntax OK")
    expect(output.content.split("\n")).toEqual(
      expect.arrayContaining([
        "  user_name: 'sender@contoso.com',",
        "  authentication: :xoauth2,",
        "        @token = @client.client_credentials.get_token(scope: 'https://outlook.office365.com/.default')",
        "authority = ENV.fetch('OAUTH_AUTHORITY', 'https://login.microsoftonline.com')",
        `  '${APP_ONLY}', # Application (client) ID`,
        "  ENV.fetch('SMTP_CLIENT_SECRET'), # from the environment, never in the code",
        `  token_url: authority + '/${PRACTICE_TENANT_ID}/oauth2/v2.0/token',`,
        "  auth_scheme: :request_body,",
        "ActiveSupport.on_load(:action_mailer) { register_interceptor(MicrosoftToken.new(microsoft)) }",
      ])
    )
    expect(output.content).not.toMatch(/password:|SMTP_PASSWORD/)
    expect(output.secretNote).toMatch(/^The client secret is read from the SMTP_CLIENT_SECRET/)
  })
})

describe("Go with go-mail and MSAL for Go (neither is in Debian, and no Go module proxy here: gofmt parses it, then exact lines)", () => {
  test("app-only: MSAL's confidential client gets the token, go-mail sends it with XOAUTH2", async () => {
    const output = file("go", oauthSetup())
    const source = await writeScratch("oauth-go/main.go", output.content)
    const { stdout, stderr } = await run("gofmt", ["-l", "-e", source], { timeout: 15_000 })
    expect(stderr).toBe("")
    expect(stdout).toBe("")
    const lines = output.content.split("\n")
    expect(lines).toEqual(
      expect.arrayContaining([
        "//\tgo mod init sendmail && go get github.com/wneessen/go-mail github.com/AzureAD/microsoft-authentication-library-for-go && go run .",
        '\t"github.com/AzureAD/microsoft-authentication-library-for-go/apps/confidential"',
        '\tsecret := os.Getenv("SMTP_CLIENT_SECRET")',
        "\tcredential, err := confidential.NewCredFromSecret(secret)",
        '\tauthority, custom := os.LookupEnv("OAUTH_AUTHORITY")',
        '\t\tauthority = "https://login.microsoftonline.com"',
        `\t\tauthority+"/${PRACTICE_TENANT_ID}",`,
        `\t\t"${APP_ONLY}",`,
        "\t\tconfidential.WithInstanceDiscovery(!custom),",
        '\ttoken, err := app.AcquireTokenByCredential(context.Background(), []string{"https://outlook.office365.com/.default"})',
        "\t\tmail.WithTLSPolicy(mail.TLSMandatory),",
        "\t\tmail.WithSMTPAuth(mail.SMTPAuthXOAUTH2),",
        '\t\tmail.WithUsername("sender@contoso.com"),',
        "\t\tmail.WithPassword(token.AccessToken),",
      ])
    )
    expect(output.content).not.toMatch(/SMTP_PASSWORD|SMTPAuthLogin/)
  })
})

/** Prints every property java.util.Properties reads from a file, sorted, as key=value lines. */
const LOAD_PROPERTIES = `
import java.io.FileReader;
import java.util.Properties;
import java.util.TreeMap;
public class LoadProperties {
  public static void main(String[] args) throws Exception {
    Properties properties = new Properties();
    try (FileReader reader = new FileReader(args[0])) { properties.load(reader); }
    new TreeMap<>(properties).forEach((key, value) -> System.out.println(key + "=" + value));
  }
}
`

describe("Spring Boot with MSAL4J (no Spring Boot in Debian, only Spring Framework 4.3 for javax.mail; no MSAL4J, no Maven Central here: properties and Java parsed, Jakarta Mail sends)", () => {
  async function loadProperties(content: string): Promise<string[]> {
    const properties = await writeScratch("oauth-spring/application.properties", content)
    const loader = await writeScratch("oauth-spring/LoadProperties.java", LOAD_PROPERTIES)
    const { stdout } = await run("java", [loader, properties], { timeout: 30_000 })
    return stdout.trim().split("\n")
  }

  test("java.util.Properties reads XOAUTH2 as the only mechanism, the username and no password", async () => {
    expect(await loadProperties(file("spring-boot", oauthSetup()).content)).toEqual([
      "spring.mail.host=localhost",
      `spring.mail.port=${servers.simulator.port}`,
      "spring.mail.properties.mail.smtp.auth=true",
      "spring.mail.properties.mail.smtp.auth.mechanisms=XOAUTH2",
      "spring.mail.properties.mail.smtp.connectiontimeout=10000",
      "spring.mail.properties.mail.smtp.ssl.checkserveridentity=true",
      "spring.mail.properties.mail.smtp.starttls.enable=true",
      "spring.mail.properties.mail.smtp.starttls.required=true",
      "spring.mail.properties.mail.smtp.timeout=10000",
      "spring.mail.username=sender@contoso.com",
    ])
  })

  test("Jakarta Mail, given these settings as Spring Boot gives them and an app-only token, sends with XOAUTH2", async () => {
    const loaded = await loadProperties(file("spring-boot", oauthSetup()).content)
    const value = (key: string) =>
      loaded.find((line) => line.startsWith(`${key}=`))?.slice(key.length + 1)
    // What Spring Boot's mail auto-configuration does: spring.mail.properties.* go to the Session
    // as they are; host, port and username to JavaMailSenderImpl, which connects with them. The
    // From is the message's own in Spring (here mail.from, which the sending program uses).
    const session = [
      ...loaded
        .filter((line) => line.startsWith("spring.mail.properties."))
        .map((line) => line.slice("spring.mail.properties.".length)),
      `mail.smtp.host=${value("spring.mail.host")}`,
      `mail.smtp.port=${value("spring.mail.port")}`,
      `mail.smtp.user=${value("spring.mail.username")}`,
      "mail.from=sender@contoso.com",
      "",
    ].join("\n")
    // The app-only token as MSAL4J would get it: the client credentials grant at the tenant's endpoint.
    const response = await fetch(
      `${servers.identity.url}/${PRACTICE_TENANT_ID}/oauth2/v2.0/token`,
      {
        method: "POST",
        body: new URLSearchParams({
          grant_type: "client_credentials",
          client_id: APP_ONLY,
          client_secret: PRACTICE_CLIENT_SECRET,
          scope: "https://outlook.office365.com/.default",
        }),
      }
    )
    const { access_token: token } = (await response.json()) as { access_token: string }
    const properties = await writeScratch("oauth-spring/session.properties", session)
    const before = servers.simulator.messages.length
    await sendWithJakartaMail(properties, token)

    expect(servers.simulator.messages).toHaveLength(before + 1)
    expect(servers.simulator.messages.at(-1)?.authUser).toBe("sender@contoso.com")
    expect(servers.simulator.events).toContainEqual({
      type: "auth",
      detail: "XOAUTH2 sender@contoso.com",
    })
  })

  test("the @Configuration in the comments is Java the JDK parses: a JavaMailSenderImpl whose password is MSAL4J's token", async () => {
    const output = file("spring-boot", oauthSetup())
    const code = output.content
      .split("\n")
      .filter((line) => line.startsWith("#   ") || line === "#")
      .map((line) => line.replace(/^#(   )?/, ""))
      .join("\n")
      .trim()
    expect(code.startsWith("import com.microsoft.aad.msal4j.ClientCredentialFactory;")).toBe(true)
    const source = await writeScratch("oauth-spring/MicrosoftMailConfiguration.java", `${code}\n`)
    expect(await parseJava(source)).toEqual([
      "class MicrosoftMailConfiguration",
      "  method microsoftToken",
      "  class TokenMailSender",
    ])
    expect(code.split("\n")).toEqual(
      expect.arrayContaining([
        "        return bean instanceof JavaMailSenderImpl configured ? new TokenMailSender(configured) : bean;",
        "    TokenMailSender(JavaMailSenderImpl configured) {",
        '      String authority = System.getenv().getOrDefault("OAUTH_AUTHORITY", "https://login.microsoftonline.com");',
        `                "${APP_ONLY}", // Application (client) ID`,
        '                ClientCredentialFactory.createFromSecret(System.getenv("SMTP_CLIENT_SECRET")))',
        `            .authority(authority + "/${PRACTICE_TENANT_ID}/") // Directory (tenant) ID`,
        '            .instanceDiscovery(authority.equals("https://login.microsoftonline.com"))',
        "    public String getPassword() {",
        '              Set.of("https://outlook.office365.com/.default")).build())',
      ])
    )
    expect(output.content).not.toMatch(/^spring\.mail\.password|SMTP_PASSWORD/m)
  })
})

describe("device code: these three cannot renew a user's token themselves, so they keep their password settings under the note", () => {
  test.each(["rails", "go", "spring-boot"])("%s", (id) => {
    const output = file(id, oauthSetup("oauth-device"))
    expect(output.content).toMatch(/^(#|\/\/) OAuth 2\.0: /)
    expect(output.content).not.toContain("SMTP_CLIENT_SECRET")
    expect(output.secretNote).toMatch(/^No OAuth 2\.0 setup here \(see the note at the top\)/)
  })
})
