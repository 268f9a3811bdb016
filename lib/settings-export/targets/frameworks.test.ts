import path from "node:path"
import { parseEnv } from "node:util"
import { describe, expect, test } from "vitest"

import {
  ACS_USER,
  AWKWARD_FROM_NAME,
  AWKWARD_SECRET,
  PASSWORD,
  SCRATCH,
  acsSetup,
  caEnv,
  directSendSetup,
  expectAcsSignIn,
  hveSetup,
  recordingServerForFile,
  render,
  run,
  sendWithJakartaMail,
  smtpAuthSetup,
  submissionSimulatorForFile,
  writeScratch,
} from "@/test-support/settings-export"
import type { SettingsTarget } from "../types"
import { flaskMailTarget } from "./flask-mail"
import { goMailTarget } from "./go-mail"
import { javamailTarget } from "./javamail"
import { laravelTarget } from "./laravel"
import { symfonyTarget } from "./symfony"

const simulator = submissionSimulatorForFile()
const authSetup = () => smtpAuthSetup(simulator.server.port)
const implicitTlsSetup = () => smtpAuthSetup(465, { security: "tls" })
const content = (target: SettingsTarget, setup = authSetup()) => render(target, setup).content
const TARGETS = [flaskMailTarget, laravelTarget, symfonyTarget, goMailTarget, javamailTarget]

/** The header line of the last message the simulator accepted. */
function lastHeader(name: string): string | undefined {
  const raw = simulator.server.messages.at(-1)?.raw ?? ""
  return raw.split(/\r?\n/).find((line) => line.startsWith(`${name}: `))
}

/** The From name and address of the last message, decoded by Python's email parser. */
async function lastFrom(): Promise<{ name: string; address: string }> {
  const message = await writeScratch(
    "frameworks/last.eml",
    simulator.server.messages.at(-1)?.raw ?? ""
  )
  const { stdout } = await run("/usr/bin/python3", ["-c", PARSE_FROM, message], { timeout: 15_000 })
  return JSON.parse(stdout) as { name: string; address: string }
}

const PARSE_FROM = `
import email, email.policy, json, sys
with open(sys.argv[1], "rb") as file:
    sender = email.message_from_binary_file(file, policy=email.policy.default)["From"].addresses[0]
print(json.dumps({"name": sender.display_name, "address": sender.addr_spec}))
`

/** Loads a Flask config file with Flask itself and prints its MAIL_* keys as JSON. */
const FLASK_CONFIG_DUMP = `
import json, sys
from flask import Config
config = Config(".")
config.from_pyfile(sys.argv[1])
print(json.dumps({key: value for key, value in config.items() if key.startswith("MAIL_")}))
`

/** A Flask app that loads the generated config and sends one message with Flask-Mail. */
const FLASK_SEND = `
import sys
from flask import Flask
from flask_mail import Mail, Message
app = Flask(__name__)
app.config.from_pyfile(sys.argv[1])
mail = Mail(app)
with app.app_context():
    mail.send(Message(subject="Flask-Mail test", recipients=[sys.argv[2]], body="It works."))
`

/** Prints a .properties file as java.util.Properties reads it, one sorted key=value a line. */
const LOAD_PROPERTIES = `
import java.io.FileReader;
import java.util.Properties;
public class LoadProperties {
  public static void main(String[] args) throws Exception {
    Properties p = new Properties();
    try (FileReader r = new FileReader(args[0])) { p.load(r); }
    new java.util.TreeMap<>(p).forEach((k, v) -> System.out.println(k + "=" + v));
  }
}
`

/** Loads .env.local next to it with Symfony's Dotenv and sends one message with Symfony Mailer. */
const SYMFONY_SEND = [
  "<?php",
  "require '/usr/share/php/Symfony/Component/Dotenv/autoload.php';",
  "require '/usr/share/php/Symfony/Component/Mailer/autoload.php';",
  "use Symfony\\Component\\Dotenv\\Dotenv;",
  "use Symfony\\Component\\Mailer\\Mailer;",
  "use Symfony\\Component\\Mailer\\Transport;",
  "use Symfony\\Component\\Mime\\Email;",
  "(new Dotenv())->load(__DIR__ . '/.env.local');",
  "$mailer = new Mailer(Transport::fromDsn($_ENV['MAILER_DSN']));",
  "$mailer->send((new Email())->from($_ENV['MAILER_FROM'])->to('it-team@contoso.com')",
  "  ->subject('Symfony test')->text('It works.'));",
  "",
].join("\n")

async function loadProperties(name: string, text: string): Promise<string[]> {
  const file = await writeScratch(`frameworks/${name}`, text)
  const loader = await writeScratch("frameworks/LoadProperties.java", LOAD_PROPERTIES)
  const { stdout } = await run("java", [loader, file], { timeout: 30_000 })
  return stdout.trim().split("\n")
}

describe("every framework output", () => {
  test("never contains the password, with SMTP AUTH or implicit TLS", () => {
    for (const target of TARGETS) {
      for (const setup of [authSetup(), implicitTlsSetup()]) {
        const output = render(target, setup)
        expect(output.content, target.id).not.toContain(PASSWORD)
        expect(output.secretNote, target.id).not.toContain(PASSWORD)
      }
    }
  })

  test("Direct Send carries no user, password or password variable", () => {
    for (const target of TARGETS) {
      const output = render(target, directSendSetup())
      expect(output.content, target.id).not.toMatch(
        /sender@contoso|password|username|\.user=|smtp\.auth|SMTPAuth/i
      )
      expect(output.secretNote).toBe("Direct Send and relay need no password.")
    }
  })
})

describe("Flask-Mail", () => {
  test("a Flask app loads config.py and sends through the simulator with STARTTLS", async () => {
    const config = await writeScratch("frameworks/config.py", content(flaskMailTarget))
    const app = await writeScratch("frameworks/flask_send.py", FLASK_SEND)
    const before = simulator.server.messages.length
    // Debian's Python has flask and flask_mail; the test CA stands in for the system's CAs.
    await run("/usr/bin/python3", [app, config, "it-team@contoso.com"], {
      env: { ...caEnv, SMTP_PASSWORD: PASSWORD },
      timeout: 20_000,
    })
    expect(simulator.server.messages).toHaveLength(before + 1)
    expect(simulator.server.messages.at(-1)?.authUser).toBe("sender@contoso.com")
    expect(simulator.server.messages.at(-1)?.from).toBe("sender@contoso.com")
    // Flask-Mail writes every name as an RFC 2047 encoded word.
    expect(lastHeader("From")).toBe(
      "From: =?utf-8?q?Scan_=22Floor_2=22_=231?= <sender@contoso.com>"
    )
    expect(await lastFrom()).toEqual({ name: AWKWARD_FROM_NAME, address: "sender@contoso.com" })
  })

  test("Flask reads the keys: STARTTLS, implicit TLS, and Direct Send without credentials", async () => {
    const dump = await writeScratch("frameworks/flask_config_dump.py", FLASK_CONFIG_DUMP)
    const load = async (name: string, text: string, env: NodeJS.ProcessEnv = process.env) => {
      const file = await writeScratch(`frameworks/${name}`, text)
      const { stdout } = await run("/usr/bin/python3", [dump, file], { env, timeout: 20_000 })
      return JSON.parse(stdout) as Record<string, unknown>
    }
    const withPassword = { ...process.env, SMTP_PASSWORD: PASSWORD }
    const withoutPassword = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => name !== "SMTP_PASSWORD")
    ) as NodeJS.ProcessEnv
    expect(await load("config_starttls.py", content(flaskMailTarget), withPassword)).toEqual({
      MAIL_SERVER: "localhost",
      MAIL_PORT: simulator.server.port,
      MAIL_USE_TLS: true,
      MAIL_USE_SSL: false,
      MAIL_USERNAME: "sender@contoso.com",
      MAIL_PASSWORD: PASSWORD,
      MAIL_DEFAULT_SENDER: '"Scan \\"Floor 2\\" #1" <sender@contoso.com>',
    })
    expect(
      await load("config_tls.py", content(flaskMailTarget, implicitTlsSetup()), withPassword)
    ).toMatchObject({ MAIL_PORT: 465, MAIL_USE_TLS: false, MAIL_USE_SSL: true })
    // Without the variable the config refuses to load rather than sign in with no password.
    await expect(
      load("config_nopass.py", content(flaskMailTarget), withoutPassword)
    ).rejects.toThrow(/KeyError: 'SMTP_PASSWORD'/)
    expect(
      await load("config_direct.py", content(flaskMailTarget, directSendSetup()), withoutPassword)
    ).toEqual({
      MAIL_SERVER: "localhost",
      MAIL_PORT: 25,
      MAIL_USE_TLS: true,
      MAIL_USE_SSL: false,
      MAIL_DEFAULT_SENDER: "scanner@contoso.com",
    })
  })
})

describe("Laravel", () => {
  test("the .env parses to Laravel's MAIL_* keys, the From name intact", () => {
    expect(parseEnv(content(laravelTarget))).toEqual({
      MAIL_MAILER: "smtp",
      MAIL_SCHEME: "smtp",
      MAIL_HOST: "localhost",
      MAIL_PORT: String(simulator.server.port),
      MAIL_USERNAME: "sender@contoso.com",
      MAIL_PASSWORD: "",
      MAIL_FROM_ADDRESS: "sender@contoso.com",
      MAIL_FROM_NAME: AWKWARD_FROM_NAME,
    })
    expect(content(laravelTarget)).toContain("'require_tls' => true")
  })

  test("implicit TLS is the smtps scheme; Direct Send has no credential keys", () => {
    expect(parseEnv(content(laravelTarget, implicitTlsSetup()))).toMatchObject({
      MAIL_SCHEME: "smtps",
      MAIL_PORT: "465",
    })
    expect(parseEnv(content(laravelTarget, directSendSetup()))).toEqual({
      MAIL_MAILER: "smtp",
      MAIL_SCHEME: "smtp",
      MAIL_HOST: "localhost",
      MAIL_PORT: "25",
      MAIL_FROM_ADDRESS: "scanner@contoso.com",
    })
  })

  test("values follow phpdotenv's quoting: single quotes are literal, double quotes escape $", () => {
    // phpdotenv expands ${...} in double quotes: a name with ' needs \\, \" and \$ there.
    const setup = authSetup()
    setup.sender.fromName = `Bob's $HOME "desk" \\ 2`
    expect(content(laravelTarget, setup)).toContain(
      `MAIL_FROM_NAME="Bob's \\$HOME \\"desk\\" \\\\ 2"\n`
    )
    // Without ' the value is single-quoted, where # and $ are plain characters.
    setup.sender.fromName = "Scan $1 #2"
    expect(content(laravelTarget, setup)).toContain("MAIL_FROM_NAME='Scan $1 #2'\n")
    expect(content(laravelTarget)).toContain(`MAIL_FROM_NAME='Scan "Floor 2" #1'\n`)
  })
})

describe("Symfony Mailer", () => {
  const dsnOf = (text: string) => new URL(parseEnv(text).MAILER_DSN ?? "")

  test("the DSN decodes to the tested settings and requires STARTTLS", () => {
    const dsn = dsnOf(content(symfonyTarget))
    expect(dsn.protocol).toBe("smtp:")
    expect(decodeURIComponent(dsn.username)).toBe("sender@contoso.com")
    expect(dsn.username).toBe("sender%40contoso.com")
    expect(dsn.hostname).toBe("localhost")
    expect(dsn.port).toBe(String(simulator.server.port))
    expect(Object.fromEntries(dsn.searchParams)).toEqual({
      require_tls: "true",
      verify_peer: "true",
    })
    // The password is a reference that Symfony's Dotenv expands.
    expect(decodeURIComponent(dsn.password)).toBe("${SMTP_PASSWORD}")
  })

  test("an URL-encoded SMTP_PASSWORD survives the DSN; a raw one does not", () => {
    const text = parseEnv(content(symfonyTarget)).MAILER_DSN ?? ""
    const expanded = (password: string) => new URL(text.replace("${SMTP_PASSWORD}", password))
    expect(decodeURIComponent(expanded(encodeURIComponent(PASSWORD)).password)).toBe(PASSWORD)
    // The test password holds a #, which ends the URL early and breaks it: hence the secret note.
    expect(() => expanded(PASSWORD)).toThrow(TypeError)
    expect(render(symfonyTarget, authSetup()).secretNote).toContain(
      "%env(urlencode:SMTP_PASSWORD)%"
    )
  })

  test("the From header reads back as Symfony's Address::create reads 'Name <address>'", () => {
    const from = parseEnv(content(symfonyTarget)).MAILER_FROM ?? ""
    // Symfony\Component\Mime\Address::FROM_STRING_PATTERN, then trim($name, ' \'"').
    const match = /(?<displayName>[^<]*)<(?<addrSpec>.*)>[^>]*/.exec(from)
    expect(match?.groups?.addrSpec).toBe("sender@contoso.com")
    expect(match?.groups?.displayName?.replace(/^[ '"]+|[ '"]+$/g, "")).toBe(AWKWARD_FROM_NAME)
  })

  test("Symfony's own Dotenv and Mailer (Debian's) send with the DSN and the URL-encoded password", async () => {
    const directory = path.dirname(await writeScratch("symfony/.env.local", content(symfonyTarget)))
    const script = await writeScratch("symfony/send.php", SYMFONY_SEND)
    const before = simulator.server.messages.length
    await run("php", [script], {
      cwd: directory,
      // As the secret note says: URL-encoded, because Dotenv pastes it into the DSN as is.
      env: { ...caEnv, SMTP_PASSWORD: encodeURIComponent(PASSWORD) },
      timeout: 15_000,
    })
    expect(simulator.server.messages).toHaveLength(before + 1)
    expect(simulator.server.messages.at(-1)?.authUser).toBe("sender@contoso.com")
  })

  test("implicit TLS is smtps://; Direct Send has no user or password in the DSN", () => {
    const tls = dsnOf(content(symfonyTarget, implicitTlsSetup()))
    expect(tls.protocol).toBe("smtps:")
    expect(tls.port).toBe("465")
    expect(Object.fromEntries(tls.searchParams)).toEqual({ verify_peer: "true" })
    const direct = dsnOf(content(symfonyTarget, directSendSetup()))
    expect([direct.username, direct.password, direct.port]).toEqual(["", "", "25"])
    expect(parseEnv(content(symfonyTarget, directSendSetup())).MAILER_FROM).toBe(
      "scanner@contoso.com"
    )
  })
})

describe("Go (go-mail)", () => {
  // No go-mail module offline: gofmt checks the syntax and layout, exact lines check the calls.
  test.each([
    ["STARTTLS", () => authSetup()],
    ["implicit TLS", () => implicitTlsSetup()],
    ["Direct Send", () => directSendSetup()],
  ])("main.go is gofmt-clean Go (%s)", async (_, setup) => {
    const file = await writeScratch("frameworks/go/main.go", content(goMailTarget, setup()))
    const { stdout, stderr } = await run("gofmt", ["-l", "-e", file], { timeout: 15_000 })
    expect(stderr).toBe("")
    expect(stdout).toBe("")
  })

  test("it signs in with AUTH LOGIN over required STARTTLS, the password from the environment", () => {
    const code = content(goMailTarget)
    for (const line of [
      '\tpassword := os.Getenv("SMTP_PASSWORD")',
      '\tif password == "" {',
      '\tmessage.FromMailAddress(&netmail.Address{Name: "Scan \\"Floor 2\\" #1", Address: "sender@contoso.com"})',
      '\tif err := message.To("it-team@contoso.com"); err != nil {',
      '\tclient, err := mail.NewClient("localhost",',
      `\t\tmail.WithPort(${simulator.server.port}),`,
      "\t\tmail.WithTLSPolicy(mail.TLSMandatory),",
      "\t\tmail.WithSMTPAuth(mail.SMTPAuthLogin),",
      '\t\tmail.WithUsername("sender@contoso.com"),',
      "\t\tmail.WithPassword(password),",
      "\tif err := client.DialAndSend(message); err != nil {",
    ]) {
      expect(code.split("\n")).toContain(line)
    }
    expect(code).not.toMatch(/InsecureSkipVerify|WithTLSPortPolicy|MinVersion/)
  })

  test("implicit TLS uses WithSSL; Direct Send neither signs in nor imports os", () => {
    expect(content(goMailTarget, implicitTlsSetup()).split("\n")).toContain("\t\tmail.WithSSL(),")
    const direct = content(goMailTarget, directSendSetup())
    expect(direct.split("\n")).toContain("\t\tmail.WithTLSPolicy(mail.TLSMandatory),")
    expect(direct).not.toMatch(/"os"|Getenv|WithSMTPAuth|WithUsername|WithPassword/)
  })
})

describe("Jakarta Mail properties", () => {
  test("java.util.Properties reads the tested settings", async () => {
    expect(await loadProperties("mail.properties", content(javamailTarget))).toEqual([
      'mail.from="Scan \\"Floor 2\\" #1" <sender@contoso.com>',
      "mail.smtp.auth=true",
      "mail.smtp.connectiontimeout=10000",
      "mail.smtp.from=sender@contoso.com",
      "mail.smtp.host=localhost",
      `mail.smtp.port=${simulator.server.port}`,
      "mail.smtp.ssl.checkserveridentity=true",
      "mail.smtp.starttls.enable=true",
      "mail.smtp.starttls.required=true",
      "mail.smtp.timeout=10000",
      "mail.smtp.user=sender@contoso.com",
      "mail.smtp.writetimeout=10000",
    ])
  })

  test("implicit TLS and Direct Send", async () => {
    const tls = await loadProperties(
      "mail-tls.properties",
      content(javamailTarget, implicitTlsSetup())
    )
    expect(tls).toContain("mail.smtp.ssl.enable=true")
    expect(tls).not.toContain("mail.smtp.starttls.enable=true")
    const direct = await loadProperties(
      "mail-direct.properties",
      content(javamailTarget, directSendSetup())
    )
    expect(direct).toEqual([
      "mail.from=scanner@contoso.com",
      "mail.smtp.connectiontimeout=10000",
      "mail.smtp.from=scanner@contoso.com",
      "mail.smtp.host=localhost",
      "mail.smtp.port=25",
      "mail.smtp.ssl.checkserveridentity=true",
      "mail.smtp.starttls.enable=true",
      "mail.smtp.starttls.required=true",
      "mail.smtp.timeout=10000",
      "mail.smtp.writetimeout=10000",
    ])
  })

  test("Jakarta Mail sends through the simulator with an Authenticator reading SMTP_PASSWORD", async () => {
    const properties = await writeScratch("frameworks/send.properties", content(javamailTarget))
    const before = simulator.server.messages.length
    await sendWithJakartaMail(properties, PASSWORD)
    expect(simulator.server.messages).toHaveLength(before + 1)
    expect(simulator.server.messages.at(-1)?.authUser).toBe("sender@contoso.com")
    expect(simulator.server.messages.at(-1)?.from).toBe("sender@contoso.com")
    expect(lastHeader("From")).toBe('From: "Scan \\"Floor 2\\" #1" <sender@contoso.com>')
    expect(await lastFrom()).toEqual({ name: AWKWARD_FROM_NAME, address: "sender@contoso.com" })
  })
})

/** Prints the string literal passed to mail.WithUsername in a Go file, as Go's own parser reads it. */
const GO_USERNAME = `
package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strconv"
)

func main() {
	file, err := parser.ParseFile(token.NewFileSet(), os.Args[1], nil, 0)
	if err != nil {
		panic(err)
	}
	ast.Inspect(file, func(node ast.Node) bool {
		call, ok := node.(*ast.CallExpr)
		if !ok {
			return true
		}
		if selector, ok := call.Fun.(*ast.SelectorExpr); !ok || selector.Sel.Name != "WithUsername" {
			return true
		}
		value, err := strconv.Unquote(call.Args[0].(*ast.BasicLit).Value)
		if err != nil {
			panic(err)
		}
		fmt.Print(value)
		return false
	})
}
`

describe("Azure Communication Services: the | in the username, the client secret", () => {
  // A plain server, not the simulator: it records the username as each client decoded it.
  const recorder = recordingServerForFile(AWKWARD_SECRET)
  const acs = () => acsSetup(recorder.server.port)
  const expectSignedInOnce = (before: number) => expectAcsSignIn(recorder.server, before)

  test("no output or secret note holds the client secret", () => {
    for (const target of TARGETS) {
      const output = render(target, acs())
      expect(JSON.stringify(output), target.id).not.toContain(AWKWARD_SECRET)
    }
  })

  test("Flask loads MAIL_USERNAME whole, and Flask-Mail signs in with it", async () => {
    const config = await writeScratch("frameworks/acs/config.py", content(flaskMailTarget, acs()))
    const dump = await writeScratch("frameworks/flask_config_dump.py", FLASK_CONFIG_DUMP)
    const { stdout } = await run("/usr/bin/python3", [dump, config], {
      env: { ...process.env, SMTP_PASSWORD: AWKWARD_SECRET },
      timeout: 20_000,
    })
    expect(JSON.parse(stdout)).toMatchObject({ MAIL_USERNAME: ACS_USER })
    const app = await writeScratch("frameworks/flask_send.py", FLASK_SEND)
    const before = recorder.server.messages.length
    await run("/usr/bin/python3", [app, config, "it-team@contoso.com"], {
      env: { ...caEnv, SMTP_PASSWORD: AWKWARD_SECRET },
      timeout: 20_000,
    })
    expectSignedInOnce(before)
  })

  test("Laravel's .env quotes the username; .env parsers read it back whole", async () => {
    const text = content(laravelTarget, acs())
    expect(text).toContain(`MAIL_USERNAME='${ACS_USER}'\n`)
    expect(parseEnv(text).MAIL_USERNAME).toBe(ACS_USER)
    // phpdotenv is not packaged here; Symfony's Dotenv reads single quotes the same way (literally).
    const env = await writeScratch("frameworks/acs/laravel.env", text)
    const { stdout } = await run(
      "php",
      [
        "-r",
        "require '/usr/share/php/Symfony/Component/Dotenv/autoload.php'; echo (new Symfony\\Component\\Dotenv\\Dotenv())->parse(file_get_contents($argv[1]))['MAIL_USERNAME'];",
        env,
      ],
      { timeout: 15_000 }
    )
    expect(stdout).toBe(ACS_USER)
  })

  test("the Symfony DSN percent-encodes each | and decodes back to the username", () => {
    const dsn = parseEnv(content(symfonyTarget, acs())).MAILER_DSN ?? ""
    expect(dsn).toContain(`smtp://${ACS_USER.replaceAll("|", "%7C")}:\${SMTP_PASSWORD}@`)
    expect(decodeURIComponent(new URL(dsn).username)).toBe(ACS_USER)
  })

  test("Symfony's Dotenv and Mailer sign in with the username and the URL-encoded secret", async () => {
    const directory = path.dirname(
      await writeScratch("frameworks/acs/symfony/.env.local", content(symfonyTarget, acs()))
    )
    const script = await writeScratch("frameworks/acs/symfony/send.php", SYMFONY_SEND)
    const before = recorder.server.messages.length
    await run("php", [script], {
      cwd: directory,
      // As the secret note says: URL-encoded, because Dotenv pastes it into the DSN as is.
      env: { ...caEnv, SMTP_PASSWORD: encodeURIComponent(AWKWARD_SECRET) },
      timeout: 15_000,
    })
    expectSignedInOnce(before)
  })

  test("Go's parser reads the username literal back whole; the program names the secret", async () => {
    const code = content(goMailTarget, acs())
    const file = await writeScratch("frameworks/acs/go/main.go", code)
    const { stdout: unformatted } = await run("gofmt", ["-l", "-e", file], { timeout: 15_000 })
    expect(unformatted).toBe("")
    // Built first: `go run` would take main.go, the argument, for one of its own sources.
    const source = await writeScratch("frameworks/acs/go-username/read.go", GO_USERNAME)
    const reader = path.join(path.dirname(source), "read")
    await run("go", ["build", "-o", reader, source], {
      env: { ...process.env, GOCACHE: path.join(SCRATCH, "go-build-cache") },
      timeout: 120_000,
    })
    const { stdout } = await run(reader, [file], { timeout: 15_000 })
    expect(stdout).toBe(ACS_USER)
    expect(code).toContain(
      `log.Fatal("set the SMTP_PASSWORD environment variable to the Entra app's client secret (its Value)")`
    )
    expect(code.split("\n")[0]).toBe(
      "// Sends one message through Azure Communication Services. Go's net/smtp has no AUTH LOGIN, so this uses go-mail:"
    )
  })

  test("java.util.Properties reads mail.smtp.user whole, and Jakarta Mail signs in with it", async () => {
    const text = content(javamailTarget, acs())
    expect(await loadProperties("acs-mail.properties", text)).toContain(
      `mail.smtp.user=${ACS_USER}`
    )
    const properties = await writeScratch("frameworks/acs-send.properties", text)
    const before = recorder.server.messages.length
    await sendWithJakartaMail(properties, AWKWARD_SECRET)
    expectSignedInOnce(before)
  })
})

describe("High Volume Email: the HVE host and the HVE account's password", () => {
  const hve = () => hveSetup(587, { host: "smtp.hve.mx.microsoft" })

  test("each output names the HVE endpoint and never the mailbox password", async () => {
    expect(parseEnv(content(laravelTarget, hve()))).toMatchObject({
      MAIL_HOST: "smtp.hve.mx.microsoft",
      MAIL_USERNAME: "hve-scanner@contoso.com",
    })
    expect(new URL(parseEnv(content(symfonyTarget, hve())).MAILER_DSN ?? "").hostname).toBe(
      "smtp.hve.mx.microsoft"
    )
    expect(await loadProperties("hve-mail.properties", content(javamailTarget, hve()))).toContain(
      "mail.smtp.host=smtp.hve.mx.microsoft"
    )
    expect(content(goMailTarget, hve())).toContain(
      `log.Fatal("set the SMTP_PASSWORD environment variable to the HVE account's password")`
    )
    for (const target of TARGETS) {
      expect(JSON.stringify(render(target, hve())), target.id).not.toMatch(/mailbox password/)
    }
  })
})
