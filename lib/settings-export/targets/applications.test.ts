// The "Applications" outputs, each read back by its real parser where one runs here: PHP for the
// WordPress and Nextcloud files, go-ini's rules over Python's configparser for Grafana and Gitea,
// the yaml package for Jenkins and Home Assistant. None of these applications runs here, so
// nothing sends to the simulator; Zabbix's form text is compared exactly.
import { parse } from "yaml"
import { describe, expect, test } from "vitest"

import {
  ACS_USER,
  AWKWARD_FROM_NAME,
  AWKWARD_SECRET,
  PASSWORD,
  acsSetup,
  directSendSetup,
  hveSetup,
  render,
  run,
  smtpAuthSetup,
  writeScratch,
} from "@/test-support/settings-export"
import { oauthVariantLine } from "../oauth-note"
import type { SettingsTarget } from "../types"
import { giteaTarget } from "./gitea"
import { grafanaTarget } from "./grafana"
import { homeAssistantTarget } from "./home-assistant"
import { jenkinsTarget } from "./jenkins"
import { nextcloudTarget } from "./nextcloud"
import { wordpressTarget } from "./wordpress"
import { zabbixTarget } from "./zabbix"

const TARGETS = [
  wordpressTarget,
  nextcloudTarget,
  grafanaTarget,
  giteaTarget,
  jenkinsTarget,
  homeAssistantTarget,
  zabbixTarget,
]

const starttls = () => smtpAuthSetup(587)
const implicitTls = () => smtpAuthSetup(465, { security: "tls" })
const plain = () => smtpAuthSetup(25, { security: "none" })

/** Runs PHP code (a harness) on a generated file and returns what it printed as JSON. */
async function phpJson(name: string, harness: string, file: string, env = process.env) {
  const target = await writeScratch(name, file)
  const lint = await run("php", ["-l", target], { timeout: 15_000 })
  expect(lint.stdout).toContain("No syntax errors")
  const script = await writeScratch(`${name}.harness.php`, `<?php\n${harness}\n`)
  const { stdout } = await run("php", [script, target], { env, timeout: 15_000 })
  return JSON.parse(stdout) as Record<string, unknown>
}

// go-ini (Grafana, Gitea) on top of Python's configparser: configparser finds sections, keys and
// whole-line comments; go_ini_value applies go-ini's readValue to each raw value.
const GO_INI = String.raw`
import configparser, json, sys

def go_ini_value(raw):
    if len(raw) > 3 and raw.startswith('"""'):
        end = raw[3:].rfind('"""')
        if end < 0:
            raise ValueError("unclosed triple quote: " + raw)
        return raw[3:3 + end]
    if raw.startswith("\x60"):
        end = raw[1:].rfind("\x60")
        if end < 0:
            raise ValueError("unclosed backtick: " + raw)
        return raw[1:1 + end]
    cuts = [i for i in (raw.find("#"), raw.find(";")) if i >= 0]
    if cuts:
        raw = raw[:min(cuts)].strip()
    for quote in ('"', "'"):
        if len(raw) >= 2 and raw[0] == quote and raw[-1] == quote and raw.find(quote, 1) == len(raw) - 1:
            return raw[1:-1]
    return raw

parser = configparser.ConfigParser(interpolation=None, delimiters=("=",), comment_prefixes=("#", ";"), strict=True)
parser.optionxform = str
with open(sys.argv[1]) as ini:
    parser.read_file(ini)
print(json.dumps({name: {key: go_ini_value(value) for key, value in parser.items(name, raw=True)} for name in parser.sections()}))
`

async function goIni(name: string, content: string) {
  const file = await writeScratch(name, content)
  const script = await writeScratch("go_ini.py", GO_INI)
  const { stdout } = await run("python3", [script, file], { timeout: 15_000 })
  return JSON.parse(stdout) as Record<string, Record<string, string>>
}

/** An RFC 5322 mailbox read back by Python's email.utils: [name, address]. */
async function parseMailbox(value: string) {
  const { stdout } = await run(
    "python3",
    [
      "-c",
      "import email.utils, json, sys; print(json.dumps(email.utils.parseaddr(sys.argv[1])))",
      value,
    ],
    { timeout: 15_000 }
  )
  return JSON.parse(stdout) as [string, string]
}

const content = (target: SettingsTarget, setup = starttls()) => render(target, setup).content

describe("every application output", () => {
  test("never contains the password", () => {
    for (const target of TARGETS) {
      for (const setup of [starttls(), implicitTls(), plain(), directSendSetup()]) {
        expect(JSON.stringify(render(target, setup)), target.id).not.toContain(PASSWORD)
      }
    }
  })

  test("Direct Send outputs carry no credential keys or placeholders", () => {
    for (const target of TARGETS) {
      expect(content(target, directSendSetup()), target.id).not.toMatch(
        /pass|SMTP_PASSWORD|secret|smtpname|SMTP_USER|username|^\s*user\b|^\s*authentication:\s*$/im
      )
    }
  })
})

describe("WordPress (WP Mail SMTP)", () => {
  // wp-config.php is already in PHP mode where the constants are pasted.
  const constants = "echo json_encode(get_defined_constants(true)['user']);"
  const load = (setup = starttls()) =>
    phpJson(
      "wp-config-part.php",
      `require $argv[1];\n${constants}`,
      "<?php\n" + content(wordpressTarget, setup),
      {
        ...process.env,
        SMTP_PASSWORD: PASSWORD,
      }
    )

  test("defines the plugin's constants, with the password read from the environment", async () => {
    expect(await load()).toEqual({
      WPMS_ON: true,
      WPMS_MAILER: "smtp",
      WPMS_SMTP_HOST: "localhost",
      WPMS_SMTP_PORT: 587,
      WPMS_SSL: "tls",
      WPMS_SMTP_AUTH: true,
      WPMS_SMTP_USER: "sender@contoso.com",
      WPMS_SMTP_PASS: PASSWORD,
      WPMS_MAIL_FROM: "sender@contoso.com",
      WPMS_MAIL_FROM_FORCE: true,
      WPMS_MAIL_FROM_NAME: AWKWARD_FROM_NAME,
      WPMS_MAIL_FROM_NAME_FORCE: true,
    })
    expect(content(wordpressTarget)).toContain("getenv( 'SMTP_PASSWORD' )")
  })

  test("maps implicit TLS to 'ssl' and no encryption to '' with opportunistic STARTTLS", async () => {
    expect(await load(implicitTls())).toMatchObject({ WPMS_SSL: "ssl", WPMS_SMTP_PORT: 465 })
    expect(await load(plain())).toMatchObject({ WPMS_SSL: "", WPMS_SMTP_AUTOTLS: true })
  })

  test("Direct Send turns authentication off and defines no credentials", async () => {
    expect(await load(directSendSetup())).toEqual({
      WPMS_ON: true,
      WPMS_MAILER: "smtp",
      WPMS_SMTP_HOST: "localhost",
      WPMS_SMTP_PORT: 25,
      WPMS_SSL: "tls",
      WPMS_SMTP_AUTH: false,
      WPMS_MAIL_FROM: "scanner@contoso.com",
      WPMS_MAIL_FROM_FORCE: true,
    })
  })
})

describe("Nextcloud (config.php)", () => {
  const load = (setup = starttls()) =>
    phpJson(
      "nextcloud-config.php",
      "require $argv[1];\necho json_encode($CONFIG);",
      content(nextcloudTarget, setup)
    )

  test("sets the mail_* system values and leaves the password to NC_mail_smtppassword", async () => {
    expect(await load()).toEqual({
      mail_smtpmode: "smtp",
      mail_smtphost: "localhost",
      mail_smtpport: 587,
      mail_smtpsecure: "",
      mail_smtpauth: true,
      mail_smtpname: "sender@contoso.com",
      mail_from_address: "sender",
      mail_domain: "contoso.com",
      mail_smtptimeout: 30,
    })
    expect(content(nextcloudTarget)).toContain("NC_mail_smtppassword")
    expect(render(nextcloudTarget, starttls()).secretNote).toContain("NC_mail_smtppassword")
  })

  test("uses 'ssl' for implicit TLS", async () => {
    expect(await load(implicitTls())).toMatchObject({ mail_smtpsecure: "ssl", mail_smtpport: 465 })
  })

  test("Direct Send turns authentication off and names no account", async () => {
    expect(await load(directSendSetup())).toEqual({
      mail_smtpmode: "smtp",
      mail_smtphost: "localhost",
      mail_smtpport: 25,
      mail_smtpsecure: "",
      mail_smtpauth: false,
      mail_from_address: "scanner",
      mail_domain: "contoso.com",
      mail_smtptimeout: 30,
    })
  })
})

describe("Grafana (grafana.ini)", () => {
  test("the [smtp] section requires STARTTLS and reads the password through $__env", async () => {
    expect(await goIni("grafana.ini", content(grafanaTarget))).toEqual({
      smtp: {
        enabled: "true",
        host: "localhost:587",
        user: "sender@contoso.com",
        password: "$__env{SMTP_PASSWORD}",
        skip_verify: "false",
        startTLS_policy: "MandatoryStartTLS",
        from_address: "sender@contoso.com",
        from_name: AWKWARD_FROM_NAME,
      },
    })
  })

  test("port 465 for implicit TLS, opportunistic STARTTLS without encryption, IPv6 in brackets", async () => {
    const tls = await goIni("grafana-tls.ini", content(grafanaTarget, implicitTls()))
    expect(tls.smtp).toMatchObject({ host: "localhost:465", startTLS_policy: "MandatoryStartTLS" })
    const none = await goIni("grafana-none.ini", content(grafanaTarget, plain()))
    expect(none.smtp?.startTLS_policy).toBe("OpportunisticStartTLS")
    const ipv6 = smtpAuthSetup(587, { host: "2001:db8::25" })
    expect((await goIni("grafana-ipv6.ini", content(grafanaTarget, ipv6))).smtp?.host).toBe(
      "[2001:db8::25]:587"
    )
  })

  test("Direct Send has no user or password", async () => {
    expect(await goIni("grafana-direct.ini", content(grafanaTarget, directSendSetup()))).toEqual({
      smtp: {
        enabled: "true",
        host: "localhost:25",
        skip_verify: "false",
        startTLS_policy: "MandatoryStartTLS",
        from_address: "scanner@contoso.com",
      },
    })
  })
})

describe("Gitea (app.ini)", () => {
  test("the [mailer] section uses STARTTLS, checks the certificate and quotes FROM", async () => {
    const { mailer } = await goIni("app.ini", content(giteaTarget))
    expect(mailer).toEqual({
      ENABLED: "true",
      PROTOCOL: "smtp+starttls",
      SMTP_ADDR: "localhost",
      SMTP_PORT: "587",
      USER: "sender@contoso.com",
      FROM: '"Scan \\"Floor 2\\" #1" <sender@contoso.com>',
      FORCE_TRUST_SERVER_CERT: "false",
    })
    expect(await parseMailbox(mailer?.FROM ?? "")).toEqual([
      AWKWARD_FROM_NAME,
      "sender@contoso.com",
    ])
    expect(render(giteaTarget, starttls()).secretNote).toContain("GITEA__mailer__PASSWD")
  })

  test("implicit TLS is smtps", async () => {
    const { mailer } = await goIni("app-tls.ini", content(giteaTarget, implicitTls()))
    expect(mailer).toMatchObject({ PROTOCOL: "smtps", SMTP_PORT: "465" })
  })

  test("Direct Send has no USER or PASSWD", async () => {
    expect(await goIni("app-direct.ini", content(giteaTarget, directSendSetup()))).toEqual({
      mailer: {
        ENABLED: "true",
        PROTOCOL: "smtp+starttls",
        SMTP_ADDR: "localhost",
        SMTP_PORT: "25",
        FROM: "scanner@contoso.com",
        FORCE_TRUST_SERVER_CERT: "false",
      },
    })
  })
})

describe("Jenkins (Configuration as Code)", () => {
  test("the Mailer block uses STARTTLS and a ${SMTP_PASSWORD} secret; the admin address is From", async () => {
    const config = parse(content(jenkinsTarget))
    expect(config).toEqual({
      unclassified: {
        location: { adminAddress: 'Scan "Floor 2" #1 <sender@contoso.com>' },
        mailer: {
          smtpHost: "localhost",
          smtpPort: "587",
          useTls: true,
          useSsl: false,
          charset: "UTF-8",
          authentication: { username: "sender@contoso.com", password: "${SMTP_PASSWORD}" },
        },
      },
    })
    // Mailer.stringToAddress: the name is everything before "<", which JavaMail then quotes.
    const [, name, address] =
      /^\s*([^<]*)<([^>]+)>\s*$/.exec(config.unclassified.location.adminAddress) ?? []
    expect([name?.trim(), address]).toEqual([AWKWARD_FROM_NAME, "sender@contoso.com"])
  })

  test("implicit TLS is useSsl, and a literal ${ in a value is escaped from JCasC", () => {
    expect(parse(content(jenkinsTarget, implicitTls())).unclassified.mailer).toMatchObject({
      smtpPort: "465",
      useTls: false,
      useSsl: true,
    })
    const setup = starttls()
    setup.sender.fromName = "Cost ${HOME}"
    expect(parse(content(jenkinsTarget, setup)).unclassified.location.adminAddress).toBe(
      "Cost ^${HOME} <sender@contoso.com>"
    )
  })

  test("a display name Jenkins cannot read is left out, and says so", () => {
    const setup = starttls()
    setup.sender.fromName = "Ops <alerts>"
    const text = content(jenkinsTarget, setup)
    expect(parse(text).unclassified.location.adminAddress).toBe("sender@contoso.com")
    expect(text).toContain("the From name is left out")
  })

  test("Direct Send has no authentication block", () => {
    expect(parse(content(jenkinsTarget, directSendSetup())).unclassified.mailer).toEqual({
      smtpHost: "localhost",
      smtpPort: "25",
      useTls: true,
      useSsl: false,
      charset: "UTF-8",
    })
  })
})

describe("Home Assistant (configuration.yaml)", () => {
  // !secret reads secrets.yaml; here it stands for the key it names.
  const secret = { tag: "!secret", resolve: (key: string) => ({ secret: key }) }
  const load = (setup = starttls()) =>
    parse(content(homeAssistantTarget, setup), { customTags: [secret] }) as {
      notify: Record<string, unknown>[]
    }

  test("the smtp notifier requires STARTTLS, verifies the certificate and reads !secret", () => {
    expect(load()).toEqual({
      notify: [
        {
          name: "microsoft365",
          platform: "smtp",
          server: "localhost",
          port: 587,
          encryption: "starttls",
          verify_ssl: true,
          timeout: 15,
          sender: "sender@contoso.com",
          sender_name: '"Scan \\"Floor 2\\" #1"',
          recipient: "it-team@contoso.com",
          username: "sender@contoso.com",
          password: { secret: "smtp_password" },
        },
      ],
    })
  })

  test("the From header Home Assistant builds from sender_name reads back as the From name", async () => {
    for (const fromName of [AWKWARD_FROM_NAME, "IT, Monitoring", `Jörg "Ops" O'Brien`]) {
      const setup = starttls()
      setup.sender.fromName = fromName
      const [notifier] = load(setup).notify
      // As the notifier does (homeassistant/components/smtp/notify.py), then as a mail client reads it.
      const { stdout } = await run(
        "python3",
        [
          "-c",
          [
            "import email, email.policy, json, sys",
            "from email.mime.text import MIMEText",
            "msg = MIMEText('x')",
            'msg["From"] = f"{sys.argv[1]} <{sys.argv[2]}>"',
            "read = email.message_from_string(msg.as_string(), policy=email.policy.default)",
            'print(json.dumps([[a.display_name, a.addr_spec] for a in read["From"].addresses]))',
          ].join("\n"),
          String(notifier?.sender_name),
          String(notifier?.sender),
        ],
        { timeout: 15_000 }
      )
      expect(JSON.parse(stdout)).toEqual([[fromName, "sender@contoso.com"]])
    }
  })

  test("implicit TLS is tls and no encryption is none", () => {
    expect(load(implicitTls()).notify[0]).toMatchObject({ encryption: "tls", port: 465 })
    expect(load(plain()).notify[0]).toMatchObject({ encryption: "none", port: 25 })
  })

  test("Direct Send has no username or password", () => {
    const [notifier] = load(directSendSetup()).notify
    expect(notifier).not.toHaveProperty("username")
    expect(notifier).not.toHaveProperty("password")
    expect(notifier).toMatchObject({ sender: "scanner@contoso.com", port: 25 })
  })
})

describe("Zabbix (Email media type)", () => {
  const header = [
    "Zabbix: Alerts > Media types > Create media type (Administration > Media types in older",
    "versions, which also label the Email field SMTP email).",
    "",
    "Name: Microsoft 365",
    "Type: Email",
    "Email provider: Generic SMTP",
    "SMTP server: localhost",
  ]

  test("SMTP AUTH, field by field (nothing parses this: exact text)", () => {
    expect(content(zabbixTarget)).toBe(
      [
        // The method takes OAuth 2.0, which Zabbix 7.4 can do (oauth-gitlab-zabbix.test.ts).
        oauthVariantLine(zabbixTarget.oauthVariant?.takes ?? ""),
        "",
        ...header,
        "SMTP server port: 587",
        'Email: "Scan \\"Floor 2\\" #1" <sender@contoso.com>',
        "SMTP helo: contoso.com",
        "Connection security: STARTTLS",
        "SSL verify peer: checked (the certificate must be trusted)",
        "SSL verify host: checked (the certificate must name the server)",
        "Authentication: Username and password",
        "Username: sender@contoso.com",
        "Password: type the mailbox password into the form",
        "",
      ].join("\n")
    )
  })

  test("Direct Send, field by field", () => {
    expect(content(zabbixTarget, directSendSetup())).toBe(
      [
        ...header,
        "SMTP server port: 25",
        "Email: scanner@contoso.com",
        "SMTP helo: contoso.com",
        "Connection security: STARTTLS",
        "SSL verify peer: checked (the certificate must be trusted)",
        "SSL verify host: checked (the certificate must name the server)",
        "Authentication: None",
        "",
      ].join("\n")
    )
  })

  test("Zabbix copies the name into the header: quoted when it holds specials, unless it encodes it", () => {
    const email = (fromName: string) => {
      const setup = starttls()
      setup.sender.fromName = fromName
      return content(zabbixTarget, setup)
        .split("\n")
        .find((line) => line.startsWith("Email: "))
    }
    expect(email("IT, Monitoring")).toBe('Email: "IT, Monitoring" <sender@contoso.com>')
    expect(email("Monitoring")).toBe("Email: Monitoring <sender@contoso.com>")
    // Zabbix encodes a name that is not ASCII (RFC 2047) whole: quotes would show.
    expect(email("Jörg, IT")).toBe("Email: Jörg, IT <sender@contoso.com>")
  })

  test("implicit TLS is SSL/TLS; a display name Zabbix cannot read is left out", () => {
    expect(content(zabbixTarget, implicitTls())).toContain("Connection security: SSL/TLS")
    const setup = starttls()
    setup.sender.fromName = "Ops <night shift>"
    const text = content(zabbixTarget, setup)
    expect(text).toContain("Email: sender@contoso.com\n")
    expect(text).toContain("the From name is left out")
  })
})

describe("Azure Communication Services: the | in the username, read back by each format's parser", () => {
  const acs = () => acsSetup(587, { host: "smtp.azurecomm.net" })
  // !secret reads secrets.yaml; here it stands for the key it names.
  const secretTag = { tag: "!secret", resolve: (key: string) => ({ secret: key }) }

  test("no output or secret note holds the client secret", () => {
    for (const target of TARGETS) {
      expect(JSON.stringify(render(target, acs())), target.id).not.toContain(AWKWARD_SECRET)
    }
  })

  test("WordPress: PHP defines WPMS_SMTP_USER as the username", async () => {
    const constants = await phpJson(
      "acs-wp-config-part.php",
      "require $argv[1];\necho json_encode(get_defined_constants(true)['user']);",
      "<?php\n" + content(wordpressTarget, acs())
    )
    expect(constants).toMatchObject({
      WPMS_SMTP_HOST: "smtp.azurecomm.net",
      WPMS_SMTP_USER: ACS_USER,
    })
  })

  test("Nextcloud: PHP reads mail_smtpname as the username", async () => {
    const config = await phpJson(
      "acs-nextcloud-config.php",
      "require $argv[1];\necho json_encode($CONFIG);",
      content(nextcloudTarget, acs())
    )
    expect(config).toMatchObject({ mail_smtphost: "smtp.azurecomm.net", mail_smtpname: ACS_USER })
  })

  test("Grafana and Gitea: the username goes in backticks, which go-ini keeps verbatim", async () => {
    const grafana = content(grafanaTarget, acs())
    expect(grafana).toContain(`user = \`${ACS_USER}\`\n`)
    expect((await goIni("acs-grafana.ini", grafana)).smtp?.user).toBe(ACS_USER)
    const gitea = content(giteaTarget, acs())
    expect(gitea).toContain(`USER = \`${ACS_USER}\`\n`)
    expect((await goIni("acs-app.ini", gitea)).mailer?.USER).toBe(ACS_USER)
  })

  test("Jenkins: the yaml package reads the username (a quoted scalar, not a | block)", () => {
    const config = parse(content(jenkinsTarget, acs()))
    expect(config.unclassified.mailer.authentication).toEqual({
      username: ACS_USER,
      password: "${SMTP_PASSWORD}",
    })
  })

  test("Home Assistant: the yaml package reads the username", () => {
    const config = parse(content(homeAssistantTarget, acs()), { customTags: [secretTag] }) as {
      notify: Record<string, unknown>[]
    }
    expect(config.notify[0]).toMatchObject({
      server: "smtp.azurecomm.net",
      username: ACS_USER,
      password: { secret: "smtp_password" },
    })
  })

  test("Zabbix: the form's fields, the username as typed and the secret named (exact text)", () => {
    const text = content(zabbixTarget, acs())
    expect(text.split("\n")).toEqual(
      expect.arrayContaining([
        "Name: Azure Communication Services",
        "SMTP server: smtp.azurecomm.net",
        "Authentication: Username and password",
        `Username: ${ACS_USER}`,
        "Password: type the Entra app's client secret (its Value) into the form",
      ])
    )
  })
})

describe("High Volume Email: the HVE host and the HVE account's password", () => {
  const hve = () => hveSetup(587, { host: "smtp.hve.mx.microsoft" })

  test("the parsed settings name the HVE endpoint and account", async () => {
    expect((await goIni("hve-grafana.ini", content(grafanaTarget, hve()))).smtp).toMatchObject({
      host: "smtp.hve.mx.microsoft:587",
      user: "hve-scanner@contoso.com",
    })
    expect(parse(content(jenkinsTarget, hve())).unclassified.mailer).toMatchObject({
      smtpHost: "smtp.hve.mx.microsoft",
      authentication: { username: "hve-scanner@contoso.com" },
    })
  })

  test("Zabbix names the HVE account's password, and no output the mailbox password", () => {
    expect(content(zabbixTarget, hve())).toContain(
      "Password: type the HVE account's password into the form\n"
    )
    for (const target of TARGETS) {
      expect(JSON.stringify(render(target, hve())), target.id).not.toMatch(/mailbox password/)
    }
  })
})
