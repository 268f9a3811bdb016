import { describe, expect, test } from "vitest"

import { smtpAuthValues } from "@/test-support/setup-values"
import type { SmtpOutcome, StageResult, TranscriptLine } from "@/lib/smtp/types"
import { diagnoseOutcome } from "./diagnose-outcome"

const REPLY =
  "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant."
const values = smtpAuthValues(
  { host: "smtp.office365.com", port: 587 },
  { user: "sender@contoso.com", pass: "" }
)

function outcome(rest: Partial<SmtpOutcome>, stages: StageResult[] = []): SmtpOutcome {
  return {
    ok: false,
    startedAt: "2026-12-01T09:00:00.000Z",
    durationMs: 900,
    target: { host: "smtp.office365.com", port: 587, security: "starttls", practice: false },
    stages,
    transcript: [],
    tls: null,
    ...rest,
  }
}

const line = (direction: TranscriptLine["direction"], text: string, at: number) => ({
  at,
  direction,
  text,
})

describe("diagnoseOutcome", () => {
  test("leaves an outcome without a failure as it is", () => {
    const passed = outcome({ ok: true, transcript: [line("server", "250 2.0.0 OK", 5)] })
    expect(diagnoseOutcome(passed, values)).toEqual(passed)
  })

  test("notes the headline on the last server line that reads the failing reply, only there", () => {
    const failed = outcome({
      transcript: [
        line("server", REPLY, 1),
        line("client", REPLY, 2),
        line("server", REPLY, 3),
        line("info", "Session closed", 4),
      ],
      failure: { stage: "auth", code: "EAUTH", reply: REPLY, responseCode: 535, message: REPLY },
    })
    const diagnosed = diagnoseOutcome(failed, values)
    expect(diagnosed.diagnosis?.id).toBe("smtp-auth-disabled-tenant")
    expect(diagnosed.transcript.map((entry) => entry.note)).toEqual([
      undefined,
      undefined,
      diagnosed.diagnosis?.headline,
      undefined,
    ])
    // The engine's outcome is not changed.
    expect(failed.transcript.some((entry) => "note" in entry)).toBe(false)
  })

  test("fills commands with the mailbox that signed in, or the From address before it could", () => {
    const oauth: typeof values = {
      ...values,
      account: {
        ...values.account,
        user: "signed-in@contoso.com",
        authType: "oauth-app",
        tenant: "contoso.com",
        clientId: "3f2b8c41-0a6e-4d6b-9c1e-000000000001",
      },
      sender: { ...values.sender, fromAddress: "from@contoso.com" },
    }
    const token = (status: StageResult["status"]): StageResult => ({
      id: "token",
      label: "Token",
      status,
    })
    const failure = {
      stage: "auth" as const,
      code: "EAUTH",
      reply: REPLY,
      responseCode: 535,
      message: REPLY,
    }
    const afterToken = diagnoseOutcome(outcome({ failure }, [token("passed")]), oauth)
    expect(JSON.stringify(afterToken.diagnosis)).toContain("signed-in@contoso.com")
    const refused = "AADSTS7000215: Invalid client secret provided."
    const tokenFailure = {
      stage: "token" as const,
      code: "EIDENTITY",
      cause: "AADSTS7000215",
      reply: refused,
      message: refused,
    }
    const beforeToken = diagnoseOutcome(
      outcome({ failure: tokenFailure }, [token("failed")]),
      oauth
    )
    expect(beforeToken.diagnosis?.id).toBe("aadsts-invalid-client-secret")
    expect(JSON.stringify(beforeToken.diagnosis)).toContain("from%40contoso.com")
    expect(JSON.stringify(beforeToken.diagnosis)).not.toContain("signed-in")
  })
})
