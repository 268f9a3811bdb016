// The OAuth 2.0 variants of the Python frameworks, run for real: Debian's Django 3.2 and Flask-Mail
// 0.9.1 with python3-msal get an app-only token from the practice identity server (OAUTH_AUTHORITY)
// and send through the practice simulator over STARTTLS, checked against the test CA.
import path from "node:path"
import { describe, expect, test } from "vitest"

import { PRACTICE_CLIENT_SECRET } from "@/lib/practice/identity-scenarios"
import type { SetupValues } from "@/lib/schemas/setup"
import type { OAuthSignIn } from "@/lib/schemas/setup-fields"
import {
  TEST_CA_FILE,
  outputOf as file,
  smtpAuthSetup,
  writeScratch,
  oauthServersForFile,
  oauthSmtpAuthSetup,
  PRACTICE_APP_ONLY as APP_ONLY,
  runToEnd,
  type CommandRun,
} from "@/test-support/settings-export"
import { oauthVerdictLine } from "../oauth-note"
import { djangoTarget } from "./django"
import { flaskMailTarget } from "./flask-mail"

const TOKEN_KEY = "settings-export-oauth-python-test-key"
const WRONG_SECRET_REASON = "AADSTS7000215: Invalid client secret provided."

const servers = oauthServersForFile(TOKEN_KEY)

/** SMTP AUTH values as the wizard submits them for an OAuth sign-in, client secret included. */
function oauthSetup(authType: OAuthSignIn): SetupValues {
  return oauthSmtpAuthSetup(servers.simulator.port, authType, APP_ONLY)
}

/**
 * Runs Debian's python3 on a script in `cwd` against the practice identity server: msal's requests
 * trust the test CA through REQUESTS_CA_BUNDLE, and smtplib's default context through
 * SSL_CERT_FILE unless `smtpTrustsTestCa` is false (then only the system's CAs, which do not know
 * the simulator's certificate).
 */
function python(
  script: string,
  args: string[],
  env: Record<string, string>,
  smtpTrustsTestCa = true
): Promise<CommandRun> {
  const { SSL_CERT_FILE: _ignored, ...inherited } = process.env
  return runToEnd("/usr/bin/python3", [script, ...args], {
    cwd: path.dirname(script),
    env: {
      ...inherited,
      OAUTH_AUTHORITY: servers.identity.url,
      REQUESTS_CA_BUNDLE: TEST_CA_FILE,
      ...(smtpTrustsTestCa ? { SSL_CERT_FILE: TEST_CA_FILE } : {}),
      ...env,
    },
  })
}

const tokenRequests = () =>
  servers.identity.requests.filter((request) => request.grant === "client_credentials").length
const connects = () => servers.simulator.events.filter((event) => event.type === "connect").length

/**
 * Django with settings.py and mail_oauth.py as the output's two parts say, next to a script that
 * sends two messages with send_mail(), each on a connection of its own (fail_silently as given),
 * printing what each returns.
 */
async function djangoProject(folder: string): Promise<string> {
  const content = file("django", oauthSetup("oauth-app")).content
  const [settings, backend] = content.split(/^(?=# mail_oauth\.py, next to manage\.py)/m)
  await writeScratch(`${folder}/settings.py`, settings ?? "")
  await writeScratch(`${folder}/mail_oauth.py`, backend ?? "")
  return writeScratch(`${folder}/send.py`, DJANGO_SEND)
}

const DJANGO_SEND = `
import os, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "settings"
import django
django.setup()
from django.core.mail import send_mail
quiet = sys.argv[2] == "quiet"
for n in (1, 2):
    print(send_mail(f"Django OAuth {n}", "It works.", None, [sys.argv[1]], fail_silently=quiet))
`

describe("Django with msal (Debian's python3-django 3.2 and python3-msal: real token, real send)", () => {
  test("the output is settings.py, then mail_oauth.py with the backend EMAIL_BACKEND names", () => {
    const output = file("django", oauthSetup("oauth-app"))
    const lines = output.content.split("\n")
    expect(lines[0]).toBe(`# ${oauthVerdictLine(djangoTarget.oauthVerdict)}`)
    expect(lines).toEqual(
      expect.arrayContaining([
        'EMAIL_BACKEND = "mail_oauth.OAuth2EmailBackend"',
        "EMAIL_USE_TLS = True",
        'EMAIL_HOST_USER = "sender@contoso.com"  # the mailbox to send as; no password',
        "class OAuth2EmailBackend(EmailBackend):",
        "        context = ssl.create_default_context()",
      ])
    )
    expect(output.content).not.toMatch(/EMAIL_HOST_PASSWORD|SMTP_PASSWORD|\.login\(/)
    expect(output.filename).toBe("settings.py")
    expect(output.secretNote).toMatch(/SMTP_CLIENT_SECRET environment variable/)
  })

  test("app-only: two messages on two connections, both signed in with XOAUTH2, one token", async () => {
    const send = await djangoProject("oauth-python/django")
    const [messages, tokens] = [servers.simulator.messages.length, tokenRequests()]
    const result = await python(send, ["it-team@contoso.com", "loud"], {
      SMTP_CLIENT_SECRET: PRACTICE_CLIENT_SECRET,
    })

    expect(result.stderr).toBe("")
    expect(result.stdout).toBe("1\n1\n")
    expect(servers.simulator.messages).toHaveLength(messages + 2)
    expect(servers.simulator.messages.slice(-2).map((m) => m.authUser)).toEqual([
      "sender@contoso.com",
      "sender@contoso.com",
    ])
    expect(servers.simulator.messages.at(-1)?.raw).toContain(
      'From: "Scan \\"Floor 2\\" #1" <sender@contoso.com>'
    )
    // msal's in-memory cache: the second connection signs in with the first one's token.
    expect(tokenRequests()).toBe(tokens + 1)
  })

  test("STARTTLS checks the certificate: without the test CA, nothing is sent", async () => {
    const send = await djangoProject("oauth-python/django")
    const [messages, connections] = [servers.simulator.messages.length, connects()]
    const result = await python(
      send,
      ["it-team@contoso.com", "loud"],
      { SMTP_CLIENT_SECRET: PRACTICE_CLIENT_SECRET },
      false
    )

    expect(result.code).not.toBe(0)
    // The token came (msal trusts the test CA); the SMTP connection then stopped at the certificate.
    expect(result.stderr).toMatch(/ssl\.SSLCertVerificationError: .*CERTIFICATE_VERIFY_FAILED/)
    expect(connects()).toBe(connections + 1)
    expect(servers.simulator.messages).toHaveLength(messages)
  })

  test("a wrong secret: Microsoft's reason, no connection; fail_silently keeps it quiet", async () => {
    const send = await djangoProject("oauth-python/django")
    const before = connects()
    const loud = await python(send, ["it-team@contoso.com", "loud"], {
      SMTP_CLIENT_SECRET: "not-the-secret",
    })
    expect(loud.code).not.toBe(0)
    expect(loud.stderr).toContain(`smtplib.SMTPException: ${WRONG_SECRET_REASON}`)

    const quiet = await python(send, ["it-team@contoso.com", "quiet"], {
      SMTP_CLIENT_SECRET: "not-the-secret",
    })
    expect(quiet.stderr).toBe("")
    expect(quiet.stdout).toBe("0\n0\n")
    expect(connects()).toBe(before)
  })
})

describe("Flask-Mail with msal (Debian's python3-flask-mail 0.9.1 and python3-msal: real token, real send)", () => {
  test("the output is one app.py: OAuth2Mail in place of Mail, no MAIL_PASSWORD", () => {
    const output = file("flask-mail", oauthSetup("oauth-app"))
    expect(output.filename).toBe("app.py")
    expect(output.content.split("\n")[0]).toBe(
      `# ${oauthVerdictLine(flaskMailTarget.oauthVerdict)}`
    )
    expect(output.content).toContain("\nmail = OAuth2Mail(app)\n")
    expect(output.content).not.toMatch(/MAIL_PASSWORD *=|SMTP_PASSWORD|\.login\(/)
    // The password settings keep their own file name.
    expect(file("flask-mail", smtpAuthSetup(servers.simulator.port)).filename).toBe("config.py")
  })

  test("app-only: python app.py signs in with XOAUTH2 over verified STARTTLS, and the message arrives", async () => {
    const app = await writeScratch(
      "oauth-python/flask/app.py",
      file("flask-mail", oauthSetup("oauth-app")).content
    )
    const before = servers.simulator.messages.length
    const result = await python(app, [], { SMTP_CLIENT_SECRET: PRACTICE_CLIENT_SECRET })

    expect(result.stderr).toBe("")
    expect(result.code).toBe(0)
    expect(servers.simulator.messages).toHaveLength(before + 1)
    expect(servers.simulator.messages.at(-1)?.authUser).toBe("sender@contoso.com")
    expect(servers.simulator.events).toContainEqual({
      type: "auth",
      detail: "XOAUTH2 sender@contoso.com",
    })
    expect(servers.simulator.messages.at(-1)?.raw).toContain("Subject: Hello from Microsoft 365")
  })

  test("MAIL_DEBUG shows the conversation after the sign-in, never the token", async () => {
    const content = file("flask-mail", oauthSetup("oauth-app")).content
    const app = await writeScratch(
      "oauth-python/flask/app.py",
      content.replace(
        "mail = OAuth2Mail(app)",
        'app.config["MAIL_DEBUG"] = True\nmail = OAuth2Mail(app)'
      )
    )
    const result = await python(app, [], { SMTP_CLIENT_SECRET: PRACTICE_CLIENT_SECRET })

    expect(result.code).toBe(0)
    // smtplib's debug lines: on after the sign-in, so MAIL FROM is there and AUTH is not.
    expect(result.stderr).toMatch(/send: 'mail FROM:/)
    expect(result.stderr).not.toMatch(/XOAUTH2|auth=Bearer/i)
  })

  test("STARTTLS checks the certificate, which Flask-Mail's own connection does not", async () => {
    const app = await writeScratch(
      "oauth-python/flask/app.py",
      file("flask-mail", oauthSetup("oauth-app")).content
    )
    const [messages, connections] = [servers.simulator.messages.length, connects()]
    const result = await python(app, [], { SMTP_CLIENT_SECRET: PRACTICE_CLIENT_SECRET }, false)

    expect(result.code).not.toBe(0)
    expect(result.stderr).toMatch(/ssl\.SSLCertVerificationError: .*CERTIFICATE_VERIFY_FAILED/)
    expect(connects()).toBe(connections + 1)
    expect(servers.simulator.messages).toHaveLength(messages)
  })

  test("a wrong secret: Microsoft's reason, and no connection", async () => {
    const app = await writeScratch(
      "oauth-python/flask/app.py",
      file("flask-mail", oauthSetup("oauth-app")).content
    )
    const before = connects()
    const result = await python(app, [], { SMTP_CLIENT_SECRET: "not-the-secret" })

    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain(`smtplib.SMTPException: ${WRONG_SECRET_REASON}`)
    expect(connects()).toBe(before)
  })
})

describe("device code", () => {
  test("Django and Flask-Mail are app-only: their password settings stay under the note", () => {
    for (const id of ["django", "flask-mail"]) {
      const output = file(id, oauthSetup("oauth-device"))
      expect(output.content, id).toMatch(/^# OAuth 2\.0: /)
      expect(output.content, id).toContain("# - point this software at a local OAuth 2.0 bridge")
      expect(output.content, id).not.toContain("msal")
      expect(output.secretNote, id).toMatch(/^No OAuth 2\.0 setup here/)
    }
    expect(file("flask-mail", oauthSetup("oauth-device")).filename).toBe("config.py")
  })
})
