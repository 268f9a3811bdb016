import { mkdir, writeFile } from "node:fs/promises"
import path from "node:path"
import { describe, expect, test } from "vitest"

import {
  ACS_USER,
  AWKWARD_FROM_NAME,
  AWKWARD_SECRET,
  PASSWORD,
  SCRATCH,
  TEST_CA_FILE,
  acsSetup,
  caEnv,
  directSendSetup,
  hveSetup,
  recordingServerForFile,
  render,
  run,
  smtpAuthSetup,
  submissionSimulatorForFile,
  postmap,
  writeScratch,
} from "@/test-support/settings-export"
import type { SettingsTarget } from "../types"
import { gitlabTarget } from "./gitlab"
import { postfixMainCfTarget, postfixSaslPasswdTarget } from "./postfix"
import { railsTarget } from "./rails"

const simulator = submissionSimulatorForFile()
const authSetup = () => smtpAuthSetup(simulator.server.port)
const implicitTlsSetup = () => smtpAuthSetup(465, { security: "tls" })
const content = (target: SettingsTarget, setup = authSetup()) => render(target, setup).content

/** Evaluates a Rails environment snippet with a stand-in `config` and prints what it set as JSON. */
const RAILS_EVAL = `
require "json"
require "ostruct"
mailer = OpenStruct.new
app = Object.new
app.define_singleton_method(:config) { OpenStruct.new(action_mailer: mailer) }
app.instance_eval(File.read(ARGV[0]), ARGV[0])
`

/** Runs gitlab.rb the way gitlab-ctl does (plain Ruby), with gitlab_rails as a Hash. */
const GITLAB_EVAL = `
require "json"
$gitlab_rails = {}
def gitlab_rails = $gitlab_rails
load ARGV[0]
puts JSON.generate($gitlab_rails)
`

async function ruby(name: string, script: string, file: string, env = caEnv) {
  const scriptFile = await writeScratch(name, script)
  const { stdout } = await run("ruby", [scriptFile, file], { env, timeout: 30_000 })
  return stdout
}

async function railsSettings(setup = authSetup()) {
  const file = await writeScratch("rails/production.rb", content(railsTarget, setup))
  const stdout = await ruby(
    "rails/settings.rb",
    `${RAILS_EVAL}puts JSON.generate(mailer.to_h)\n`,
    file,
    // Only evaluated here: a placeholder so ENV.fetch finds the variable.
    { ...caEnv, SMTP_PASSWORD: "not-the-password" }
  )
  return JSON.parse(stdout)
}

/** Writes main.cf into its own config directory and returns `postconf -n` as an object. */
async function postconf(name: string, setup = authSetup()) {
  const directory = path.join(SCRATCH, "postfix", name)
  await mkdir(directory, { recursive: true })
  await writeFile(path.join(directory, "main.cf"), content(postfixMainCfTarget, setup))
  // postconf reads master.cf beside main.cf: an empty one of the test's own keeps the result
  // independent of this machine's Postfix configuration (which may not exist at all).
  await writeFile(path.join(directory, "master.cf"), "")
  const { stdout, stderr } = await run("postconf", ["-c", directory, "-n"], { timeout: 15_000 })
  expect(stderr).toBe("")
  // postconf -c reports the directory it was given as config_directory.
  const { config_directory: _, ...parameters } = Object.fromEntries(
    stdout
      .trim()
      .split("\n")
      .map((line) => line.split(" = ", 2))
  )
  return { directory, parameters }
}

describe("Rails Action Mailer", () => {
  test("is valid Ruby and never holds the password", async () => {
    const file = await writeScratch("rails/syntax.rb", content(railsTarget))
    const { stdout } = await run("ruby", ["-c", file], { timeout: 15_000 })
    expect(stdout).toContain("Syntax OK")
    expect(content(railsTarget)).not.toContain(PASSWORD)
  })

  test("the smtp_settings it sets send through the simulator with the Mail gem, STARTTLS required", async () => {
    const file = await writeScratch("rails/send.rb", content(railsTarget))
    const before = simulator.server.messages.length
    const eventsBefore = simulator.server.events.length
    await ruby(
      "rails/send-mail.rb",
      `${RAILS_EVAL}
require "mail"
raise "not smtp" unless mailer.delivery_method == :smtp
message = Mail.new(from: mailer.default_options[:from], to: "it-team@contoso.com",
                   subject: "Rails test", body: "It works.")
# What Action Mailer does with config.action_mailer.smtp_settings.
message.delivery_method :smtp, mailer.smtp_settings
message.deliver!
`,
      file,
      { ...caEnv, SMTP_PASSWORD: PASSWORD }
    )
    expect(simulator.server.messages).toHaveLength(before + 1)
    const sent = simulator.server.messages.at(-1)
    expect(sent?.authUser).toBe("sender@contoso.com")
    expect(sent?.raw).toContain('From: "Scan \\"Floor 2\\" #1" <sender@contoso.com>')
    expect(simulator.server.events.slice(eventsBefore).map((event) => event.type)).toContain(
      "starttls"
    )
  })

  test("the settings parse to the tested values", async () => {
    const settings = await railsSettings()
    expect(settings.delivery_method).toBe("smtp")
    expect(settings.smtp_settings).toEqual({
      address: "localhost",
      port: simulator.server.port,
      enable_starttls: true,
      openssl_verify_mode: "peer",
      user_name: "sender@contoso.com",
      password: "not-the-password",
      authentication: "login",
      open_timeout: 10,
      read_timeout: 30,
    })
    expect(settings.default_options).toEqual({
      from: `"${AWKWARD_FROM_NAME.replaceAll('"', '\\"')}" <sender@contoso.com>`,
    })
  })

  test("implicit TLS turns STARTTLS off, which the Mail gem requires", async () => {
    const settings = await railsSettings(implicitTlsSetup())
    expect(settings.smtp_settings).toMatchObject({ tls: true, enable_starttls_auto: false })
    expect(settings.smtp_settings).not.toHaveProperty("enable_starttls")
  })

  test("Direct Send has no credentials at all", async () => {
    const settings = await railsSettings(directSendSetup())
    expect(settings.smtp_settings).toEqual({
      address: "localhost",
      port: 25,
      enable_starttls: true,
      openssl_verify_mode: "peer",
      open_timeout: 10,
      read_timeout: 30,
    })
    expect(settings.default_options).toEqual({ from: "scanner@contoso.com" })
    expect(content(railsTarget, directSendSetup())).not.toMatch(/password|user_name|ENV/)
  })
})

describe("GitLab gitlab.rb", () => {
  async function gitlabRails(setup = authSetup()) {
    const file = await writeScratch("gitlab/gitlab.rb", content(gitlabTarget, setup))
    const { stdout } = await run("ruby", ["-c", file], { timeout: 15_000 })
    expect(stdout).toContain("Syntax OK")
    return JSON.parse(await ruby("gitlab/eval.rb", GITLAB_EVAL, file))
  }

  test("sets the documented keys, with the credentials in GitLab's encrypted secret", async () => {
    expect(await gitlabRails()).toEqual({
      smtp_enable: true,
      smtp_address: "localhost",
      smtp_port: simulator.server.port,
      smtp_domain: "contoso.com",
      smtp_enable_starttls_auto: true,
      smtp_tls: false,
      smtp_openssl_verify_mode: "peer",
      smtp_authentication: "login",
      gitlab_email_enabled: true,
      gitlab_email_from: "sender@contoso.com",
      gitlab_email_display_name: AWKWARD_FROM_NAME,
      gitlab_email_reply_to: "sender@contoso.com",
    })
    const file = content(gitlabTarget)
    expect(file).toContain("sudo gitlab-rake gitlab:smtp:secret:edit")
    expect(file).toContain("#   user_name: 'sender@contoso.com'")
    expect(file).not.toContain(PASSWORD)
  })

  test("implicit TLS sets smtp_tls and turns STARTTLS off", async () => {
    expect(await gitlabRails(implicitTlsSetup())).toMatchObject({
      smtp_port: 465,
      smtp_tls: true,
      smtp_enable_starttls_auto: false,
      smtp_openssl_verify_mode: "peer",
    })
  })

  test("Direct Send has no credentials at all", async () => {
    const settings = await gitlabRails(directSendSetup())
    expect(Object.keys(settings).filter((key) => /user|password|auth/.test(key))).toEqual([])
    expect(settings).toMatchObject({ smtp_port: 25, gitlab_email_from: "scanner@contoso.com" })
    expect(content(gitlabTarget, directSendSetup())).not.toMatch(/secret|password/)
  })
})

describe("Postfix", () => {
  test("main.cf: postconf reads a relayhost with SASL LOGIN and verified, required TLS", async () => {
    const { parameters } = await postconf("smtp-auth")
    expect(parameters).toEqual({
      relayhost: `[localhost]:${simulator.server.port}`,
      smtp_tls_security_level: "secure",
      smtp_tls_CAfile: "/etc/ssl/certs/ca-certificates.crt",
      smtp_sasl_auth_enable: "yes",
      smtp_sasl_password_maps: "hash:/etc/postfix/sasl_passwd",
      smtp_sasl_security_options: "noanonymous",
      smtp_sasl_mechanism_filter: "login",
      sender_canonical_maps: "static:sender@contoso.com",
    })
  })

  test("the chosen TLS level verifies the simulator's certificate for the relayhost name", async () => {
    const { directory, parameters } = await postconf("tls-check")
    // posttls-finger is Postfix's own TLS client; -F stands in for the system CA bundle.
    const { stdout } = await run(
      "posttls-finger",
      [
        "-c",
        "-h",
        "native",
        "-l",
        parameters.smtp_tls_security_level,
        "-F",
        TEST_CA_FILE,
        parameters.relayhost,
      ],
      { env: { ...process.env, MAIL_CONFIG: directory }, timeout: 30_000 }
    )
    expect(stdout).toContain("Verified TLS connection established")
  })

  test("main.cf for implicit TLS uses wrapper mode", async () => {
    const { parameters } = await postconf("implicit-tls", implicitTlsSetup())
    expect(parameters).toMatchObject({
      relayhost: "[localhost]:465",
      smtp_tls_wrappermode: "yes",
      smtp_tls_security_level: "secure",
    })
  })

  test("main.cf for Direct Send has no SASL at all and rewrites senders", async () => {
    const { parameters } = await postconf("direct-send", directSendSetup())
    expect(parameters).toEqual({
      relayhost: "[localhost]:25",
      smtp_tls_security_level: "secure",
      smtp_tls_CAfile: "/etc/ssl/certs/ca-certificates.crt",
      sender_canonical_maps: "static:scanner@contoso.com",
    })
  })

  test("sasl_passwd builds with postmap and is keyed like relayhost, with a placeholder password", async () => {
    const text = content(postfixSaslPasswdTarget)
    expect(text).not.toContain(PASSWORD)
    const table = await writeScratch("postfix/sasl_passwd", text)
    await postmap(`hash:${table}`)
    const { stdout } = await postmap("-q", `[localhost]:${simulator.server.port}`, `hash:${table}`)
    expect(stdout.trim()).toBe("sender@contoso.com:REPLACE-WITH-MAILBOX-PASSWORD")
  })

  test("sasl_passwd for Direct Send holds no entry", async () => {
    const text = content(postfixSaslPasswdTarget, directSendSetup())
    expect(text.split("\n").filter((line) => line && !line.startsWith("#"))).toEqual([])
  })
})

describe("Azure Communication Services: the | in the username, the client secret", () => {
  // A plain server, not the simulator: it records the username as the Mail gem sent it.
  const recorder = recordingServerForFile(AWKWARD_SECRET)
  const acs = () => acsSetup(recorder.server.port)

  test("Rails: Ruby reads user_name whole, and the Mail gem signs in with it (AUTH LOGIN)", async () => {
    expect((await railsSettings(acs())).smtp_settings).toMatchObject({
      user_name: ACS_USER,
      authentication: "login",
    })
    expect(content(railsTarget, acs())).toContain(
      "  # Azure Communication Services offers AUTH LOGIN, not PLAIN.\n"
    )
    const file = await writeScratch("acs/rails/send.rb", content(railsTarget, acs()))
    const before = recorder.server.messages.length
    await ruby(
      "acs/rails/send-mail.rb",
      `${RAILS_EVAL}
require "mail"
message = Mail.new(from: mailer.default_options[:from], to: "it-team@contoso.com",
                   subject: "Rails test", body: "It works.")
message.delivery_method :smtp, mailer.smtp_settings
message.deliver!
`,
      file,
      { ...caEnv, SMTP_PASSWORD: AWKWARD_SECRET }
    )
    expect(recorder.server.messages).toHaveLength(before + 1)
    expect(recorder.server.signIns.at(-1)).toEqual({
      method: "LOGIN",
      username: ACS_USER,
      secret: AWKWARD_SECRET,
    })
  })

  test("GitLab: the credentials to enter read back as YAML (Ruby's Psych), the secret named", async () => {
    const text = content(gitlabTarget, acs())
    const lines = text.split("\n")
    const start = lines.indexOf("#   sudo gitlab-rake gitlab:smtp:secret:edit EDITOR=vim") + 2
    const secretYaml = lines
      .slice(start, start + 2)
      .map((line) => line.replace(/^# {3}/, ""))
      .join("\n")
    const yamlFile = await writeScratch("acs/gitlab/smtp-secret.yml", secretYaml + "\n")
    const { stdout } = await run(
      "ruby",
      ["-ryaml", "-rjson", "-e", "puts JSON.generate(YAML.load_file(ARGV[0]))", yamlFile],
      { timeout: 15_000 }
    )
    expect(JSON.parse(stdout)).toEqual({
      user_name: ACS_USER,
      password: "the Entra app's client secret (its Value)",
    })
    expect(text).toContain(
      "# and enter these two lines, with the Entra app's client secret (its Value):"
    )
    // Nothing known says smtp.azurecomm.net refuses AUTH before STARTTLS: no such claim.
    expect(text).toContain("# STARTTLS. GitLab has no switch to require it.\n")
  })

  test("Postfix: main.cf filters to LOGIN; postmap reads the sasl_passwd entry whole", async () => {
    const { parameters } = await postconf("acs", acs())
    expect(parameters).toMatchObject({
      relayhost: `[localhost]:${recorder.server.port}`,
      smtp_sasl_mechanism_filter: "login",
    })
    const text = content(postfixSaslPasswdTarget, acs())
    const table = await writeScratch("acs/postfix/sasl_passwd", text)
    await postmap(`hash:${table}`)
    const { stdout } = await postmap("-q", `[localhost]:${recorder.server.port}`, `hash:${table}`)
    expect(stdout.trim()).toBe(`${ACS_USER}:REPLACE-WITH-CLIENT-SECRET-VALUE`)
    expect(text).toContain(
      "# Paste the last line, replace REPLACE-WITH-CLIENT-SECRET-VALUE with the Entra app's client secret (its Value)"
    )
    expect(content(postfixMainCfTarget, acs())).toContain(
      "# Every message goes to Azure Communication Services; the brackets skip the MX lookup."
    )
  })
})

describe("High Volume Email: the HVE host and the HVE account's password", () => {
  const hve = () => hveSetup(587, { host: "smtp.hve.mx.microsoft" })

  test("Postfix relays to the HVE endpoint; sasl_passwd's placeholder is the HVE account's password", async () => {
    const { parameters } = await postconf("hve", hve())
    expect(parameters.relayhost).toBe("[smtp.hve.mx.microsoft]:587")
    const table = await writeScratch(
      "hve/postfix/sasl_passwd",
      content(postfixSaslPasswdTarget, hve())
    )
    await postmap(`hash:${table}`)
    const { stdout } = await postmap("-q", "[smtp.hve.mx.microsoft]:587", `hash:${table}`)
    expect(stdout.trim()).toBe("hve-scanner@contoso.com:REPLACE-WITH-HVE-ACCOUNT-PASSWORD")
  })

  test("Rails and GitLab name the HVE endpoint and the HVE account's password", async () => {
    expect((await railsSettings(hve())).smtp_settings).toMatchObject({
      address: "smtp.hve.mx.microsoft",
      user_name: "hve-scanner@contoso.com",
    })
    const gitlab = content(gitlabTarget, hve())
    expect(gitlab).toContain("# and enter these two lines, with the HVE account's password:\n")
    expect(gitlab).toContain("#   password: 'the HVE account''s password'\n")
  })
})
