import { afterAll, beforeAll, describe, expect, test } from "vitest"

import { parameterValues } from "@/test-support/powershell-reader"
import { signInValues, smtpAuthValues } from "@/test-support/setup-values"
import { testServerTls } from "@/test-support/test-ca"
import { runDiagnosedTest } from "@/lib/actions/test-send"
import { startSimulator, type RunningSimulator } from "@/lib/practice/simulator"
import { settingsRows } from "@/lib/settings-export/rows"
import type { TestOutcome } from "@/lib/smtp/types"
import { buildReport } from "./report"

const PASSWORD = "Amber-Kettle-77|report"
let submission: RunningSimulator
let outcome: TestOutcome
let report: string
/** Sent as o'brien@contoso.com, an address with a quote, which sender@contoso.com may not use. */
let sendAsReport: string

beforeAll(async () => {
  submission = await startSimulator({
    role: "submission",
    tls: testServerTls(),
    password: PASSWORD,
  })
  const values = smtpAuthValues(
    { port: submission.port },
    { user: "auth-disabled-mailbox@contoso.com", pass: PASSWORD }
  )
  outcome = await runDiagnosedTest(values, { allowedHosts: ["localhost"] })
  report = buildReport(
    outcome,
    settingsRows({ ...values, account: { ...values.account, pass: "" } })
  )
  const sendAs = signInValues(
    "smtp-auth",
    { port: submission.port },
    { user: "sender@contoso.com", pass: PASSWORD },
    "o'brien@contoso.com"
  )
  sendAsReport = buildReport(
    await runDiagnosedTest(sendAs, { allowedHosts: ["localhost"] }),
    settingsRows({ ...sendAs, account: { ...sendAs.account, pass: "" } })
  )
})

afterAll(() => submission.close())

describe("a failed test's outcome", () => {
  test("shows the stages after the failing one as not reached", () => {
    expect(outcome.stages.map((stage) => `${stage.id}:${stage.status}`).slice(-4)).toEqual([
      "auth:failed",
      "mail:not-reached",
      "rcpt:not-reached",
      "data:not-reached",
    ])
  })

  test("annotates the reply that failed with its meaning", () => {
    const annotated = outcome.transcript.filter((line) => line.note)
    expect(annotated).toHaveLength(1)
    expect(annotated[0]?.text).toMatch(/^535 5\.7\.139 .*disabled for the Mailbox/)
    expect(annotated[0]?.note).toBe(outcome.diagnosis?.headline)
  })
})

describe("buildReport", () => {
  test("hands over settings, reply, diagnosis with commands, stages and transcript", () => {
    expect(report).toContain("**Result: failed at AUTH.** SMTP AUTH is turned off for this mailbox")
    expect(report).toContain("| Username | auth-disabled-mailbox@contoso.com |")
    expect(report).toContain(
      "Set-CASMailbox -Identity 'auth-disabled-mailbox@contoso.com' -SmtpClientAuthenticationDisabled $false"
    )
    expect(report).toContain("| MAIL FROM | not reached |  |  |")
    expect(report).toContain("### Checks (read-only)")
    expect(report).toContain("Get-CASMailbox -Identity 'auth-disabled-mailbox@contoso.com'")
    expect(report).toContain("C: AUTH LOGIN")
    expect(report).toMatch(/↳ SMTP AUTH is turned off for this mailbox/)
    expect(report).toContain("network may differ from the device's")
  })

  test("puts a caveat beside the fix, not among its numbered steps", () => {
    const fix = report.slice(report.indexOf("### Fix"), report.indexOf("### Commands"))
    expect(fix).toMatch(/\n> \*\*Uncertain after December 2026:\*\* Microsoft's timeline/)
    expect(fix).not.toMatch(/^\d+\. .*December 2026/m)
  })

  test("quotes an address with a quote in its commands, as PowerShell reads it", () => {
    expect(sendAsReport).toContain(
      "**Result: failed at DATA.** This mailbox may not send as that From address"
    )
    const command =
      "Add-RecipientPermission -Identity 'o''brien@contoso.com' -Trustee 'sender@contoso.com' -AccessRights SendAs"
    expect(sendAsReport).toContain(command)
    expect(parameterValues(command, "-Identity")).toEqual([
      { kind: "single-quoted", value: "o'brien@contoso.com" },
    ])
    // The settings and the prose name it as typed.
    expect(sendAsReport).toContain("| From address | o'brien@contoso.com |")
  })

  test("never contains the password, in clear or base64", () => {
    expect(report).not.toContain(PASSWORD)
    expect(report).not.toContain(Buffer.from(PASSWORD).toString("base64"))
  })
})
