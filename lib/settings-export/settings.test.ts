import { execFile } from "node:child_process"
import { chmod, mkdir, writeFile } from "node:fs/promises"
import path from "node:path"
import { promisify } from "node:util"
import { parseEnv } from "node:util"
import { afterAll, beforeAll, describe, expect, test } from "vitest"

import { directSendValues, smtpAuthValues } from "@/e2e/support/setup-values"
import { testServerTls } from "@/e2e/support/test-ca"
import { startSimulator, type RunningSimulator } from "@/lib/practice/simulator"
import type { SetupValues } from "@/lib/schemas/setup"
import { buildSettings } from "./index"

const PASSWORD = "Qu1et-Harbour#settings"
let submission: RunningSimulator

beforeAll(async () => {
  submission = await startSimulator({
    role: "submission",
    tls: testServerTls(),
    password: PASSWORD,
  })
})
afterAll(() => submission.close())

const values = (sender: Partial<SetupValues["sender"]> = {}): SetupValues => {
  const setup = smtpAuthValues(
    { port: submission.port },
    { user: "sender@contoso.com", pass: PASSWORD }
  )
  return { ...setup, sender: { ...setup.sender, fromName: 'Scan "Floor 2" #1', ...sender } }
}

const file = (id: string, setup: SetupValues) => {
  const found = buildSettings(setup).files.find((f) => f.id === id)
  if (!found) throw new Error(`no ${id} output`)
  return found
}

describe("settings export", () => {
  test("never contains the password", () => {
    const settings = buildSettings(values())
    expect(JSON.stringify(settings)).not.toContain(PASSWORD)
  })

  test("Direct Send outputs carry no credentials at all", () => {
    const setup = directSendValues({ port: 25 }, "it-team@contoso.com")
    for (const output of buildSettings(setup).files) {
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
        Port: submission.port,
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
      `await client.ConnectAsync("localhost", ${submission.port}, SecureSocketOptions.StartTls);`
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
      SMTP_PORT: String(submission.port),
      SMTP_SECURITY: "starttls",
      SMTP_USER: "sender@contoso.com",
      SMTP_PASSWORD: "",
      MAIL_FROM_ADDRESS: "sender@contoso.com",
      MAIL_FROM_NAME: 'Scan "Floor 2" #1',
    })
  })

  test("the nodemailer snippet sends through the simulator with the password from the environment", async () => {
    // Written inside node_modules so that the snippet's `import "nodemailer"` resolves as in an app.
    const directory = path.join(process.cwd(), "node_modules", ".cache", "smtp365-settings-test")
    await mkdir(directory, { recursive: true })
    const script = path.join(directory, "send-mail.mjs")
    await writeFile(script, file("nodemailer", values()).content)
    const before = submission.messages.length
    await promisify(execFile)(process.execPath, [script], {
      env: { ...process.env, SMTP_PASSWORD: PASSWORD },
      timeout: 15_000,
    })
    expect(submission.messages).toHaveLength(before + 1)
    expect(submission.messages.at(-1)?.raw).toContain(
      'From: "Scan \\"Floor 2\\" #1" <sender@contoso.com>'
    )
  })
})

describe("outputs that run against the simulator", () => {
  const run = promisify(execFile)
  // Every client below verifies the certificate with the system's CAs; the test CA stands in.
  const caEnv = {
    ...process.env,
    SSL_CERT_FILE: path.join(process.cwd(), ".test-ca", "ca.pem"),
    CURL_CA_BUNDLE: path.join(process.cwd(), ".test-ca", "ca.pem"),
  }
  const scratch = path.join(process.cwd(), "node_modules", ".cache", "smtp365-settings-test")

  async function writeScratch(name: string, content: string) {
    await mkdir(scratch, { recursive: true })
    const target = path.join(scratch, name)
    await writeFile(target, content)
    return target
  }

  test("Python smtplib sends with STARTTLS and the password from the environment", async () => {
    const script = await writeScratch("send_mail.py", file("python-smtplib", values()).content)
    const before = submission.messages.length
    await run("python3", [script], {
      env: { ...caEnv, SMTP_PASSWORD: PASSWORD },
      timeout: 15_000,
    })
    expect(submission.messages).toHaveLength(before + 1)
    expect(submission.messages.at(-1)?.raw).toContain("Subject: Hello from Microsoft 365")
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
    const before = submission.messages.length
    // SWAKS_OPT_auth_password answers swaks's password prompt (swaks reads options from env).
    await run("bash", ["-c", script], {
      env: { ...caEnv, SWAKS_OPT_auth_password: PASSWORD },
      timeout: 15_000,
    })
    expect(submission.messages).toHaveLength(before + 1)
    expect(submission.messages.at(-1)?.authUser).toBe("sender@contoso.com")
  })

  test("curl requires TLS, verifies the certificate and sends", async () => {
    const script = file("curl", values()).content
    expect(script).not.toMatch(/ -k\b|--insecure/)
    const before = submission.messages.length
    // curl prompts for the password on a terminal; here it is given after the user name instead.
    const withPassword = script.replace(
      "--user sender@contoso.com",
      `--user 'sender@contoso.com:${PASSWORD}'`
    )
    await run("bash", ["-c", `cd ${JSON.stringify(scratch)} && ${withPassword}`], {
      env: caEnv,
      timeout: 15_000,
    })
    expect(submission.messages).toHaveLength(before + 1)
    expect(submission.messages.at(-1)?.authUser).toBe("sender@contoso.com")
    expect(submission.messages.at(-1)?.raw).toContain("Subject: smtp365 test from the device")
  })

  test("msmtp sends with STARTTLS, reading the password through passwordeval", async () => {
    const config = file("msmtp", values()).content
    expect(config).toContain("tls_starttls on")
    // The test CA stands in for the system's trusted CAs.
    const configFile = await writeScratch(
      "msmtprc",
      config.replace(
        "tls_trust_file /etc/ssl/certs/ca-certificates.crt",
        `tls_trust_file ${caEnv.SSL_CERT_FILE}`
      )
    )
    await chmod(configFile, 0o600)
    const message = "To: it-team@contoso.com\nSubject: msmtp test\n\nIt works.\n"
    const before = submission.messages.length
    await run("bash", ["-c", `printf ${JSON.stringify(message)} | msmtp -C ${configFile} -t`], {
      env: { ...process.env, SMTP_PASSWORD: PASSWORD },
      timeout: 15_000,
    })
    expect(submission.messages).toHaveLength(before + 1)
    expect(submission.messages.at(-1)?.authUser).toBe("sender@contoso.com")
  })

  test("the PHPMailer script is valid PHP that requires STARTTLS", async () => {
    const script = await writeScratch("send-mail.php", file("phpmailer", values()).content)
    const { stdout } = await run("php", ["-l", script], { timeout: 15_000 })
    expect(stdout).toContain("No syntax errors")
    expect(file("phpmailer", values()).content).toContain(
      "$mail->SMTPSecure = PHPMailer::ENCRYPTION_STARTTLS;"
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
      `spring.mail.port=${submission.port}`,
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
})
