import { afterAll, describe, expect, test } from "vitest"

import { smtpAuthValues } from "@/e2e/support/setup-values"
import { runSmtpTest } from "@/lib/smtp/run-test"
import { DEFAULT_PRACTICE_PASSWORD } from "./accounts"
import { practiceTarget, stopPracticeServers } from "./practice-server"

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
    const outcome = await runSmtpTest(practice("sender@contoso.com"), options)
    expect(outcome.ok).toBe(true)
    expect(outcome.target).toMatchObject({ host: "smtp.office365.com", practice: true })
    expect(outcome.stages[0]?.detail).toMatch(/built-in Microsoft 365 simulator/)
    expect(outcome.tls?.subject).toContain("practice.smtp365.invalid")
  })

  test("shows each practice mailbox's failure", async () => {
    const outcome = await runSmtpTest(practice("security-defaults@contoso.com"), options)
    expect(outcome.diagnosis?.id).toBe("security-defaults")
  })

  test("refuses ports other than 25 and 587, as a closed port would", async () => {
    const outcome = await runSmtpTest(practice("sender@contoso.com", "465"), options)
    expect(outcome.failure?.cause).toBe("ECONNREFUSED")
    expect(outcome.diagnosis?.id).toBe("connection-refused")
  })
})
