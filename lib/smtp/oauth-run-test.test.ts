import net from "node:net"
import tls from "node:tls"
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest"

import { smtpAuthValues } from "@/test-support/setup-values"
import { testServerTls } from "@/test-support/test-ca"
import { runDiagnosedTest } from "@/lib/actions/test-send"
import { classify } from "@/lib/diagnosis/classify"
import { startDeviceCode, waitForDeviceCode } from "@/lib/oauth/device-code"
import { signAccessToken } from "@/lib/practice/access-tokens"
import { startIdentityServer, type RunningIdentityServer } from "@/lib/practice/identity-server"
import { PRACTICE_CLIENT_SECRET, PRACTICE_TENANT_ID } from "@/lib/practice/identity-scenarios"
import { startSimulator, type RunningSimulator } from "@/lib/practice/simulator"
import type { SetupValues } from "@/lib/schemas/setup"
import type { RunTestOptions } from "./run-test"
import type { TestOutcome } from "./types"

// A real HTTPS identity server and a real SMTP simulator on loopback, sharing the token key, both
// trusted through NODE_EXTRA_CA_CERTS (see the test:unit script).
const TOKEN_KEY = "unit-shared-hs256-key"
const FAST = { stepMs: 3_000, totalMs: 8_000 }
const APP = (n: number) => `3f2b8c41-0a6e-4d6b-9c1e-${String(n).padStart(12, "0")}`

let identity: RunningIdentityServer
let submission: RunningSimulator
let options: RunTestOptions
/** Every token the identity server issued in a test, to prove none leaks. */
const issued: string[] = []
const logged: string[] = []

beforeAll(async () => {
  const serverTls = testServerTls()
  ;[identity, submission] = await Promise.all([
    startIdentityServer({ tls: serverTls, tokenKey: TOKEN_KEY, pollIntervalSeconds: 1 }),
    startSimulator({ role: "submission", tls: serverTls, tokenKey: TOKEN_KEY }),
  ])
  options = {
    allowedHosts: ["localhost", "127.0.0.1"],
    timeouts: FAST,
    identityUrl: identity.url,
  }
  // The actions read the configuration once, at the first call of any of them.
  process.env.SMTP365_IDENTITY_URL = identity.url
})

afterAll(async () => {
  await Promise.all([identity.close(), submission.close()])
})

// Whatever smtp365 or msal writes to the console is kept, to prove no secret is in it.
beforeEach(() => {
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(" "))
    })
  }
})
afterEach(() => {
  vi.restoreAllMocks()
  const output = logged.join("\n")
  expect(output).not.toContain(PRACTICE_CLIENT_SECRET)
  for (const token of issued) expect(output).not.toContain(token.split(".")[2])
})

function appValues(
  clientId: string,
  account: Partial<SetupValues["account"]> = {},
  from?: string
): SetupValues {
  const values = smtpAuthValues(
    { port: submission.port },
    { user: account.user ?? "sender@contoso.com", pass: "" }
  )
  values.account = {
    ...values.account,
    authType: "oauth-app",
    tenant: "contoso.com",
    clientId,
    clientSecret: PRACTICE_CLIENT_SECRET,
    ...account,
  }
  values.sender.fromAddress = from ?? values.account.user
  return values
}

function deviceValues(flowId: string, user = "sender@contoso.com"): SetupValues {
  const values = smtpAuthValues({ port: submission.port }, { user, pass: "" })
  values.account = {
    ...values.account,
    authType: "oauth-device",
    tenant: PRACTICE_TENANT_ID,
    clientId: APP(11),
    flowId,
  }
  return values
}

const stageStates = (outcome: TestOutcome) =>
  outcome.stages.map((stage) => `${stage.id}:${stage.status}`)

/** Captures the token the identity server returns by asking it the same way (for leak checks). */
async function tokenFor(clientId: string): Promise<string> {
  const response = await fetch(`${identity.url}/contoso.com/oauth2/v2.0/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: PRACTICE_CLIENT_SECRET,
      scope: "https://outlook.office365.com/.default",
    }),
  })
  const body = (await response.json()) as { access_token: string }
  issued.push(body.access_token)
  return body.access_token
}

/** No client secret, token (or its signature, or the XOAUTH2 blob) anywhere in what the user gets. */
function expectNoSecret(outcome: TestOutcome, token?: string) {
  const serialized = JSON.stringify(outcome)
  expect(serialized).not.toContain(PRACTICE_CLIENT_SECRET)
  expect(serialized).not.toContain("eyJ")
  if (token) {
    expect(serialized).not.toContain(token.split(".")[2])
    expect(serialized).not.toContain(
      Buffer.from(`user=sender@contoso.com\x01auth=Bearer ${token}\x01\x01`).toString("base64")
    )
  }
}

describe("OAuth app-only (client credentials) end to end", () => {
  test("gets a token, signs in with XOAUTH2 and sends: 250 after DATA", async () => {
    const token = await tokenFor(APP(1))
    const outcome = await runDiagnosedTest(appValues(APP(1)), options)
    expect(outcome.ok).toBe(true)
    expect(stageStates(outcome)).toEqual([
      "resolve:passed",
      "token:passed",
      "connect:passed",
      "greeting:passed",
      "ehlo:passed",
      "tls:passed",
      "auth:passed",
      "mail:passed",
      "rcpt:passed",
      "data:passed",
    ])
    expect(outcome.response).toMatch(/^250 /)
    expect(submission.messages.at(-1)?.authUser).toBe("sender@contoso.com")
    expect(outcome.token).toMatchObject({
      kind: "app",
      audience: "https://outlook.office365.com",
      roles: ["SMTP.SendAsApp"],
      tenantId: PRACTICE_TENANT_ID,
      appId: APP(1),
      user: null,
      warnings: [],
    })
    const transcript = outcome.transcript.map((line) => line.text).join("\n")
    expect(transcript).toContain("AUTH XOAUTH2 ‹redacted›")
    expect(transcript).toContain("235 2.7.0 Authentication successful")
    expect(transcript).toContain("scope https://outlook.office365.com/.default")
    expectNoSecret(outcome, token)
  })

  test("asks the token endpoint only (no discovery document) and a fresh client every time", async () => {
    const before = identity.requests.length
    await runDiagnosedTest(appValues(APP(1)), options)
    // A wrong secret right after a success is refused: no cached token answers it.
    const wrong = await runDiagnosedTest(
      appValues(APP(1), { clientSecret: "wrong-secret" }),
      options
    )
    expect(wrong.diagnosis?.id).toBe("aadsts-invalid-client-secret")
    expect(identity.requests.slice(before).map((request) => request.path)).toEqual([
      "/contoso.com/oauth2/v2.0/token",
      "/contoso.com/oauth2/v2.0/token",
    ])
  })

  test("RBAC for Applications: no SMTP.SendAsApp role is a warning, and the send still works", async () => {
    const outcome = await runDiagnosedTest(appValues(APP(2)), options)
    expect(outcome.ok).toBe(true)
    expect(outcome.token?.warnings.map((warning) => warning.id)).toEqual([
      "missing-send-as-app-role",
    ])
    expect(outcome.transcript.map((line) => line.text).join("\n")).toContain(
      "Warning: The token has no SMTP.SendAsApp role"
    )
  })
})

describe("OAuth delegated (device code) end to end", () => {
  test("start, pending, the user signs in, the token is issued, the test sends", async () => {
    const started = await startDeviceCode(
      { tenant: "contoso.com", clientId: APP(11) },
      identity.url,
      { client: "192.0.2.11" }
    )
    if (!started.ok) throw new Error(started.failure.message)
    expect(started.start.userCode).toMatch(/^[A-Z]{9}$/)
    expect(started.start.verificationUri).toBe(`${identity.url}/devicelogin`)
    expect(started.start.message).toContain(started.start.userCode)
    const flowId = started.start.flowId

    expect(await waitForDeviceCode(flowId, "sender@contoso.com", 200)).toMatchObject({
      status: "pending",
    })
    // The user's browser sign-in, as the device login page would record it.
    const signIn = await fetch(`${identity.url}/devicelogin`, {
      method: "POST",
      body: new URLSearchParams({ user_code: started.start.userCode }),
    })
    expect(signIn.status).toBe(200)
    const done = await waitForDeviceCode(flowId, "sender@contoso.com", 5_000)
    expect(done).toMatchObject({
      status: "issued",
      token: {
        kind: "delegated",
        audience: "https://outlook.office.com",
        scopes: ["SMTP.Send"],
        user: "sender@contoso.com",
        warnings: [],
      },
    })
    expect(JSON.stringify(done)).not.toContain("eyJ")

    const outcome = await runDiagnosedTest(deviceValues(flowId), options)
    expect(outcome.ok).toBe(true)
    expect(outcome.stages.find((stage) => stage.id === "token")?.detail).toContain(
      "user sender@contoso.com"
    )
    expect(outcome.response).toMatch(/^250 /)
    expectNoSecret(outcome)
  })

  test("a shared mailbox the user has Full Access to: a warning, then the send works", async () => {
    const started = await startDeviceCode(
      { tenant: "contoso.com", clientId: APP(11) },
      identity.url,
      { client: "192.0.2.11" }
    )
    if (!started.ok) throw new Error(started.failure.message)
    identity.signIn(started.start.userCode, "sender@contoso.com")
    const done = await waitForDeviceCode(started.start.flowId, "shared@contoso.com", 5_000)
    expect(done.status === "issued" && done.token?.warnings.map((w) => w.id)).toEqual([
      "other-user",
    ])
    const outcome = await runDiagnosedTest(
      deviceValues(started.start.flowId, "shared@contoso.com"),
      options
    )
    expect(outcome.ok).toBe(true)
    expect(submission.messages.at(-1)?.authUser).toBe("shared@contoso.com")
  })

  test("a mailbox the user has no access to: 535 5.7.3 read as a delegated token problem", async () => {
    const started = await startDeviceCode(
      { tenant: "contoso.com", clientId: APP(11) },
      identity.url,
      { client: "192.0.2.11" }
    )
    if (!started.ok) throw new Error(started.failure.message)
    identity.signIn(started.start.userCode)
    await waitForDeviceCode(started.start.flowId, "send-as@contoso.com", 5_000)
    const outcome = await runDiagnosedTest(
      deviceValues(started.start.flowId, "send-as@contoso.com"),
      options
    )
    expect(outcome.failure?.reply).toMatch(/^535 5\.7\.3 Authentication unsuccessful \[/)
    expect(outcome.diagnosis?.id).toBe("xoauth2-delegated-rejected")
    expect(outcome.diagnosis?.commands).toContain(
      "Add-MailboxPermission -Identity 'send-as@contoso.com' -User '<the signed-in user>' -AccessRights FullAccess"
    )
    // The device code checklist's step for it, filled in with what was typed.
    expect(outcome.diagnosis?.entraSteps).toEqual([
      {
        title: "Step 3: Sign in as the mailbox, or with FullAccess to it",
        url: `/entra-checklist?flow=oauth-device&tenant=${PRACTICE_TENANT_ID}&clientId=${APP(11)}&mailbox=send-as%40contoso.com#step-user`,
      },
    ])
  })

  test("a test without a finished sign-in stops at the token stage", async () => {
    const outcome = await runDiagnosedTest(deviceValues("no-such-flow-0000000000"), options)
    expect(stageStates(outcome).slice(0, 3)).toEqual([
      "resolve:passed",
      "token:failed",
      "connect:not-reached",
    ])
    expect(outcome.diagnosis?.id).toBe("device-code-not-finished")
  })
})

describe("identity platform failures, each with its diagnosis", () => {
  test.for([
    [7000215, "aadsts-invalid-client-secret", { clientSecret: "f3e1c2d4-secret-id" }, "Value"],
    [7000222, "aadsts-client-secret-expired", { clientId: APP(8) }, "New client secret"],
    [700016, "aadsts-application-not-found", { clientId: APP(99) }, "same app's Overview"],
    [90002, "aadsts-tenant-not-found", { tenant: "fabrikam.com" }, "onmicrosoft.com"],
  ] as const)("AADSTS%i → %s", async ([code, id, account, names]) => {
    const outcome = await runDiagnosedTest(appValues(APP(1), account), options)
    expect(outcome.ok).toBe(false)
    expect(outcome.failure).toMatchObject({
      stage: "token",
      code: "EIDENTITY",
      cause: `AADSTS${code}`,
    })
    expect(outcome.failure?.reply).toMatch(new RegExp(`^AADSTS${code}: `))
    expect(outcome.failure?.message).toMatch(/Trace ID: [0-9a-f-]{36} · Correlation ID: /)
    expect(outcome.diagnosis?.id).toBe(id)
    expect(JSON.stringify(outcome.diagnosis)).toContain(names)
    expect(stageStates(outcome)).toContain("connect:not-reached")
    // The identity platform's answer is in the transcript, explained.
    const line = outcome.transcript.find((entry) => entry.text === outcome.failure?.reply)
    expect(line?.note).toBe(outcome.diagnosis?.headline)
    expectNoSecret(outcome)
  })

  test("the fixes name the user's own IDs", async () => {
    const outcome = await runDiagnosedTest(appValues(APP(99)), options)
    expect(outcome.diagnosis?.checks?.[0]?.place).toContain(APP(99))
  })

  test.for([
    [
      APP(12),
      "AADSTS7000218",
      "aadsts-public-client-flows-off",
      "Allow public client flows",
      "Step 1: Register the app and allow public client flows",
    ],
    [
      APP(13),
      "AADSTS65001",
      "aadsts-consent-missing",
      "Grant admin consent",
      "Step 2: Add the delegated SMTP.Send permission",
    ],
    [
      APP(14),
      "AADSTS70020",
      "aadsts-device-code-expired",
      "Start the device code sign-in again",
      null,
    ],
  ] as const)("device code with %s → %s", async ([clientId, code, id, names, step]) => {
    const { checkDeviceCodeSignIn } = await import("@/app/oauth-actions")
    const started = await startDeviceCode({ tenant: "contoso.com", clientId }, identity.url, {
      client: "192.0.2.11",
    })
    if (!started.ok) throw new Error(started.failure.message)
    identity.signIn(started.start.userCode)
    const result = await checkDeviceCodeSignIn({
      flowId: started.start.flowId,
      user: "sender@contoso.com",
      waitMs: 5_000,
    })
    expect(result).toMatchObject({ ok: true, data: { kind: "failed", code } })
    const data = result.ok ? result.data : undefined
    expect(data?.kind === "failed" && data.diagnosis.id).toBe(id)
    expect(JSON.stringify(result)).toContain(names)
    // The device code checklist's step that fixes it, if one does.
    const steps = data?.kind === "failed" ? data.diagnosis.entraSteps : undefined
    expect(steps?.map((entry) => entry.title)).toEqual(step ? [step] : undefined)
    if (step) expect(steps?.[0]?.url).toMatch(/^\/entra-checklist\?flow=oauth-device&/)
  })

  test.for([
    ["fabrikam.com", "AADSTS90002", "aadsts-tenant-not-found"],
    ["common", "AADSTS50194", "aadsts-not-multi-tenant"],
  ] as const)("device code start for tenant %s → %s", async ([tenant, code, id]) => {
    const { startDeviceCodeSignIn } = await import("@/app/oauth-actions")
    const result = await startDeviceCodeSignIn({
      account: { tenant, clientId: APP(11), user: "sender@contoso.com" },
    })
    expect(result).toMatchObject({ ok: true, data: { kind: "failed", code } })
    const data = result.ok ? result.data : undefined
    expect(data?.kind === "failed" && data.diagnosis.id).toBe(id)
  })

  test("while nobody has signed in, the token endpoint answers AADSTS70016 in Microsoft's shape", async () => {
    const form = (fields: Record<string, string>) => ({
      method: "POST",
      body: new URLSearchParams(fields),
    })
    const code = (await (
      await fetch(
        `${identity.url}/contoso.com/oauth2/v2.0/devicecode`,
        form({ client_id: APP(11), scope: "https://outlook.office.com/SMTP.Send" })
      )
    ).json()) as { device_code: string; interval: number; expires_in: number }
    expect(code).toMatchObject({ interval: 1, expires_in: 900 })
    const poll = await fetch(
      `${identity.url}/contoso.com/oauth2/v2.0/token`,
      form({
        grant_type: "urn:ietf:params:oauth:grant-type:device_code",
        client_id: APP(11),
        device_code: code.device_code,
      })
    )
    expect(poll.status).toBe(400)
    const body = (await poll.json()) as Record<string, unknown>
    expect(body).toMatchObject({
      error: "authorization_pending",
      error_codes: [70016],
      error_uri: "https://login.microsoftonline.com/error?code=70016",
    })
    expect(String(body.error_description)).toMatch(
      /^AADSTS70016: OAuth 2\.0 device flow error\. Authorization is pending\. Continue polling\.\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/
    )
    expect(body.trace_id).toMatch(/^[0-9a-f-]{36}$/)
    expect(body.correlation_id).toMatch(/^[0-9a-f-]{36}$/)
    // Should it reach a test (the sign-in not finished), it is read as such.
    const reply = String(body.error_description).split("\r\n")[0] ?? ""
    const diagnosis = classify(
      { stage: "token", code: "EIDENTITY", cause: "AADSTS70016", reply, message: reply },
      { mailbox: "sender@contoso.com", from: "sender@contoso.com", host: "", port: 587 }
    )
    expect(diagnosis).toMatchObject({ id: "aadsts-authorization-pending", retry: true })
  })

  test("an identity platform that cannot be reached: a network diagnosis, in time", async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as net.AddressInfo
        server.close(() => resolve(port))
      })
    })
    const outcome = await runDiagnosedTest(appValues(APP(1)), {
      ...options,
      identityUrl: `https://127.0.0.1:${closedPort}`,
    })
    expect(outcome.failure).toMatchObject({ stage: "token", cause: "ENETWORK" })
    expect(outcome.diagnosis?.id).toBe("identity-unreachable")
  })
})

describe("what Exchange Online answers a token it cannot use", () => {
  test.for([
    [APP(3), "no service principal", "xoauth2-app-rejected", []],
    [APP(4), "service principal with the App Registration's object ID", "xoauth2-app-rejected", []],
    [APP(5), "no mailbox permission", "xoauth2-app-rejected", []],
    [APP(7), "no admin consent (no roles)", "xoauth2-app-rejected", ["missing-send-as-app-role"]],
    [APP(6), "a Microsoft Graph token", "xoauth2-graph-token", ["graph-audience"]],
  ] as const)("%s (%s) → %s", async ([clientId, , id, warnings]) => {
    const outcome = await runDiagnosedTest(appValues(clientId), options)
    expect(outcome.ok).toBe(false)
    expect(outcome.failure).toMatchObject({ stage: "auth", signIn: "oauth-app" })
    expect(outcome.failure?.reply).toBe(
      "535 5.7.3 Authentication unsuccessful [PH7PR17MB1234.namprd17.prod.outlook.com]"
    )
    expect(outcome.diagnosis?.id).toBe(id)
    expect(outcome.token?.warnings.map((warning) => warning.id)).toEqual(warnings)
    expectNoSecret(outcome)
  })

  test("the service principal fix is filled in with the tenant, the app and the mailbox", async () => {
    const outcome = await runDiagnosedTest(appValues(APP(3)), options)
    expect(outcome.diagnosis?.commands).toEqual([
      "Connect-ExchangeOnline -Organization 'contoso.com'",
      `New-ServicePrincipal -AppId '${APP(3)}' -ObjectId '<Object ID from Enterprise applications → the app → Overview>'`,
      "Add-MailboxPermission -Identity 'sender@contoso.com' -User '<Object ID from Enterprise applications → the app → Overview>' -AccessRights FullAccess",
    ])
    expect(outcome.diagnosis?.checks?.[0]?.command).toBe(
      `Get-ServicePrincipal | Where-Object AppId -eq '${APP(3)}' | Format-List AppId,ObjectId,DisplayName`
    )
    // The password reading of the same reply is not given after XOAUTH2.
    expect(outcome.diagnosis?.id).not.toBe("auth-unsuccessful")
    expect(outcome.diagnosis?.entraSteps?.map((step) => step.url)).toEqual(
      ["service-principal", "mailbox", "rbac"].map(
        (step) =>
          `/entra-checklist?flow=oauth-app&tenant=contoso.com&clientId=${APP(3)}&mailbox=sender%40contoso.com#step-${step}`
      )
    )
  })

  test("535 5.7.139: SMTP AUTH still has to be on for the mailbox with OAuth", async () => {
    const outcome = await runDiagnosedTest(
      appValues(APP(1), { user: "auth-disabled-mailbox@contoso.com" }),
      options
    )
    expect(outcome.failure?.reply).toBe(
      "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox."
    )
    expect(outcome.diagnosis?.id).toBe("smtp-auth-disabled-mailbox")
    expect(outcome.diagnosis?.entraSteps?.map((step) => step.title)).toEqual([
      "Step 6: Keep SMTP AUTH on for the mailbox",
    ])
  })

  test("an expired or foreign-signed token gets 535 5.7.3", async () => {
    const now = Math.floor(Date.now() / 1000)
    const claims = { aud: "https://outlook.office365.com", idtyp: "app", appid: APP(1) }
    const expired = signAccessToken(
      { ...claims, exp: now - 60, roles: ["SMTP.SendAsApp"] },
      TOKEN_KEY
    )
    const forged = signAccessToken(
      { ...claims, exp: now + 600, roles: ["SMTP.SendAsApp"] },
      "other"
    )
    for (const token of [expired, forged]) {
      const reply = await xoauth2(
        Buffer.from(`user=sender@contoso.com\x01auth=Bearer ${token}\x01\x01`)
      )
      expect(reply).toMatch(/^535 5\.7\.3 Authentication unsuccessful/)
    }
  })

  test("501 5.5.124 for a malformed XOAUTH2 string, diagnosed", async () => {
    const reply = await xoauth2(Buffer.from("user=sender@contoso.com\x01auth=Basic abc\x01\x01"))
    expect(reply).toBe("501 5.5.124 Invalid XOAUTH2 auth data")
    const diagnosis = classify(
      {
        stage: "auth",
        code: "EAUTH",
        reply,
        responseCode: 501,
        message: "auth",
        signIn: "oauth-app",
      },
      {
        mailbox: "sender@contoso.com",
        from: "sender@contoso.com",
        host: "smtp.office365.com",
        port: 587,
      }
    )
    expect(diagnosis.id).toBe("xoauth2-malformed")
    expect(diagnosis.unconfirmed).toBeTruthy()
  })
})

/** Sends AUTH XOAUTH2 with a raw SASL string over STARTTLS and returns the server's reply line. */
async function xoauth2(sasl: Buffer): Promise<string> {
  const plain = net.connect(submission.port, "127.0.0.1")
  const lines = reader(plain)
  await lines.next() // greeting
  plain.write("EHLO client.test\r\n")
  await lines.until(/^250 /)
  plain.write("STARTTLS\r\n")
  await lines.next()
  plain.removeAllListeners("data")
  const secure = tls.connect({ socket: plain, servername: "localhost" })
  await new Promise((resolve) => secure.once("secureConnect", resolve))
  const secureLines = reader(secure)
  secure.write("EHLO client.test\r\n")
  await secureLines.until(/^250 /)
  secure.write(`AUTH XOAUTH2 ${sasl.toString("base64")}\r\n`)
  const reply = await secureLines.next()
  secure.destroy()
  return reply
}

function reader(socket: net.Socket | tls.TLSSocket) {
  let buffer = ""
  const waiting: Array<(line: string) => void> = []
  const ready: string[] = []
  socket.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8")
    let index
    while ((index = buffer.indexOf("\r\n")) >= 0) {
      const line = buffer.slice(0, index)
      buffer = buffer.slice(index + 2)
      const next = waiting.shift()
      if (next) next(line)
      else ready.push(line)
    }
  })
  const next = () =>
    new Promise<string>((resolve) => {
      const line = ready.shift()
      if (line !== undefined) resolve(line)
      else waiting.push(resolve)
    })
  return {
    next,
    async until(pattern: RegExp) {
      for (;;) {
        const line = await next()
        if (pattern.test(line)) return line
      }
    },
  }
}
