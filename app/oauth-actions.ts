"use server"

import * as z from "zod/mini"

import { classify } from "@/lib/diagnosis/classify"
import { env } from "@/lib/env"
import type { IdentityFailure } from "@/lib/oauth/identity-failure"
import type { DeviceCodeActionResult } from "@/lib/oauth/device-code-result"
import { cancelDeviceCode, startDeviceCode, waitForDeviceCode } from "@/lib/oauth/device-code"
import { practiceIdentityUrl, signInPracticeDeviceCode } from "@/lib/practice/practice-server"
import "@/lib/schemas/zod-locale"
import { accountStepSchema, toFieldErrors } from "@/lib/schemas/setup"
import { limitDeviceCodeStart } from "@/lib/security/limit-test-send"

/** The Account step's fields the device code sign-in needs, checked as the form checks them. */
const startSchema = z.object({
  account: z.pick(accountStepSchema, { tenant: true, clientId: true, user: true }).check(
    z.refine((account) => Boolean(account.tenant?.trim()), {
      path: ["tenant"],
      message: "Enter the Directory (tenant) ID of the app registration",
    }),
    z.refine((account) => Boolean(account.clientId?.trim()), {
      path: ["clientId"],
      message: "Enter the Application (client) ID of the app registration",
    })
  ),
  /** Practice mode: sign in at the practice identity server, never at Microsoft. */
  server: z.optional(z.object({ practice: z.boolean() })),
})

// Each start asks the identity platform for a code: limited like test sends, per client address
// and per mailbox.
const flowSchema = z.object({
  flowId: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/)),
  /** The mailbox the test will sign in as, for the token's warnings. */
  user: z._default(z.string().check(z.trim(), z.maxLength(320)), ""),
  /** How long to wait for the sign-in before answering "pending", in milliseconds. */
  waitMs: z._default(z.number().check(z.int(), z.gte(0), z.lte(20_000)), 15_000),
})

/**
 * Starts a device code sign-in (delegated, scope https://outlook.office.com/SMTP.Send) and returns
 * the code and address to show. The token will stay on this server under the returned flowId.
 */
export async function startDeviceCodeSignIn(input: unknown): Promise<DeviceCodeActionResult> {
  const parsed = startSchema.safeParse(input)
  if (!parsed.success) {
    return {
      kind: "invalid",
      error: "Some fields need attention before the sign-in can start.",
      fieldErrors: toFieldErrors(parsed.error),
    }
  }
  const { tenant = "", clientId = "", user } = parsed.data.account
  const limited = await limitDeviceCodeStart(user.toLowerCase())
  if (limited) return { kind: "unknown", error: limited.error }
  const practice = parsed.data.server?.practice === true
  const identityUrl = practice ? await practiceIdentityUrl() : env().SMTP365_IDENTITY_URL
  if (!identityUrl) {
    return {
      kind: "unknown",
      error: "Practice mode is turned off on this smtp365 (SMTP365_PRACTICE=off).",
    }
  }
  try {
    const result = await startDeviceCode({ tenant, clientId }, identityUrl)
    if (result.ok) return { kind: "started", start: result.start }
    return failed(result.failure, { tenant, clientId, user })
  } catch (error) {
    // A bug, not an identity failure. Log the message only: never the input.
    console.error("startDeviceCodeSignIn failed:", error instanceof Error ? error.message : error)
    return { kind: "unknown", error: "smtp365 hit an unexpected error; start the sign-in again." }
  }
}

/**
 * Where a device code sign-in stands. Waits up to `waitMs` for it to finish (a long poll): call
 * again while the answer is "pending". On "issued", what the token says; the token stays here.
 */
export async function checkDeviceCodeSignIn(input: unknown): Promise<DeviceCodeActionResult> {
  const parsed = flowSchema.safeParse(input)
  if (!parsed.success) return { kind: "unknown", error: "Start the device code sign-in again." }
  const { flowId, user, waitMs } = parsed.data
  const status = await waitForDeviceCode(flowId, user, waitMs)
  switch (status.status) {
    case "pending":
      return { kind: "pending", expiresAt: status.expiresAt }
    case "issued":
      return { kind: "issued", token: status.token }
    case "failed":
      return failed(status.failure, { user })
    default:
      return { kind: "unknown", error: "This sign-in is no longer known: start it again." }
  }
}

/**
 * Practice mode only: signs the practice device code in as the practice user, since the practice
 * identity server has no sign-in page to open. Answers whether the code was waiting.
 */
export async function signInPracticeDeviceCodeAction(input: unknown): Promise<boolean> {
  const parsed = z.object({ userCode: z.string().check(z.regex(/^[A-Z]{6,12}$/)) }).safeParse(input)
  if (!parsed.success || !env().SMTP365_PRACTICE) return false
  return signInPracticeDeviceCode(parsed.data.userCode)
}

/** Stops waiting for a device code sign-in and forgets it (and its token, if any). */
export async function cancelDeviceCodeSignIn(input: unknown): Promise<void> {
  const parsed = z.pick(flowSchema, { flowId: true }).safeParse(input)
  if (parsed.success) cancelDeviceCode(parsed.data.flowId)
}

/** The client's address; outside a request (unit tests call the action directly) there is none. */
function failed(
  failure: IdentityFailure,
  context: { tenant?: string; clientId?: string; user: string }
): DeviceCodeActionResult {
  const answered = failure.code.startsWith("AADSTS")
  const diagnosis = classify(
    {
      stage: "token",
      code: "EIDENTITY",
      cause: failure.code,
      ...(answered ? { reply: failure.message } : {}),
      message: failure.message,
    },
    {
      mailbox: context.user,
      from: context.user,
      host: "",
      port: 587,
      ...(context.tenant ? { tenant: context.tenant } : {}),
      ...(context.clientId ? { clientId: context.clientId } : {}),
      signIn: "oauth-device",
    }
  )
  return { kind: "failed", error: failure.message, code: failure.code, diagnosis }
}
