"use server"

import * as z from "zod/mini"

import { failedSignIn, type DeviceCodeSignIn } from "@/lib/actions/device-code-sign-in"
import { validatedAction } from "@/lib/actions/validated-action"
import type { ActionResult } from "@/lib/action-result"
import { env } from "@/lib/env"
import {
  cancelDeviceCode,
  SIGN_INS_WAITING,
  startDeviceCode,
  waitForDeviceCode,
} from "@/lib/oauth/device-code"
import { practiceIdentityUrl, signInPracticeDeviceCode } from "@/lib/practice/practice-server"
import "@/lib/schemas/zod-locale"
import { accountStepSchema, mailboxAddressSchema } from "@/lib/schemas/setup"
import { limitDeviceCodeStart, requestClientAddress } from "@/lib/security/limit-test-send"

/** The Account step's fields the device code sign-in needs, checked as the form checks them. */
const startSchema = z.object({
  account: z
    .extend(z.pick(accountStepSchema, { tenant: true, clientId: true }), {
      /** The mailbox that signs in with the device code: an address, as the Account step asks. */
      user: mailboxAddressSchema,
    })
    .check(
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

const flowSchema = z.object({
  flowId: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/)),
  /** The mailbox the test will sign in as, for the token's warnings. */
  user: z._default(z.string().check(z.trim(), z.maxLength(320)), ""),
  /** How long to wait for the sign-in before answering "pending", in milliseconds. */
  waitMs: z._default(z.number().check(z.int(), z.gte(0), z.lte(20_000)), 15_000),
})

const START_AGAIN = "Start the device code sign-in again."
const UNEXPECTED = "smtp365 hit an unexpected error; start the sign-in again."
const PRACTICE_OFF = "Practice mode is turned off on this smtp365 (SMTP365_PRACTICE=off)."

/**
 * Starts a device code sign-in (delegated, scope https://outlook.office.com/SMTP.Send) and answers
 * the code and address to show. The token will stay on the server under the returned flowId
 * (with SMTP365_REDIS_URL, sealed in Redis for every instance).
 * Each start asks the identity platform for a code: limited like test sends, per client address
 * and per mailbox. A client with MAX_PENDING_PER_CLIENT (3) sign-ins waiting is refused until one
 * ends; the wizard's polling keeps a sign-in alive, and one nobody asks about ends after a minute.
 */
export const startDeviceCodeSignIn = validatedAction(
  startSchema,
  {
    name: "startDeviceCodeSignIn",
    invalid: "Some fields need attention before the sign-in can start.",
    unexpected: UNEXPECTED,
    limit: ({ account }) => limitDeviceCodeStart(account.user.toLowerCase()),
    logs: "message",
  },
  async ({ account, server }): Promise<ActionResult<DeviceCodeSignIn>> => {
    const { tenant = "", clientId = "", user } = account
    const identityUrl = server?.practice ? await practiceIdentityUrl() : env().SMTP365_IDENTITY_URL
    if (!identityUrl) return { ok: false, error: PRACTICE_OFF }
    const result = await startDeviceCode({ tenant, clientId }, identityUrl, {
      client: await requestClientAddress(),
    })
    if (result.ok) return { ok: true, data: { kind: "started", start: result.start } }
    const { failure } = result
    // Refused here, like an abuse limit: nothing to diagnose about the app or the tenant.
    if (failure.code === SIGN_INS_WAITING) return { ok: false, error: failure.message }
    return { ok: true, data: failedSignIn(failure, { tenant, clientId, user }) }
  }
)

/**
 * Where a device code sign-in stands. Waits up to `waitMs` for it to finish (a long poll): call
 * again while the answer is "pending". On "issued", what the token says; the token stays on the
 * server. A flow this server does not know (expired, cancelled, or started on another server
 * process without a shared Redis), or one whose server stopped, is a failure: start again.
 */
export const checkDeviceCodeSignIn = validatedAction(
  flowSchema,
  {
    name: "checkDeviceCodeSignIn",
    invalid: START_AGAIN,
    unexpected: UNEXPECTED,
  },
  async ({ flowId, user, waitMs }): Promise<ActionResult<DeviceCodeSignIn>> => {
    const status = await waitForDeviceCode(flowId, user, waitMs)
    switch (status.status) {
      case "pending":
        return { ok: true, data: { kind: "pending", expiresAt: status.expiresAt } }
      case "issued":
        return { ok: true, data: { kind: "issued", token: status.token } }
      case "failed":
        return { ok: true, data: failedSignIn(status.failure, { user }) }
      case "orphaned":
        return {
          ok: false,
          error:
            "The smtp365 server that was waiting for this sign-in has stopped, so it can no longer finish: start it again.",
        }
      default:
        return { ok: false, error: "This sign-in is no longer known: start it again." }
    }
  }
)

/**
 * Practice mode only: signs the practice device code in as the practice user, since the practice
 * identity server has no sign-in page to open. Answers whether the code was waiting.
 */
export const signInPracticeDeviceCodeAction = validatedAction(
  z.object({ userCode: z.string().check(z.regex(/^[A-Z]{6,12}$/)) }),
  {
    name: "signInPracticeDeviceCodeAction",
    invalid: START_AGAIN,
    unexpected: UNEXPECTED,
  },
  async ({ userCode }): Promise<ActionResult<boolean>> => {
    if (!env().SMTP365_PRACTICE) return { ok: false, error: PRACTICE_OFF }
    return { ok: true, data: await signInPracticeDeviceCode(userCode) }
  }
)

/** Stops waiting for a device code sign-in and forgets it (and its token, if any). */
export const cancelDeviceCodeSignIn = validatedAction(
  z.pick(flowSchema, { flowId: true }),
  {
    name: "cancelDeviceCodeSignIn",
    invalid: START_AGAIN,
    unexpected: UNEXPECTED,
  },
  async ({ flowId }): Promise<ActionResult> => {
    await cancelDeviceCode(flowId)
    return { ok: true, data: undefined }
  }
)
