// The settings export for an OAuth 2.0 sign-in (issue 5): the nodemailer snippet really gets a token
// from the practice identity server and sends through the simulator; the rest is parsed or, where
// nothing here can run it (C#, sasl-xoauth2, msal for Python), checked line by line.
import { chmod, mkdir, writeFile } from "node:fs/promises"
import path from "node:path"
import { parseEnv } from "node:util"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { parse as parseYaml } from "yaml"

import { verifyAccessToken } from "@/lib/practice/access-tokens"
import { startIdentityServer, type RunningIdentityServer } from "@/lib/practice/identity-server"
import {
  PRACTICE_CLIENT_SECRET,
  PRACTICE_TENANT_ID,
  type PracticeAppId,
} from "@/lib/practice/identity-scenarios"
import { startSimulator, type RunningSimulator } from "@/lib/practice/simulator"
import type { SetupValues } from "@/lib/schemas/setup"
import type { OAuthSignIn } from "@/lib/schemas/setup-fields"
import { testServerTls } from "@/test-support/test-ca"
import {
  HVE_USER,
  PASSWORD,
  SCRATCH,
  TEST_CA_FILE,
  hveSetup,
  outputOf as file,
  recordingServerForFile,
  run,
  smtpAuthSetup,
  directSendSetup,
  postmap,
  writeScratch,
  oauthSmtpAuthSetup,
  PRACTICE_APP_ONLY as APP_ONLY,
  runToEnd,
  type CommandRun,
} from "@/test-support/settings-export"
import { SETTINGS_TARGETS, buildSettingsFiles, type SettingsFile } from "./index"
import { oauthVariantLine, oauthVerdictLine } from "./oauth-note"
import { settingsRows } from "./rows"

const DEVICE: PracticeAppId = "3f2b8c41-0a6e-4d6b-9c1e-000000000011"
const TOKEN_KEY = "settings-export-oauth-test-key"

let identity: RunningIdentityServer
let simulator: RunningSimulator

beforeAll(async () => {
  identity = await startIdentityServer({
    tls: testServerTls(),
    tokenKey: TOKEN_KEY,
    pollIntervalSeconds: 1,
  })
  simulator = await startSimulator({
    role: "submission",
    tls: testServerTls(),
    password: PASSWORD,
    tokenKey: TOKEN_KEY,
  })
})
afterAll(async () => {
  await Promise.all([identity.close(), simulator.close()])
})

/** SMTP AUTH values as the wizard submits them for an OAuth sign-in, client secret included. */
function oauthSetup(
  authType: OAuthSignIn,
  clientId: string = authType === "oauth-app" ? APP_ONLY : DEVICE
): SetupValues {
  return oauthSmtpAuthSetup(simulator?.port ?? 587, authType, clientId)
}

/**
 * Runs a generated script or command against the practice identity server (OAUTH_AUTHORITY). For
 * the device code flow it signs in with the code the program prints, as the user would in the
 * browser.
 */
function runSigningIn(
  command: string,
  args: string[],
  env: Record<string, string>,
  cwd?: string
): Promise<CommandRun> {
  return runToEnd(command, args, {
    cwd,
    env: { ...process.env, OAUTH_AUTHORITY: identity.url, ...env },
    onStdout: (stdout) => {
      const code = /enter the code (\w+)/.exec(stdout)?.[1]
      if (code) identity.signIn(code)
    },
  })
}

/** Runs a generated Node script (see runSigningIn). */
function runNode(script: string, env: Record<string, string>): Promise<CommandRun> {
  return runSigningIn(process.execPath, [script], env)
}

/** The PHP, Python and YAML outputs among these parse (php -l, py_compile, the yaml package). */
async function expectParse(folder: string, outputs: SettingsFile[]) {
  for (const output of outputs) {
    const name = `${folder}/${output.id}-${output.filename}`
    if (output.language === "php") {
      const { stdout } = await run("php", ["-l", await writeScratch(name, output.content)], {
        timeout: 15_000,
      })
      expect(stdout).toContain("No syntax errors detected")
    } else if (output.language === "python") {
      await run("python3", ["-m", "py_compile", await writeScratch(name, output.content)], {
        timeout: 15_000,
      })
    } else if (output.language === "yaml") {
      expect(() =>
        parseYaml(output.content, { customTags: [{ tag: "!secret", resolve: String }] })
      ).not.toThrow()
    }
  }
}

describe("nodemailer with OAuth 2.0 (real token, real send)", () => {
  test("app-only: the client credentials token signs in with XOAUTH2 and the message arrives", async () => {
    const script = await writeScratch(
      "oauth/app-only.mjs",
      file("nodemailer", oauthSetup("oauth-app")).content
    )
    const before = simulator.messages.length
    const result = await runNode(script, { SMTP_CLIENT_SECRET: PRACTICE_CLIENT_SECRET })

    expect(result.stderr).toBe("")
    expect(result.code).toBe(0)
    expect(simulator.messages).toHaveLength(before + 1)
    expect(simulator.messages.at(-1)?.authUser).toBe("sender@contoso.com")
    expect(simulator.events).toContainEqual({ type: "auth", detail: "XOAUTH2 sender@contoso.com" })
    expect(identity.requests).toContainEqual({
      path: `/${PRACTICE_TENANT_ID}/oauth2/v2.0/token`,
      grant: "client_credentials",
      clientId: APP_ONLY,
    })
  })

  test("app-only with a wrong secret: Microsoft's AADSTS reason, and nothing is sent", async () => {
    const script = await writeScratch(
      "oauth/app-only.mjs",
      file("nodemailer", oauthSetup("oauth-app")).content
    )
    const before = simulator.messages.length
    const result = await runNode(script, { SMTP_CLIENT_SECRET: "not-the-secret" })

    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain("AADSTS7000215: Invalid client secret provided.")
    expect(simulator.messages).toHaveLength(before)
  })

  test("device code: the script prints the code, the user signs in, and the message arrives", async () => {
    const script = await writeScratch(
      "oauth/device.mjs",
      file("nodemailer", oauthSetup("oauth-device")).content
    )
    const before = simulator.messages.length
    const result = await runNode(script, {})

    expect(result.stdout).toMatch(
      /^To sign in, use a web browser to open the page https:\/\/127\.0\.0\.1:\d+\/devicelogin and enter the code [A-Z]+ to authenticate\.\n$/
    )
    expect(result.stderr).toBe("")
    expect(result.code).toBe(0)
    expect(simulator.messages).toHaveLength(before + 1)
    expect(simulator.messages.at(-1)?.authUser).toBe("sender@contoso.com")
  })
})

/**
 * Runs a generated command or script with Debian's python3 and its msal (python3-msal) first on the
 * PATH, trusting the test CA for the token request (requests reads REQUESTS_CA_BUNDLE) and for the
 * SMTP connection (SSL_CERT_FILE).
 */
function runWithMsal(
  command: string,
  args: string[],
  env: Record<string, string>
): Promise<CommandRun> {
  // In the scratch folder: the curl script writes its message file where it runs.
  return runSigningIn(
    command,
    args,
    {
      PATH: `/usr/bin:${process.env.PATH ?? ""}`,
      REQUESTS_CA_BUNDLE: TEST_CA_FILE,
      SSL_CERT_FILE: TEST_CA_FILE,
      ...env,
    },
    SCRATCH
  )
}

describe("Python with msal (Debian's python3-msal: real token, real send)", () => {
  test("app-only: msal's client credentials token signs in with XOAUTH2 and the message arrives", async () => {
    const script = await writeScratch(
      "oauth/send_mail_app.py",
      file("python-smtplib", oauthSetup("oauth-app")).content
    )
    const before = simulator.messages.length
    const result = await runWithMsal("/usr/bin/python3", [script], {
      SMTP_CLIENT_SECRET: PRACTICE_CLIENT_SECRET,
    })

    expect(result.stderr).toBe("")
    expect(result.code).toBe(0)
    expect(simulator.messages).toHaveLength(before + 1)
    expect(simulator.messages.at(-1)?.authUser).toBe("sender@contoso.com")
    expect(identity.requests).toContainEqual({
      path: `/${PRACTICE_TENANT_ID}/oauth2/v2.0/token`,
      grant: "client_credentials",
      clientId: APP_ONLY,
    })
  })

  test("app-only with a wrong secret: msal's AADSTS reason, and nothing is sent", async () => {
    const script = await writeScratch(
      "oauth/send_mail_app.py",
      file("python-smtplib", oauthSetup("oauth-app")).content
    )
    const before = simulator.messages.length
    const result = await runWithMsal("/usr/bin/python3", [script], {
      SMTP_CLIENT_SECRET: "not-the-secret",
    })

    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain("AADSTS7000215: Invalid client secret provided.")
    expect(simulator.messages).toHaveLength(before)
  })

  test("device code: msal prints the sign-in message, the user signs in, and the message arrives", async () => {
    const script = await writeScratch(
      "oauth/send_mail_device.py",
      file("python-smtplib", oauthSetup("oauth-device")).content
    )
    const before = simulator.messages.length
    const result = await runWithMsal("/usr/bin/python3", [script], {})

    expect(result.stdout).toMatch(/enter the code [A-Z]+ to authenticate/)
    expect(result.code).toBe(0)
    expect(simulator.messages).toHaveLength(before + 1)
    expect(simulator.messages.at(-1)?.authUser).toBe("sender@contoso.com")
    expect(file("python-smtplib", oauthSetup("oauth-device")).content).not.toContain(
      "SMTP_CLIENT_SECRET"
    )
  })
})

describe("msmtp and curl with a token command (msal prints the app's token)", () => {
  test("msmtp: passwordeval prints the token, msmtp signs in with XOAUTH2 and the message arrives", async () => {
    const output = file("msmtp", oauthSetup("oauth-app"))
    expect(output.content).toContain("\nauth xoauth2\n")
    expect(output.content).not.toContain(PRACTICE_CLIENT_SECRET)
    // GnuTLS's "system" trust is the system store: the test CA goes in as a file instead.
    const config = await writeScratch(
      "oauth/msmtprc",
      output.content.replace("tls_trust_file system", `tls_trust_file ${TEST_CA_FILE}`)
    )
    await chmod(config, 0o600)
    const before = simulator.messages.length
    const result = await runWithMsal(
      "/bin/sh",
      [
        "-c",
        `printf 'Subject: msmtp OAuth\\r\\n\\r\\nIt works.\\r\\n' | msmtp -C "$1" it-team@contoso.com`,
        "sh",
        config,
      ],
      { SMTP_CLIENT_SECRET: PRACTICE_CLIENT_SECRET }
    )

    expect(result.stderr).toBe("")
    expect(result.code).toBe(0)
    expect(simulator.messages).toHaveLength(before + 1)
    expect(simulator.events).toContainEqual({ type: "auth", detail: "XOAUTH2 sender@contoso.com" })
  })

  test("curl: the token goes to --oauth2-bearer with AUTH=XOAUTH2, and the message arrives", async () => {
    const script = await writeScratch(
      "oauth/curl-test.sh",
      file("curl", oauthSetup("oauth-app")).content
    )
    const before = simulator.messages.length
    const result = await runWithMsal("/bin/sh", [script], {
      SMTP_CLIENT_SECRET: PRACTICE_CLIENT_SECRET,
      CURL_CA_BUNDLE: TEST_CA_FILE,
    })

    expect(result.code).toBe(0)
    expect(simulator.messages).toHaveLength(before + 1)
    expect(simulator.messages.at(-1)?.authUser).toBe("sender@contoso.com")
  })

  test("a wrong secret stops both before they connect, with Microsoft's reason", async () => {
    const connects = () => simulator.events.filter((event) => event.type === "connect").length
    const before = connects()
    const script = await writeScratch(
      "oauth/curl-test.sh",
      file("curl", oauthSetup("oauth-app")).content
    )
    const result = await runWithMsal("/bin/sh", [script], {
      SMTP_CLIENT_SECRET: "not-the-secret",
      CURL_CA_BUNDLE: TEST_CA_FILE,
    })
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain("AADSTS7000215")
    expect(connects()).toBe(before)
  })

  test("device code: msmtp and curl keep their password settings under the note", () => {
    for (const id of ["msmtp", "curl"]) {
      const output = file(id, oauthSetup("oauth-device"))
      expect(output.content, id).toMatch(/^# OAuth 2\.0: /)
      expect(output.content, id).not.toContain("msal")
    }
  })
})

describe("PHPMailer with league/oauth2-client (not in Debian, no Packagist here: php -l, then exact lines)", () => {
  test("app-only: an OAuthTokenProvider with the client credentials grant, then AuthType XOAUTH2", async () => {
    const output = file("phpmailer", oauthSetup("oauth-app"))
    const script = await writeScratch("oauth/send-mail.php", output.content)
    const { stdout } = await run("php", ["-l", script], { timeout: 15_000 })
    expect(stdout).toContain("No syntax errors detected")
    const lines = output.content.split("\n")
    expect(lines).toEqual(
      expect.arrayContaining([
        "final class AppOnlyToken implements OAuthTokenProvider",
        "            $this->token = $this->provider->getAccessToken('client_credentials', [",
        "                'scope' => 'https://outlook.office365.com/.default',",
        `    'clientId' => '${APP_ONLY}', // Application (client) ID`,
        "    'clientSecret' => getenv('SMTP_CLIENT_SECRET'), // from the environment, never in code",
        `    'urlAccessToken' => $authority . '/${PRACTICE_TENANT_ID}/oauth2/v2.0/token', // the Directory (tenant) ID's token endpoint`,
        "$mail->AuthType = 'XOAUTH2'; // PHPMailer asks the token provider below",
        "$mail->setOAuth(new AppOnlyToken($provider, 'sender@contoso.com'));",
      ])
    )
    expect(output.content).not.toContain("$mail->Password")
  })

  test("the token provider fits Debian's PHPMailer 6.6: its OAuthTokenProvider interface loads with the class", async () => {
    // Only the class, with PHPMailer's real interface; league's classes are named in type hints,
    // which PHP resolves only when called.
    const lines = file("phpmailer", oauthSetup("oauth-app")).content.split("\n")
    const start = lines.indexOf("final class AppOnlyToken implements OAuthTokenProvider")
    const end = lines.indexOf("}", start)
    const check = [
      "<?php",
      "require '/usr/share/php/libphp-phpmailer/autoload.php';",
      "use League\\OAuth2\\Client\\Provider\\GenericProvider;",
      "use League\\OAuth2\\Client\\Token\\AccessTokenInterface;",
      "use PHPMailer\\PHPMailer\\OAuthTokenProvider;",
      ...lines.slice(start, end + 1),
      "echo implode(',', class_implements('AppOnlyToken'));",
      "",
    ].join("\n")
    const { stdout } = await run("php", [await writeScratch("oauth/token-class.php", check)], {
      timeout: 15_000,
    })
    expect(stdout).toBe("PHPMailer\\PHPMailer\\OAuthTokenProvider")
  })
})

describe("Email OAuth 2.0 Proxy (emailproxy is on PyPI only: its INI read back with configparser)", () => {
  /** The file as emailproxy.py reads it: configparser.ConfigParser(interpolation=None). */
  async function readAsEmailproxy(
    content: string
  ): Promise<Record<string, Record<string, string>>> {
    const config = await writeScratch("oauth/emailproxy.config", content)
    const reader = await writeScratch(
      "oauth/read_emailproxy.py",
      [
        "import configparser, json, sys",
        "parser = configparser.ConfigParser(interpolation=None)",
        "parser.read(sys.argv[1])",
        "print(json.dumps({s: dict(parser[s]) for s in parser.sections()}))",
        "",
      ].join("\n")
    )
    const { stdout } = await run("/usr/bin/python3", [reader, config], { timeout: 15_000 })
    return JSON.parse(stdout) as Record<string, Record<string, string>>
  }

  test("app-only: the client credentials account, the SMTP server the program points at, no secret", async () => {
    const output = file("emailproxy", oauthSetup("oauth-app"))
    expect(await readAsEmailproxy(output.content)).toEqual({
      "SMTP-1587": {
        server_address: "localhost",
        server_port: String(simulator.port),
        server_starttls: "True",
        local_address: "127.0.0.1",
      },
      "sender@contoso.com": {
        token_url: `https://login.microsoftonline.com/${PRACTICE_TENANT_ID}/oauth2/v2.0/token`,
        oauth2_scope: "https://outlook.office365.com/.default",
        oauth2_flow: "client_credentials",
        client_id: APP_ONLY,
      },
      emailproxy: { use_login_password_as_client_credentials_secret: "True" },
    })
    expect(output.content).not.toContain("client_secret =")
    expect(output.group).toBe("Mail servers")
  })

  test("device code: the devicecode permission_url, the delegated scope with offline_access", async () => {
    const parsed = await readAsEmailproxy(file("emailproxy", oauthSetup("oauth-device")).content)
    expect(parsed["sender@contoso.com"]).toEqual({
      permission_url: `https://login.microsoftonline.com/${PRACTICE_TENANT_ID}/oauth2/v2.0/devicecode`,
      token_url: `https://login.microsoftonline.com/${PRACTICE_TENANT_ID}/oauth2/v2.0/token`,
      oauth2_scope: "https://outlook.office.com/SMTP.Send offline_access",
      oauth2_flow: "device",
      client_id: DEVICE,
    })
    expect(parsed.emailproxy).toEqual({ delete_account_token_on_password_error: "False" })
  })

  test("implicit TLS and a password test: server_starttls False, the IDs as placeholders", async () => {
    const setup = smtpAuthSetup(465, { security: "tls" })
    const parsed = await readAsEmailproxy(file("emailproxy", setup).content)
    expect(parsed["SMTP-1587"]).toMatchObject({ server_port: "465", server_starttls: "False" })
    expect(parsed["sender@contoso.com"]).toMatchObject({
      token_url: "https://login.microsoftonline.com/REPLACE-WITH-TENANT-ID/oauth2/v2.0/token",
      client_id: "REPLACE-WITH-APPLICATION-CLIENT-ID",
    })
  })

  test("the files without OAuth 2.0 point to the bridge", () => {
    expect(file("grafana", oauthSetup("oauth-app")).content).toContain(
      "# - point this software at a local OAuth 2.0 bridge: Email OAuth 2.0 Proxy (its file is under"
    )
  })
})

describe(".NET with MSAL.NET and MailKit (no C# compiler here: exact lines)", () => {
  test("app-only: ConfidentialClientApplicationBuilder, then SaslMechanismOAuth2", () => {
    const code = file("dotnet-mailkit", oauthSetup("oauth-app")).content
    expect(code).toContain(
      [
        'var authority = (Environment.GetEnvironmentVariable("OAUTH_AUTHORITY") ?? "https://login.microsoftonline.com")',
        `    + "/" + "${PRACTICE_TENANT_ID}"; // Directory (tenant) ID`,
        `var app = ConfidentialClientApplicationBuilder.Create("${APP_ONLY}") // Application (client) ID`,
        '    .WithClientSecret(Environment.GetEnvironmentVariable("SMTP_CLIENT_SECRET"))',
        "    .WithAuthority(authority)",
        "    .Build();",
        'var token = await app.AcquireTokenForClient(new[] { "https://outlook.office365.com/.default" }).ExecuteAsync();',
      ].join("\n")
    )
    expect(code).toContain("using Microsoft.Identity.Client;")
    expect(code).toContain(
      'await client.AuthenticateAsync(new SaslMechanismOAuth2("sender@contoso.com", token.AccessToken));'
    )
    expect(code).not.toContain("SMTP_PASSWORD")
  })

  test("device code: PublicClientApplicationBuilder and AcquireTokenWithDeviceCode", () => {
    const code = file("dotnet-mailkit", oauthSetup("oauth-device")).content
    expect(code).toContain(
      [
        `var app = PublicClientApplicationBuilder.Create("${DEVICE}") // Application (client) ID`,
        "    .WithAuthority(authority)",
        "    .Build();",
        'var token = await app.AcquireTokenWithDeviceCode(new[] { "https://outlook.office.com/SMTP.Send" }, code =>',
        "{",
        "    Console.WriteLine(code.Message); // where to sign in, and the code to enter",
        "    return Task.CompletedTask;",
        "}).ExecuteAsync();",
      ].join("\n")
    )
    expect(code).not.toContain("SMTP_CLIENT_SECRET")
  })

  test("appsettings.json gains the tenant and client IDs, never the secret", () => {
    expect(JSON.parse(file("dotnet-appsettings", oauthSetup("oauth-app")).content)).toEqual({
      Smtp: {
        Host: "localhost",
        Port: simulator.port,
        SecureSocketOptions: "StartTls",
        Username: "sender@contoso.com",
        TenantId: PRACTICE_TENANT_ID,
        ClientId: APP_ONLY,
        FromAddress: "sender@contoso.com",
        FromName: 'Scan "Floor 2" #1',
      },
    })
  })
})

describe(".env", () => {
  test("app-only: the IDs and scope, an empty client secret, no password", () => {
    const parsed = parseEnv(file("dotenv", oauthSetup("oauth-app")).content)
    expect(parsed).toMatchObject({
      SMTP_USER: "sender@contoso.com",
      OAUTH_TENANT_ID: PRACTICE_TENANT_ID,
      OAUTH_CLIENT_ID: APP_ONLY,
      OAUTH_SCOPE: "https://outlook.office365.com/.default",
      SMTP_CLIENT_SECRET: "",
    })
    expect(parsed).not.toHaveProperty("SMTP_PASSWORD")
  })

  test("device code: the delegated scope and no secret at all", () => {
    const parsed = parseEnv(file("dotenv", oauthSetup("oauth-device")).content)
    expect(parsed).toMatchObject({
      OAUTH_CLIENT_ID: DEVICE,
      OAUTH_SCOPE: "https://outlook.office.com/SMTP.Send offline_access",
    })
    expect(Object.keys(parsed).filter((key) => /SECRET|PASSWORD/.test(key))).toEqual([])
  })
})

describe("Postfix with sasl-xoauth2", () => {
  test("main.cf: postconf reads SASL with the xoauth2 mechanism only", async () => {
    const directory = path.join(SCRATCH, "postfix", "oauth")
    await mkdir(directory, { recursive: true })
    await writeFile(
      path.join(directory, "main.cf"),
      file("postfix-main-cf", oauthSetup("oauth-device")).content
    )
    // An empty master.cf of the test's own: independent of this machine's Postfix configuration.
    await writeFile(path.join(directory, "master.cf"), "")
    const { stdout, stderr } = await run("postconf", ["-c", directory, "-n"], { timeout: 15_000 })
    expect(stderr).toBe("")
    expect(stdout).toContain("smtp_sasl_auth_enable = yes\n")
    expect(stdout).toContain("smtp_sasl_mechanism_filter = xoauth2\n")
    expect(stdout).toContain("smtp_sasl_security_options = noanonymous\n")
    expect(stdout).toContain("smtp_tls_security_level = secure\n")
  })

  test("sasl_passwd: the token file, the plugin's configuration and the one-time sign-in", () => {
    const lines = file("postfix-sasl-passwd", oauthSetup("oauth-device")).content.split("\n")
    expect(lines.at(-2)).toBe(
      `[localhost]:${simulator.port} sender@contoso.com:/etc/tokens/sender@contoso.com`
    )
    expect(lines).toEqual(
      expect.arrayContaining([
        "# 1. /etc/sasl-xoauth2.conf: the app registration and the tenant's token endpoint.",
        `#        "client_id": "${DEVICE}",`,
        '#        "client_secret": "",',
        `#        "token_endpoint": "https://login.microsoftonline.com/${PRACTICE_TENANT_ID}/oauth2/v2.0/token"`,
        `#      sudo sasl-xoauth2-tool get-token outlook --client-id=${DEVICE} --tenant=${PRACTICE_TENANT_ID} --use-device-flow /var/spool/postfix/etc/tokens/sender@contoso.com`,
        "#      sudo postmap hash:/etc/postfix/sasl_passwd",
      ])
    )
  })

  test("app-only: says that sasl-xoauth2 signs in as the user, not with the client secret", () => {
    const content = file("postfix-sasl-passwd", oauthSetup("oauth-app")).content
    expect(content).toContain(
      "# sasl-xoauth2 signs in as the mailbox user (delegated), not as the app"
    )
    expect(file("postfix-main-cf", oauthSetup("oauth-app")).content).toContain(
      "# see the sasl_passwd file. Debian 12 has no package of it"
    )
  })
})

describe("every target with OAuth 2.0", () => {
  const SUPPORTED = SETTINGS_TARGETS.filter((target) => target.oauthVariant)
  const UNSUPPORTED = SETTINGS_TARGETS.filter(
    (target) => !target.oauthVariant && target.oauthVerdict.kind !== "no-sign-in"
  )
  const markOf = (language: string) =>
    ({ php: "// ", go: "// ", javascript: "// ", csharp: "// ", text: "" })[language] ?? "# "

  test.each(["oauth-app", "oauth-device"] as const)(
    "%s: the client secret is in no output, secret note or settings row",
    (kind) => {
      const setup = oauthSetup(kind)
      expect(JSON.stringify([buildSettingsFiles(setup), settingsRows(setup)])).not.toContain(
        PRACTICE_CLIENT_SECRET
      )
    }
  )

  test("the registry knows which targets have an OAuth 2.0 variant", () => {
    expect(SUPPORTED.map((target) => target.id)).toEqual([
      "dotenv",
      "nodemailer",
      "python-smtplib",
      "django",
      "flask-mail",
      "laravel",
      "symfony",
      "phpmailer",
      "rails",
      "spring-boot",
      "javamail",
      "dotnet-appsettings",
      "dotnet-mailkit",
      "go",
      "wordpress",
      "gitlab",
      "zabbix",
      "postfix-main-cf",
      "postfix-sasl-passwd",
      "msmtp",
      "emailproxy",
      "curl",
    ])
  })

  test("every target has a verdict with a source, and every file carries it in one line", () => {
    for (const target of SETTINGS_TARGETS) {
      expect(target.oauthVerdict.source, target.id).toMatch(/^https:\/\//)
      expect(target.oauthVerdict.how, target.id).not.toMatch(/[.\n]$/)
      const output = file(target.id, oauthSetup("oauth-app"))
      expect(output.oauthLine).toBe(oauthVerdictLine(target.oauthVerdict))
      expect(output.oauthLine).not.toContain("\n")
    }
  })

  test.each(UNSUPPORTED.map((target) => [target.id, target] as const))(
    "%s starts with its verdict and the bridge, and says so in the secret note",
    (id, target) => {
      const output = file(id, oauthSetup("oauth-app"))
      const mark = markOf(output.language)
      const lines = output.content.split("\n")
      const start = lines[0] === "<?php" ? 1 : 0
      expect(lines[start]).toBe(`${mark}${oauthVerdictLine(target.oauthVerdict)}`)
      expect(output.content).toContain(
        `${mark}- point this software at a local OAuth 2.0 bridge: Email OAuth 2.0 Proxy (its file is under`
      )
      expect(output.content).toContain(
        `${mark}- or choose another sending method: High Volume Email (internal recipients only), Azure`
      )
      expect(output.secretNote).toMatch(/^No OAuth 2\.0 setup here \(see the note at the top\)/)
    }
  )

  test("after an OAuth test, a variant starts with its verdict (JSON has no comments: the line goes with the file)", () => {
    for (const target of SUPPORTED) {
      const output = file(target.id, oauthSetup("oauth-app"))
      if (output.language === "json") continue
      const lines = output.content.split("\n")
      const start = lines[0] === "<?php" ? 1 : 0
      expect(lines[start], target.id).toBe(
        `${markOf(output.language)}${oauthVerdictLine(target.oauthVerdict)}`
      )
    }
  })

  test("after an OAuth test, each group opens on a file with an OAuth 2.0 variant", () => {
    const files = buildSettingsFiles(oauthSetup("oauth-app"))
    const first = (group: string) => files.find((f) => f.group === group)?.id
    expect(first("Frameworks and languages")).toBe("dotenv")
    expect(first("Mail servers")).toBe("postfix-main-cf")
    expect(first("Test from the device")).toBe("curl")
    expect(first("Applications")).toBe("wordpress")
    // A group without one keeps its order: Devices starts as it always does.
    expect(first("Devices")).toBe("printer-sheet")
    expect(files).toHaveLength(SETTINGS_TARGETS.length)
    // A password test keeps the registry's order.
    expect(buildSettingsFiles(smtpAuthSetup(587)).map((f) => f.id)).toEqual(
      SETTINGS_TARGETS.map((t) => t.id)
    )
  })

  test("after a password test, each file with a variant says so in one line; the rest and Direct Send say nothing", () => {
    for (const output of buildSettingsFiles(smtpAuthSetup(587))) {
      const target = SETTINGS_TARGETS.find((t) => t.id === output.id)
      const mentions = output.content.split("\n").filter((line) => line.includes("OAuth 2.0"))
      if (target?.oauthVariant && output.language !== "json") {
        expect(mentions[0], output.id).toBe(
          `${markOf(output.language)}${oauthVariantLine(target.oauthVariant.takes)}`
        )
      } else if (output.id !== "emailproxy") {
        expect(mentions, output.id).toEqual([])
      }
    }
    for (const output of buildSettingsFiles(directSendSetup())) {
      expect(output.content, output.id).not.toContain("sign in with OAuth 2.0 instead")
    }
  })

  test("PHP, Python and YAML outputs still parse with the note on top", async () => {
    const setup = oauthSetup("oauth-app")
    await expectParse(
      "oauth/notes",
      buildSettingsFiles(setup).filter((f) => !SUPPORTED.some((t) => t.id === f.id))
    )
  })

  test("port and TLS checks need no sign-in and carry no note", () => {
    for (const id of ["openssl", "test-netconnection"]) {
      expect(file(id, oauthSetup("oauth-device")).content).not.toContain("OAuth")
    }
  })
})

describe("High Volume Email with OAuth 2.0 app-only (an app the HVE account allows)", () => {
  // A plain server offering XOAUTH2, not the simulator (whose practice apps send as mailboxes):
  // it records the XOAUTH2 user and the token, which the test then reads.
  const recorder = recordingServerForFile("", ["XOAUTH2"])

  /** HVE values as the wizard submits them for app-only, against the recording server. */
  function hveAppOnly(port = recorder.server.port): SetupValues {
    const setup = hveSetup(port)
    return {
      ...setup,
      account: {
        authType: "oauth-app",
        user: HVE_USER,
        pass: "",
        tenant: PRACTICE_TENANT_ID,
        clientId: APP_ONLY,
        clientSecret: PRACTICE_CLIENT_SECRET,
      },
    }
  }

  test("nodemailer: a client credentials token for outlook.office365.com, sent with XOAUTH2 as the HVE account", async () => {
    const script = await writeScratch(
      "oauth/hve-app-only.mjs",
      file("nodemailer", hveAppOnly()).content
    )
    const before = recorder.server.messages.length
    const result = await runNode(script, { SMTP_CLIENT_SECRET: PRACTICE_CLIENT_SECRET })

    expect(result.stderr).toBe("")
    expect(result.code).toBe(0)
    expect(recorder.server.messages).toHaveLength(before + 1)
    const signIn = recorder.server.signIns.at(-1)
    expect(signIn).toMatchObject({ method: "XOAUTH2", username: HVE_USER })
    // The scope https://outlook.office365.com/.default gives a token for Exchange Online.
    expect(verifyAccessToken(signIn?.secret ?? "", TOKEN_KEY)).toMatchObject({
      aud: "https://outlook.office365.com",
      appid: APP_ONLY,
      idtyp: "app",
    })
    expect(identity.requests).toContainEqual({
      path: `/${PRACTICE_TENANT_ID}/oauth2/v2.0/token`,
      grant: "client_credentials",
      clientId: APP_ONLY,
    })
  })

  test(".env, Python, appsettings.json and MailKit: the HVE endpoint, the HVE account and .default", async () => {
    const setup = hveAppOnly(587)
    setup.server.host = "smtp.hve.mx.microsoft"
    expect(parseEnv(file("dotenv", setup).content)).toMatchObject({
      SMTP_HOST: "smtp.hve.mx.microsoft",
      SMTP_USER: HVE_USER,
      OAUTH_SCOPE: "https://outlook.office365.com/.default",
      SMTP_CLIENT_SECRET: "",
    })
    const python = file("python-smtplib", setup).content
    await run(
      "python3",
      ["-m", "py_compile", await writeScratch("oauth/hve_send_mail.py", python)],
      {
        timeout: 15_000,
      }
    )
    expect(python.split("\n")).toEqual(
      expect.arrayContaining([
        `USER = "${HVE_USER}"  # the mailbox to send as`,
        'token = app.acquire_token_for_client(scopes=["https://outlook.office365.com/.default"])',
        '    smtp.auth("XOAUTH2", lambda challenge=None: xoauth2 if challenge is None else "")',
      ])
    )
    expect(JSON.parse(file("dotnet-appsettings", setup).content).Smtp).toMatchObject({
      Host: "smtp.hve.mx.microsoft",
      Username: HVE_USER,
      ClientId: APP_ONLY,
    })
    expect(file("dotnet-mailkit", setup).content).toContain(
      `await client.AuthenticateAsync(new SaslMechanismOAuth2("${HVE_USER}", token.AccessToken));`
    )
  })

  test("Postfix: sasl-xoauth2 cannot use an app-only token, so the password settings stay under a note", async () => {
    const setup = hveAppOnly(587)
    setup.server.host = "smtp.hve.mx.microsoft"
    const mainCf = file("postfix-main-cf", setup)
    expect(mainCf.content.split("\n")[0]).toMatch(
      /^# OAuth 2\.0: Postfix signs in with XOAUTH2 through the sasl-xoauth2 plugin, .*it cannot use an app-only token/
    )
    expect(mainCf.content).not.toMatch(/xoauth2 *$|device-flow|mailbox password/m)
    const directory = path.join(SCRATCH, "postfix", "hve-oauth")
    await mkdir(directory, { recursive: true })
    await writeFile(path.join(directory, "main.cf"), mainCf.content)
    // An empty master.cf of the test's own: independent of this machine's Postfix configuration.
    await writeFile(path.join(directory, "master.cf"), "")
    const { stdout, stderr } = await run("postconf", ["-c", directory, "-n"], { timeout: 15_000 })
    expect(stderr).toBe("")
    expect(stdout).toContain("smtp_sasl_mechanism_filter = login\n")
    expect(stdout).toContain("relayhost = [smtp.hve.mx.microsoft]:587\n")
    // The note is comments in the lookup table too: postmap reads one entry, with the placeholder.
    const sasl = file("postfix-sasl-passwd", setup)
    expect(sasl.content.startsWith("# OAuth 2.0: Postfix signs in")).toBe(true)
    const table = await writeScratch("oauth/hve-sasl_passwd", sasl.content)
    await postmap(`hash:${table}`)
    const entry = await postmap("-q", "[smtp.hve.mx.microsoft]:587", `hash:${table}`)
    expect(entry.stdout.trim()).toBe(`${HVE_USER}:REPLACE-WITH-HVE-ACCOUNT-PASSWORD`)
    expect(sasl.secretNote).toMatch(
      /^No OAuth 2\.0 setup here \(see the note at the top\): the settings sign in with the HVE account's password instead\./
    )
  })

  test("targets without an OAuth 2.0 setup: the note says the HVE account's password, not a retiring mailbox password", () => {
    const setup = hveAppOnly(587)
    const noVariant = SETTINGS_TARGETS.filter(
      (t) => !t.oauthVariant && t.oauthVerdict.kind !== "no-sign-in"
    )
    for (const target of noVariant) {
      const output = file(target.id, setup)
      const mark = { php: "// ", go: "// ", text: "" }[output.language] ?? "# "
      expect(output.content, target.id).toContain(
        [
          `${mark}The settings below sign in with the HVE account's password (Basic authentication)`,
          `${mark}instead, which this sending method still accepts. For OAuth 2.0, use one of the files`,
          `${mark}here that set it up themselves (those without this note), or Email OAuth 2.0 Proxy.`,
        ].join("\n")
      )
      expect(output.content, target.id).not.toMatch(
        /December 2026|sasl-xoauth2: see|mailbox password/
      )
      expect(output.secretNote, target.id).toMatch(
        /^No OAuth 2\.0 setup here \(see the note at the top\): the settings sign in with the HVE account's password instead\. /
      )
    }
  })

  test("PHP, Python and YAML outputs still parse with the HVE note on top", async () => {
    await expectParse("oauth/hve-notes", buildSettingsFiles(hveAppOnly(587)))
  })
})
