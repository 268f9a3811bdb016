import { chmod } from "node:fs/promises"
import path from "node:path"
import { parseEnv } from "node:util"
import { describe, expect, test } from "vitest"

import {
  ACS_USER,
  AWKWARD_SECRET,
  PASSWORD,
  SCRATCH,
  acsSetup,
  caEnv,
  directSendSetup,
  outputOf as file,
  run,
  smtpAuthSetup,
  submissionSimulatorForFile,
  writeScratch,
} from "@/test-support/settings-export"
import { buildSettingsFiles } from "./index"
import { sh } from "./literals"
import { settingsRows } from "./rows"

const simulator = submissionSimulatorForFile()
const values = () => smtpAuthSetup(simulator.server.port)

describe("settings export", () => {
  test("never contains the password", () => {
    const setup = values()
    expect(JSON.stringify([buildSettingsFiles(setup), settingsRows(setup)])).not.toContain(PASSWORD)
  })

  test("Direct Send outputs carry no credentials at all", () => {
    const setup = directSendSetup()
    for (const output of buildSettingsFiles(setup)) {
      expect(output.content, output.id).not.toMatch(
        /SMTP_PASSWORD|passwordeval|auth on|auth: \{|--auth|--user|\.login\(|EMAIL_HOST_PASSWORD = os/i
      )
    }
    expect(parseEnv(file("dotenv", setup).content)).not.toHaveProperty("SMTP_USER")
  })

  test("appsettings.json parses and carries the MailKit security option, not the password", () => {
    expect(JSON.parse(file("dotnet-appsettings", values()).content)).toEqual({
      Smtp: {
        Host: "localhost",
        Port: simulator.server.port,
        SecureSocketOptions: "StartTls",
        Username: "sender@contoso.com",
        FromAddress: "sender@contoso.com",
        FromName: 'Scan "Floor 2" #1',
      },
    })
  })

  test("the MailKit snippet requires STARTTLS (no C# compiler here: exact lines)", () => {
    const code = file("dotnet-mailkit", values()).content
    expect(code).toContain(
      `await client.ConnectAsync("localhost", ${simulator.server.port}, SecureSocketOptions.StartTls);`
    )
    expect(code).toContain(
      'message.From.Add(new MailboxAddress("Scan \\"Floor 2\\" #1", "sender@contoso.com"));'
    )
    expect(code).toContain('Environment.GetEnvironmentVariable("SMTP_PASSWORD")')
  })

  test("the .env block parses back to the tested values", () => {
    const parsed = parseEnv(file("dotenv", values()).content)
    expect(parsed).toMatchObject({
      SMTP_HOST: "localhost",
      SMTP_PORT: String(simulator.server.port),
      SMTP_SECURITY: "starttls",
      SMTP_USER: "sender@contoso.com",
      SMTP_PASSWORD: "",
      MAIL_FROM_ADDRESS: "sender@contoso.com",
      MAIL_FROM_NAME: 'Scan "Floor 2" #1',
    })
  })

  test("the nodemailer snippet sends through the simulator with the password from the environment", async () => {
    // The scratch folder is inside node_modules, so the snippet's `import "nodemailer"` resolves.
    const script = await writeScratch("send-mail.mjs", file("nodemailer", values()).content)
    const before = simulator.server.messages.length
    await run(process.execPath, [script], {
      env: { ...process.env, SMTP_PASSWORD: PASSWORD },
      timeout: 15_000,
    })
    expect(simulator.server.messages).toHaveLength(before + 1)
    expect(simulator.server.messages.at(-1)?.raw).toContain(
      'From: "Scan \\"Floor 2\\" #1" <sender@contoso.com>'
    )
  })
})

describe("printer and scanner setup sheet (nothing parses it: exact text)", () => {
  test("SMTP AUTH: every field under the names device menus use, and the device's requirements", () => {
    const sheet = file("printer-sheet", values())
    expect(sheet.content.split("\n").slice(0, 18)).toEqual([
      "Scan to email through Microsoft 365",
      "===================================",
      "Enter these settings on the device's web page or control panel (often under Network, Email or SMTP).",
      "",
      `SMTP server          localhost`,
      "                     (also called: Mail server, Outgoing server)",
      `SMTP port            ${simulator.server.port}`,
      "                     (also called: Port)",
      "Secure connection    STARTTLS",
      "                     (also called: TLS, Use TLS, SSL/TLS: STARTTLS)",
      "SMTP authentication  On",
      "                     (also called: Login, AUTH, Use authentication)",
      "User name            sender@contoso.com",
      "                     (also called: Login name, Account)",
      "Password             The mailbox password, typed on the device",
      "From address         sender@contoso.com",
      "                     (also called: Sender, Device email address)",
      'From name            Scan "Floor 2" #1',
    ])
    expect(sheet.content).toContain("- The device must support TLS 1.2 or later")
    expect(sheet.companion?.href).toMatch(/^\/sheet\?method=smtp-auth&/)
  })

  test("Direct Send: authentication off, and why mail to outside addresses fails", () => {
    const sheet = file("printer-sheet", directSendSetup()).content
    expect(sheet).toContain("SMTP authentication  Off")
    expect(sheet).not.toMatch(/User name|Password/)
    expect(sheet).toContain("- Direct Send only reaches mailboxes in Microsoft 365")
  })
})

describe("outputs that run against the simulator", () => {
  test("Python smtplib sends with STARTTLS and the password from the environment", async () => {
    const script = await writeScratch("send_mail.py", file("python-smtplib", values()).content)
    const before = simulator.server.messages.length
    await run("python3", [script], {
      env: { ...caEnv, SMTP_PASSWORD: PASSWORD },
      timeout: 15_000,
    })
    expect(simulator.server.messages).toHaveLength(before + 1)
    expect(simulator.server.messages.at(-1)?.raw).toContain("Subject: Hello from Microsoft 365")
  })

  test("the Django settings compile", async () => {
    const settings = await writeScratch("settings.py", file("django", values()).content)
    await run("python3", ["-m", "py_compile", settings], { timeout: 15_000 })
    expect(file("django", values()).content).toContain("EMAIL_USE_TLS = True")
  })

  test("swaks verifies the certificate and sends, asking for the password", async () => {
    const script = file("swaks", values()).content
    expect(script).toContain("--tls-verify")
    expect(script).not.toContain(PASSWORD)
    const before = simulator.server.messages.length
    // SWAKS_OPT_auth_password answers swaks's password prompt (swaks reads options from env).
    await run("bash", ["-c", script], {
      env: { ...caEnv, SWAKS_OPT_auth_password: PASSWORD },
      timeout: 15_000,
    })
    expect(simulator.server.messages).toHaveLength(before + 1)
    expect(simulator.server.messages.at(-1)?.authUser).toBe("sender@contoso.com")
  })

  test("curl requires TLS, verifies the certificate and sends", async () => {
    const script = file("curl", values()).content
    expect(script).not.toMatch(/ -k\b|--insecure/)
    const before = simulator.server.messages.length
    // curl prompts for the password on a terminal; here it is given after the user name instead.
    const withPassword = script.replace(
      "--user sender@contoso.com",
      `--user 'sender@contoso.com:${PASSWORD}'`
    )
    await run("bash", ["-c", `cd ${JSON.stringify(SCRATCH)} && ${withPassword}`], {
      env: caEnv,
      timeout: 15_000,
    })
    expect(simulator.server.messages).toHaveLength(before + 1)
    expect(simulator.server.messages.at(-1)?.authUser).toBe("sender@contoso.com")
    expect(simulator.server.messages.at(-1)?.raw).toContain("Subject: smtp365 test from the device")
  })

  test("msmtp sends with STARTTLS, reading the password through passwordeval", async () => {
    const config = file("msmtp", values()).content
    expect(config).toContain("tls_starttls on")
    // The test CA stands in for the system's trusted CAs.
    const configFile = await writeScratch(
      "msmtprc",
      config.replace("tls_trust_file system", `tls_trust_file ${caEnv.SSL_CERT_FILE}`)
    )
    await chmod(configFile, 0o600)
    const message = "To: it-team@contoso.com\nSubject: msmtp test\n\nIt works.\n"
    const before = simulator.server.messages.length
    await run("bash", ["-c", `printf ${JSON.stringify(message)} | msmtp -C ${configFile} -t`], {
      env: { ...process.env, SMTP_PASSWORD: PASSWORD },
      timeout: 15_000,
    })
    expect(simulator.server.messages).toHaveLength(before + 1)
    expect(simulator.server.messages.at(-1)?.authUser).toBe("sender@contoso.com")
  })

  test("the PHPMailer script sends with STARTTLS and the password from the environment", async () => {
    const script = await writeScratch("php/send-mail.php", file("phpmailer", values()).content)
    const { stdout } = await run("php", ["-l", script], { timeout: 15_000 })
    expect(stdout).toContain("No syntax errors")
    // Debian's PHPMailer stands in for Composer's: the script's require 'vendor/autoload.php' loads it.
    await writeScratch(
      "php/vendor/autoload.php",
      "<?php require '/usr/share/php/libphp-phpmailer/autoload.php';\n"
    )
    const before = simulator.server.messages.length
    await run("php", ["send-mail.php"], {
      cwd: path.dirname(script),
      env: { ...caEnv, SMTP_PASSWORD: PASSWORD },
      timeout: 15_000,
    })
    expect(simulator.server.messages).toHaveLength(before + 1)
    expect(simulator.server.messages.at(-1)?.authUser).toBe("sender@contoso.com")
    expect(simulator.server.messages.at(-1)?.raw).toContain(
      'From: "Scan \\"Floor 2\\" #1" <sender@contoso.com>'
    )
  })

  test("Spring Boot's properties load with java.util.Properties", async () => {
    const properties = await writeScratch(
      "application.properties",
      file("spring-boot", values()).content
    )
    const loader = await writeScratch(
      "LoadProperties.java",
      [
        "import java.io.FileReader;",
        "import java.util.Properties;",
        "public class LoadProperties {",
        "  public static void main(String[] args) throws Exception {",
        "    Properties p = new Properties();",
        "    try (FileReader r = new FileReader(args[0])) { p.load(r); }",
        '    new java.util.TreeMap<>(p).forEach((k, v) -> System.out.println(k + "=" + v));',
        "  }",
        "}",
      ].join("\n")
    )
    const { stdout } = await run("java", [loader, properties], { timeout: 30_000 })
    expect(stdout.trim().split("\n")).toEqual([
      "spring.mail.host=localhost",
      "spring.mail.password=${SMTP_PASSWORD}",
      `spring.mail.port=${simulator.server.port}`,
      "spring.mail.properties.mail.smtp.auth=true",
      "spring.mail.properties.mail.smtp.connectiontimeout=10000",
      "spring.mail.properties.mail.smtp.ssl.checkserveridentity=true",
      "spring.mail.properties.mail.smtp.starttls.enable=true",
      "spring.mail.properties.mail.smtp.starttls.required=true",
      "spring.mail.properties.mail.smtp.timeout=10000",
      "spring.mail.username=sender@contoso.com",
    ])
  })

  test("openssl s_client upgrades with STARTTLS and verifies the certificate", async () => {
    const script = file("openssl", values()).content
    const { stdout } = await run(
      "bash",
      ["-c", `echo QUIT | ${script.split("\n").slice(1).join("\n")}`],
      {
        env: caEnv,
        timeout: 15_000,
      }
    )
    expect(stdout).toContain("Verify return code: 0 (ok)")
  })

  test("openssl s_client refuses a certificate made out to another name", async () => {
    const script = file("openssl", values()).content
    expect(script).toContain("-verify_hostname localhost")
    // The simulator's certificate names localhost, not Microsoft's host.
    const elsewhere = script.replace(
      "-verify_hostname localhost",
      "-verify_hostname smtp.office365.com"
    )
    const failed = await run(
      "bash",
      ["-c", `echo QUIT | ${elsewhere.split("\n").slice(1).join("\n")}`],
      {
        env: caEnv,
        timeout: 15_000,
      }
    ).then(
      () => null,
      (error: { stdout?: string }) => error
    )
    expect(failed?.stdout).toContain("Verify return code: 62 (hostname mismatch)")
  })
})

/** The account settings msmtp reads from a configuration file, one "name = value" a line. */
async function msmtpReads(configFile: string): Promise<string[]> {
  // --pretend prints the configuration instead of sending (it still runs passwordeval); with
  // stdin closed, it reads no message.
  const { stdout } = await run("bash", ["-c", `msmtp -C ${sh(configFile)} --pretend < /dev/null`], {
    env: { ...process.env, SMTP_PASSWORD: AWKWARD_SECRET },
    timeout: 15_000,
  })
  return stdout.split("\n")
}

describe("msmtp arguments (msmtp --pretend shows what it read)", () => {
  test.each([` ${ACS_USER}`, `"${ACS_USER}"`, `it's "me" #1 \\ |`])(
    "user %j reads back as written",
    async (user) => {
      const setup = acsSetup(587)
      setup.account.user = user
      const configFile = await writeScratch("acs/msmtprc-user", file("msmtp", setup).content)
      await chmod(configFile, 0o600)
      expect(await msmtpReads(configFile)).toContain(`user = ${user}`)
    }
  )
})
