import { chmod } from "node:fs/promises"
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
  outputOf as file,
  recordingServerForFile,
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

/** Runs a generated PHPMailer script with SMTP_PASSWORD set, the test CA trusted. */
async function sendWithPhpmailer(script: string, password: string) {
  // Debian's PHPMailer stands in for Composer's: the script's require 'vendor/autoload.php' loads it.
  await writeScratch(
    path.join(path.relative(SCRATCH, path.dirname(script)), "vendor/autoload.php"),
    "<?php require '/usr/share/php/libphp-phpmailer/autoload.php';\n"
  )
  await run("php", [path.basename(script)], {
    cwd: path.dirname(script),
    env: { ...caEnv, SMTP_PASSWORD: password },
    timeout: 15_000,
  })
}

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

describe("setup sheet for the newer routes (exact text)", () => {
  test("Azure Communication Services: the username whole, the client secret named, ACS's requirements", () => {
    const sheet = file("printer-sheet", acsSetup(587, { host: "smtp.azurecomm.net" })).content
    const lines = sheet.split("\n")
    expect(lines.slice(0, 2)).toEqual([
      "Scan to email through Azure Communication Services",
      "==================================================",
    ])
    expect(lines).toContain(`User name            ${ACS_USER}`)
    expect(lines).toContain(
      "Password             The Entra app's client secret (its Value), typed on the device"
    )
    expect(sheet).toContain(
      [
        "Before you start",
        "- The device must support TLS 1.2 or later: update its firmware if the test fails at TLS.",
        "- Use the name smtp.azurecomm.net, never an IP address.",
        "- The user name is the resource name, the app's ID and the tenant ID joined by | (type the | as well), or an SMTP Username.",
        "- The From address must be a MailFrom address of a domain connected to the Communication Services resource.",
        "",
        "Source:",
        "  https://learn.microsoft.com/en-us/azure/communication-services/quickstarts/email/send-email-smtp/smtp-authentication",
        "  https://learn.microsoft.com/en-us/azure/communication-services/quickstarts/email/add-multiple-senders",
      ].join("\n")
    )
    expect(sheet).not.toMatch(/mailbox|office365/)
  })

  test("High Volume Email: the HVE host, the HVE account's password and HVE's requirements", () => {
    const sheet = file("printer-sheet", hveSetup(587, { host: "smtp.hve.mx.microsoft" })).content
    const lines = sheet.split("\n")
    expect(lines[0]).toBe("Scan to email through Microsoft 365")
    expect(lines).toContain("SMTP server          smtp.hve.mx.microsoft")
    expect(lines).toContain("Password             The HVE account's password, typed on the device")
    expect(lines.filter((line) => line.startsWith("- "))).toEqual([
      "- High Volume Email only delivers to recipients in your organisation: mail to outside addresses is not delivered.",
      "- The device must use port 587 with STARTTLS (TLS) turned on.",
      "- Mail goes out as the HVE account: the From address must be an address associated with it.",
      "- If sign-in fails with 535 5.7.139, Security defaults or an authentication policy blocks the HVE account's password: its policy needs AllowBasicAuthSmtp.",
    ])
    expect(sheet).not.toMatch(/mailbox|office365/)
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
    const before = simulator.server.messages.length
    await sendWithPhpmailer(script, PASSWORD)
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

describe("Azure Communication Services: the | in the username and the client secret", () => {
  // A plain server, not the simulator: it records the username as each client decoded it.
  const recorder = recordingServerForFile(AWKWARD_SECRET)
  const acs = () => acsSetup(recorder.server.port)
  const expectSignedInOnce = (before: number) => expectAcsSignIn(recorder.server, before)

  test("no output, secret note or row holds the client secret", () => {
    const setup = acs()
    expect(JSON.stringify([buildSettingsFiles(setup), settingsRows(setup)])).not.toContain(
      AWKWARD_SECRET
    )
  })

  test("the client secret as the password is not OAuth 2.0: no output carries the OAuth note", () => {
    // ACS's SMTP takes no XOAUTH2, so no file offers its OAuth 2.0 variant either; the bridge's own
    // file only says that none is needed.
    for (const output of buildSettingsFiles(acs())) {
      expect(output.content, output.id).not.toContain("OAuth 2.0:")
      expect(output.secretNote, output.id).not.toContain("OAuth 2.0")
    }
    expect(file("emailproxy", acs()).content).toContain("no bridge is needed.")
  })

  test("the settings table names the secret and keeps the username whole", () => {
    const setup = acsSetup(587, { host: "smtp.azurecomm.net" })
    expect(settingsRows(setup)).toEqual([
      { label: "Sending method", value: "Azure Communication Services Email", copyable: true },
      { label: "Server", value: "smtp.azurecomm.net", copyable: true },
      { label: "Port", value: "587", copyable: true },
      { label: "Security", value: "STARTTLS", copyable: true },
      { label: "Username", value: ACS_USER, copyable: true },
      {
        label: "Password",
        value: "(the Entra app's client secret (its Value))",
        note: "Never shown or stored by smtp365: type it into the device or app yourself.",
        copyable: false,
      },
      { label: "From address", value: "donotreply@contoso.com", copyable: true },
      { label: "From name", value: AWKWARD_FROM_NAME, copyable: true },
    ])
  })

  test("the .env parses back to the username, and says which secret SMTP_PASSWORD holds", () => {
    const text = file("dotenv", acs()).content
    expect(parseEnv(text)).toMatchObject({ SMTP_USER: ACS_USER, SMTP_PASSWORD: "" })
    expect(text).toContain(`SMTP_USER="${ACS_USER}"\n`)
    expect(text).toContain(
      "# Set the Entra app's client secret (its Value) here or in the environment; never commit it."
    )
    expect(text.split("\n")[0]).toBe("# Azure Communication Services SMTP settings from smtp365")
  })

  test("appsettings.json and the MailKit snippet hold the username whole (no C# compiler: exact line)", () => {
    expect(JSON.parse(file("dotnet-appsettings", acs()).content).Smtp.Username).toBe(ACS_USER)
    expect(file("dotnet-mailkit", acs()).content).toContain(
      `await client.AuthenticateAsync("${ACS_USER}", Environment.GetEnvironmentVariable("SMTP_PASSWORD"));`
    )
  })

  test("nodemailer signs in with the username and the secret from the environment", async () => {
    const script = await writeScratch("acs/send-mail.mjs", file("nodemailer", acs()).content)
    const before = recorder.server.messages.length
    await run(process.execPath, [script], {
      env: { ...process.env, SMTP_PASSWORD: AWKWARD_SECRET },
      timeout: 15_000,
    })
    expectSignedInOnce(before)
    expect(recorder.server.messages.at(-1)?.raw).toContain(
      "Subject: Hello from Azure Communication Services"
    )
  })

  test("Python smtplib signs in with the username and the secret from the environment", async () => {
    const script = await writeScratch("acs/send_mail.py", file("python-smtplib", acs()).content)
    const before = recorder.server.messages.length
    await run("python3", [script], {
      env: { ...caEnv, SMTP_PASSWORD: AWKWARD_SECRET },
      timeout: 15_000,
    })
    expectSignedInOnce(before)
  })

  test("Django's settings.py reads back to the username", async () => {
    const settings = await writeScratch("acs/settings.py", file("django", acs()).content)
    const { stdout } = await run(
      "python3",
      [
        "-c",
        "import runpy, sys; print(runpy.run_path(sys.argv[1])['EMAIL_HOST_USER'], end='')",
        settings,
      ],
      { env: { ...process.env, SMTP_PASSWORD: AWKWARD_SECRET }, timeout: 15_000 }
    )
    expect(stdout).toBe(ACS_USER)
  })

  test("PHPMailer signs in with the username and the secret from the environment", async () => {
    const script = await writeScratch("acs/php/send-mail.php", file("phpmailer", acs()).content)
    const before = recorder.server.messages.length
    await sendWithPhpmailer(script, AWKWARD_SECRET)
    expectSignedInOnce(before)
  })

  test("swaks: the shell keeps the | inside the quoted --auth-user, and swaks signs in with LOGIN", async () => {
    const script = file("swaks", acs()).content
    expect(script).toContain(`--auth-user '${ACS_USER}'`)
    const before = recorder.server.messages.length
    await run("bash", ["-c", script], {
      env: { ...caEnv, SWAKS_OPT_auth_password: AWKWARD_SECRET },
      timeout: 15_000,
    })
    expect(expectSignedInOnce(before)?.method).toBe("LOGIN")
  })

  test("curl: the shell keeps the | inside the quoted --user", async () => {
    const script = file("curl", acs()).content
    expect(script).toContain(`--user '${ACS_USER}'`)
    // curl prompts for the password on a terminal; here it goes after the user name instead.
    const withSecret = script.replace(
      `--user ${sh(ACS_USER)}`,
      `--user ${sh(`${ACS_USER}:${AWKWARD_SECRET}`)}`
    )
    const before = recorder.server.messages.length
    await run("bash", ["-c", `cd ${JSON.stringify(SCRATCH)} && ${withSecret}`], {
      env: caEnv,
      timeout: 15_000,
    })
    expectSignedInOnce(before)
  })

  test("msmtp reads the username as written and the secret through passwordeval", async () => {
    const config = file("msmtp", acs()).content
    expect(config).toContain(`\nuser ${ACS_USER}\n`)
    const configFile = await writeScratch(
      "acs/msmtprc",
      config.replace("tls_trust_file system", `tls_trust_file ${caEnv.SSL_CERT_FILE}`)
    )
    await chmod(configFile, 0o600)
    expect(await msmtpReads(configFile)).toContain(`user = ${ACS_USER}`)
    const message = "To: it-team@contoso.com\nSubject: msmtp test\n\nIt works.\n"
    const before = recorder.server.messages.length
    await run("bash", ["-c", `printf ${JSON.stringify(message)} | msmtp -C ${configFile} -t`], {
      env: { ...process.env, SMTP_PASSWORD: AWKWARD_SECRET },
      timeout: 15_000,
    })
    expectSignedInOnce(before)
  })
})

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

describe("High Volume Email: the HVE host and the HVE account's password", () => {
  const hve = () => hveSetup(587, { host: "smtp.hve.mx.microsoft" })

  test("the settings table and the .env name the HVE account's password", () => {
    expect(settingsRows(hve())).toContainEqual({
      label: "Password",
      value: "(the HVE account's password)",
      note: "Never shown or stored by smtp365: type it into the device or app yourself.",
      copyable: false,
    })
    const text = file("dotenv", hve()).content
    expect(parseEnv(text)).toMatchObject({
      SMTP_HOST: "smtp.hve.mx.microsoft",
      SMTP_PORT: "587",
      SMTP_USER: "hve-scanner@contoso.com",
    })
    expect(text).toContain("# Set the HVE account's password here or in the environment")
  })

  test("no output says the mailbox password or carries the OAuth note", () => {
    // HVE takes app-only OAuth 2.0 too, so a file with an OAuth 2.0 variant says so in one line.
    for (const output of buildSettingsFiles(hve())) {
      const oauthLines = output.content.split("\n").filter((line) => line.includes("OAuth 2.0"))
      expect(output.content, output.id).not.toMatch(/mailbox password|MAILBOX-PASSWORD/)
      expect(output.content, output.id).not.toContain("see the note at the top")
      if (output.id !== "emailproxy") {
        expect(oauthLines.length, output.id).toBeLessThanOrEqual(1)
        for (const line of oauthLines) expect(line).toContain("sign in with OAuth 2.0 instead")
      }
      expect(output.secretNote, output.id).not.toMatch(/mailbox password|MAILBOX-PASSWORD/)
    }
  })
})
