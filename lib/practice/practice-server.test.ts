import { afterAll, describe, expect, test } from "vitest"

import { signInValues, smtpAuthValues } from "@/test-support/setup-values"
import { runDiagnosedTest } from "@/lib/actions/test-send"
import { startDeviceCode, waitForDeviceCode } from "@/lib/oauth/device-code"
import { DEFAULT_PRACTICE_PASSWORD } from "./accounts"
import { PRACTICE_ACS_MAIL_FROM } from "./acs-accounts"
import { PRACTICE_CLIENT_SECRET, PRACTICE_TENANT_ID } from "./identity-scenarios"
import {
  practiceIdentityUrl,
  practiceTarget,
  signInPracticeDeviceCode,
  stopPracticeServers,
} from "./practice-server"

afterAll(() => stopPracticeServers())

const practice = (user: string, port = "587") =>
  smtpAuthValues(
    { host: "smtp.office365.com", port: Number(port) },
    { user, pass: DEFAULT_PRACTICE_PASSWORD },
    { practice: true }
  )

// Practice mode never widens the host guard: nothing but the simulator is allowed here.
const options = { allowedHosts: [], practiceTarget }

describe("practice mode", () => {
  test("sends to the built-in simulator, trusting its own CA for that connection only", async () => {
    const outcome = await runDiagnosedTest(practice("sender@contoso.com"), options)
    expect(outcome.ok).toBe(true)
    expect(outcome.target).toMatchObject({ host: "smtp.office365.com", practice: true })
    expect(outcome.stages[0]?.detail).toMatch(/built-in Microsoft 365 simulator/)
    expect(outcome.tls?.subject).toContain("practice.smtp365.invalid")
  })

  test("shows each practice mailbox's failure", async () => {
    const outcome = await runDiagnosedTest(practice("security-defaults@contoso.com"), options)
    expect(outcome.diagnosis?.id).toBe("security-defaults")
  })

  test("refuses ports other than 25 and 587, and says so in practice terms", async () => {
    const outcome = await runDiagnosedTest(practice("sender@contoso.com", "465"), options)
    expect(outcome.failure).toMatchObject({ cause: "ECONNREFUSED", practice: true })
    expect(outcome.diagnosis?.id).toBe("practice-port-closed")
    expect(outcome.diagnosis?.headline).toBe("The practice server does not answer on port 465")
    expect(outcome.diagnosis?.who).toBe("app-owner")
    // smtp.office365.com was never contacted: the simulator's loopback address is not shown as its.
    expect(outcome.failure?.message).toContain("Practice server, port 465")
    expect(JSON.stringify(outcome)).not.toContain("127.0.0.1")
    expect(outcome.stages.find((stage) => stage.id === "connect")?.status).toBe("failed")
  })
})

describe("practice mode after Basic authentication", () => {
  const route = (method: "hve" | "acs", user: string, pass: string, from: string) =>
    signInValues(method, { host: "smtp.office365.com", port: 587 }, { user, pass }, from, {
      practice: true,
    })

  test("High Volume Email has its own simulator, with HVE accounts", async () => {
    const hve = await runDiagnosedTest(
      route("hve", "hve-sender@contoso.com", DEFAULT_PRACTICE_PASSWORD, "hve-sender@contoso.com"),
      options
    )
    expect(hve.ok).toBe(true)
    expect(hve.stages[0]?.detail).toMatch(/simulator \(High Volume Email endpoint\)/)
    // An SMTP AUTH mailbox is not an HVE account.
    const mailbox = await runDiagnosedTest(
      route("hve", "sender@contoso.com", DEFAULT_PRACTICE_PASSWORD, "sender@contoso.com"),
      options
    )
    expect(mailbox.diagnosis?.id).toBe("credentials-incorrect")
  })

  test("Azure Communication Services has its own simulator, signing in with an app", async () => {
    const acs = await runDiagnosedTest(
      route(
        "acs",
        `contoso-acs|3f2b8c41-0a6e-4d6b-9c1e-000000000021|${PRACTICE_TENANT_ID}`,
        PRACTICE_CLIENT_SECRET,
        PRACTICE_ACS_MAIL_FROM
      ),
      options
    )
    expect(acs.ok).toBe(true)
    expect(acs.stages[0]?.detail).toMatch(/Azure Communication Services SMTP endpoint/)
  })
})

describe("practice mode with OAuth", () => {
  const oauth = (account: Partial<ReturnType<typeof practice>["account"]>) => {
    const values = practice("sender@contoso.com")
    return { ...values, account: { ...values.account, pass: "", ...account } }
  }

  test("gets an app-only token from the practice identity server, trusted for it alone", async () => {
    const identityUrl = await practiceIdentityUrl()
    expect(identityUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    const outcome = await runDiagnosedTest(
      oauth({
        authType: "oauth-app",
        tenant: PRACTICE_TENANT_ID,
        clientId: "3f2b8c41-0a6e-4d6b-9c1e-000000000001",
        clientSecret: PRACTICE_CLIENT_SECRET,
      }),
      { ...options, identityUrl: identityUrl ?? "" }
    )
    expect(outcome.ok).toBe(true)
    expect(outcome.token).toMatchObject({ kind: "app", roles: ["SMTP.SendAsApp"] })
    // A public fetch to the same server is refused: the practice CA is not trusted elsewhere.
    await expect(fetch(`${identityUrl}/devicelogin`, { method: "POST" })).rejects.toThrow()
  })

  test("a device code signed in with the practice action gives the test its token", async () => {
    const identityUrl = (await practiceIdentityUrl()) ?? ""
    const started = await startDeviceCode(
      { tenant: PRACTICE_TENANT_ID, clientId: "3f2b8c41-0a6e-4d6b-9c1e-000000000011" },
      identityUrl,
      { client: "192.0.2.11" }
    )
    if (!started.ok) throw new Error(started.failure.message)
    expect(await signInPracticeDeviceCode(started.start.userCode)).toBe(true)
    const status = await waitForDeviceCode(started.start.flowId, "sender@contoso.com", 10_000)
    expect(status).toMatchObject({ status: "issued", token: { user: "sender@contoso.com" } })
    const outcome = await runDiagnosedTest(
      oauth({
        authType: "oauth-device",
        tenant: PRACTICE_TENANT_ID,
        clientId: "3f2b8c41-0a6e-4d6b-9c1e-000000000011",
        flowId: started.start.flowId,
      }),
      { ...options, identityUrl }
    )
    expect(outcome.ok).toBe(true)
    expect(outcome.token?.kind).toBe("delegated")
  })
})
