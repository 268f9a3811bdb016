import net from "node:net"
import { afterAll, beforeAll, describe, expect, test } from "vitest"

import { directSendValues, smtpAuthValues } from "@/test-support/setup-values"
import { testServerTls } from "@/test-support/test-ca"
import { runDiagnosedTest } from "@/lib/actions/test-send"
import { startSimulator, type RunningSimulator } from "@/lib/practice/simulator"
import type { SetupValues } from "@/lib/schemas/setup"
import type { RunTestOptions } from "./run-test"
import type { TestOutcome } from "./types"

// Real servers on loopback, trusted through NODE_EXTRA_CA_CERTS (see the test:unit script).
const PASSWORD = "Tr0ub4dor&3-unit-secret"
const FAST = { stepMs: 1_500, totalMs: 5_000 }
const options: RunTestOptions = { allowedHosts: ["localhost", "127.0.0.1"], timeouts: FAST }

let submission: RunningSimulator
let mx: RunningSimulator
let silent: RunningSimulator
let stripped: RunningSimulator

beforeAll(async () => {
  const tls = testServerTls()
  ;[submission, mx, silent, stripped] = await Promise.all([
    startSimulator({ role: "submission", tls, password: PASSWORD }),
    startSimulator({ role: "mx", tls }),
    startSimulator({ role: "submission", tls, silent: true }),
    startSimulator({ role: "submission", tls, password: PASSWORD, startTls: false }),
  ])
})

afterAll(async () => {
  await Promise.all([submission.close(), mx.close(), silent.close(), stripped.close()])
})

const smtpAuth = (user: string, server: Partial<SetupValues["server"]> = {}) =>
  smtpAuthValues({ port: submission.port }, { user, pass: PASSWORD }, server)
const directSend = (to: string) => directSendValues({ port: mx.port }, to)

const stageStates = (outcome: TestOutcome) =>
  outcome.stages.map((stage) => `${stage.id}:${stage.status}`)

function expectNoSecret(outcome: TestOutcome) {
  const serialized = JSON.stringify(outcome)
  expect(serialized).not.toContain(PASSWORD)
  expect(serialized).not.toContain(Buffer.from(PASSWORD).toString("base64"))
}

describe("runDiagnosedTest against the simulator", () => {
  test("sends through SMTP AUTH with STARTTLS and reports every stage", async () => {
    const outcome = await runDiagnosedTest(smtpAuth("sender@contoso.com"), options)
    expect(outcome.ok).toBe(true)
    expect(stageStates(outcome)).toEqual([
      "resolve:passed",
      "connect:passed",
      "greeting:passed",
      "ehlo:passed",
      "tls:passed",
      "auth:passed",
      "mail:passed",
      "rcpt:passed",
      "data:passed",
    ])
    expect(outcome.tls?.protocol).toMatch(/^TLSv1\.[23]$/)
    expect(outcome.messageId).toMatch(/^<.+@contoso\.com>$/)
    expect(outcome.response).toMatch(/^250 /)
    const received = submission.messages.at(-1)
    expect(received?.to).toEqual(["it-team@contoso.com"])
    expect(received?.raw).toContain("Subject: smtp365 test email")
    expectNoSecret(outcome)
    // The username's base64 is replaced too, and the AUTH exchange is still readable.
    const transcript = outcome.transcript.map((line) => line.text).join("\n")
    expect(transcript).not.toContain(Buffer.from("sender@contoso.com").toString("base64"))
    expect(transcript).toContain("AUTH LOGIN")
    expect(transcript).toMatch(/235 .*Authentication successful/i)
  })

  test("explains 535 5.7.139 (SMTP AUTH disabled for the tenant) with the PowerShell fix", async () => {
    const outcome = await runDiagnosedTest(smtpAuth("auth-disabled-tenant@contoso.com"), options)
    expect(outcome.ok).toBe(false)
    expect(outcome.failure?.stage).toBe("auth")
    expect(outcome.failure?.reply).toMatch(
      /^535 5\.7\.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant\./
    )
    expect(outcome.diagnosis?.id).toBe("smtp-auth-disabled-tenant")
    expect(outcome.diagnosis?.commands).toContain(
      "Set-CASMailbox -Identity 'auth-disabled-tenant@contoso.com' -SmtpClientAuthenticationDisabled $false"
    )
    expect(stageStates(outcome)).toContain("auth:failed")
    expect(stageStates(outcome)).not.toContain("mail:passed")
    expectNoSecret(outcome)
  })

  test("a password sign-in refused with 5.7.139 gets no Entra checklist: that is for OAuth", async () => {
    const outcome = await runDiagnosedTest(smtpAuth("auth-disabled-mailbox@contoso.com"), options)
    expect(outcome.diagnosis?.id).toBe("smtp-auth-disabled-mailbox")
    expect(outcome.diagnosis?.entraSteps).toBeUndefined()
  })

  test("reports wrong credentials", async () => {
    const values = smtpAuth("sender@contoso.com")
    values.account.pass = "not-the-password"
    const outcome = await runDiagnosedTest(values, options)
    expect(outcome.diagnosis?.id).toBe("credentials-incorrect")
    expect(JSON.stringify(outcome)).not.toContain("not-the-password")
  })

  test("explains Send As denied when From differs from the mailbox", async () => {
    const values = smtpAuth("sender@contoso.com")
    values.sender.fromAddress = "ceo@contoso.com"
    const outcome = await runDiagnosedTest(values, options)
    expect(outcome.failure?.reply).toMatch(/SendAsDenied/)
    expect(outcome.diagnosis?.id).toBe("send-as-denied")
    expect(outcome.diagnosis?.commands).toContain(
      "Add-RecipientPermission -Identity 'ceo@contoso.com' -Trustee 'sender@contoso.com' -AccessRights SendAs"
    )
  })

  test("Direct Send delivers to an accepted domain without signing in", async () => {
    const outcome = await runDiagnosedTest(directSend("it-team@contoso.com"), options)
    expect(outcome.ok).toBe(true)
    expect(outcome.stages.find((stage) => stage.id === "auth")?.status).toBe("skipped")
  })

  test("explains a relay denial for an external recipient", async () => {
    const outcome = await runDiagnosedTest(directSend("someone@gmail.com"), options)
    expect(outcome.failure?.stage).toBe("rcpt")
    expect(outcome.failure?.reply).toBe(
      "550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain"
    )
    expect(outcome.diagnosis?.id).toBe("relay-denied")
  })

  test("never sends credentials without TLS", async () => {
    const before = submission.events.filter((event) => event.type === "auth").length
    const outcome = await runDiagnosedTest(
      smtpAuth("sender@contoso.com", { security: "none" }),
      options
    )
    expect(outcome.failure?.code).toBe("ENOTLS")
    expect(outcome.diagnosis?.id).toBe("credentials-without-tls")
    expect(outcome.transcript.some((line) => line.text.startsWith("AUTH"))).toBe(false)
    expect(submission.events.filter((event) => event.type === "auth")).toHaveLength(before)
  })

  test("stops before AUTH when the server does not offer STARTTLS", async () => {
    const outcome = await runDiagnosedTest(
      smtpAuth("sender@contoso.com", { port: String(stripped.port) }),
      options
    )
    expect(outcome.failure?.stage).toBe("tls")
    expect(outcome.diagnosis?.id).toBe("starttls-not-offered")
    // The server offered AUTH in plain text; it never received one.
    expect(stripped.events.some((event) => event.type === "auth")).toBe(false)
    expect(outcome.transcript.some((line) => line.text.startsWith("AUTH"))).toBe(false)
  })

  test("recognises implicit TLS against a STARTTLS port", async () => {
    const outcome = await runDiagnosedTest(
      smtpAuth("sender@contoso.com", { security: "tls" }),
      options
    )
    expect(outcome.failure?.stage).toBe("tls")
    expect(outcome.failure?.cause).toBe("ERR_SSL_WRONG_VERSION_NUMBER")
    expect(outcome.diagnosis?.id).toBe("implicit-tls-on-starttls-port")
  })

  test("reports a refused connection", async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as net.AddressInfo
        server.close(() => resolve(port))
      })
    })
    const outcome = await runDiagnosedTest(
      smtpAuth("sender@contoso.com", { port: String(closedPort) }),
      options
    )
    expect(outcome.failure?.stage).toBe("connect")
    expect(outcome.failure?.cause).toBe("ECONNREFUSED")
    expect(outcome.diagnosis?.id).toBe("connection-refused")
  })

  test("gives a verdict within the step timeout when the server never greets", async () => {
    const started = performance.now()
    const outcome = await runDiagnosedTest(
      smtpAuth("sender@contoso.com", { port: String(silent.port) }),
      options
    )
    expect(performance.now() - started).toBeLessThan(FAST.stepMs + 1_000)
    expect(outcome.failure?.stage).toBe("greeting")
    expect(outcome.diagnosis?.id).toBe("greeting-timeout")
  })

  test("refuses a host that is neither Microsoft 365 nor allowed, before connecting", async () => {
    const outcome = await runDiagnosedTest(
      smtpAuth("sender@contoso.com", { host: "mail.example.net" }),
      options
    )
    expect(outcome.failure?.code).toBe("EGUARD")
    const [resolve, ...rest] = stageStates(outcome)
    expect(resolve).toBe("resolve:failed")
    expect(rest.every((state) => state.endsWith(":not-reached"))).toBe(true)
    expect(outcome.diagnosis?.id).toBe("host-not-allowed")
  })
})
