"use client"

import { useCallback, useRef, useState } from "react"

import { SERVER_UNREACHABLE_MESSAGE, type ActionResult } from "@/lib/action-result"
import type { DeviceCodeSignIn } from "@/lib/actions/device-code-sign-in"
import type { TokenSummary } from "@/lib/oauth/claims"
import type { DeviceCodeStart } from "@/lib/oauth/device-code"
import type { Diagnosis } from "@/lib/smtp/types"
import {
  cancelDeviceCodeSignIn,
  checkDeviceCodeSignIn,
  signInPracticeDeviceCodeAction,
  startDeviceCodeSignIn,
} from "@/app/oauth-actions"

export type DeviceSignInState =
  | { status: "idle" }
  | { status: "starting" }
  /** `practice`: the code is the practice identity server's, signed in from the panel. */
  | { status: "waiting"; start: DeviceCodeStart; practice: boolean }
  | { status: "signed-in"; token: TokenSummary | null }
  | { status: "failed"; error: string; code?: string; diagnosis?: Diagnosis }

export type DeviceSignInResult =
  { ok: true; flowId: string } | { ok: false; fieldErrors?: Record<string, string> }

/**
 * Server actions run one at a time, so each poll waits at most this long on the server: a Cancel
 * (or the test itself) is never stuck behind a long wait.
 */
const POLL_WAIT_MS = 5_000

/**
 * The device code sign-in of the Test step: starts it, shows the code (state "waiting"), polls until
 * the user has signed in, and answers the flowId the test sends with. The token stays on the server.
 */
export function useDeviceCodeSignIn() {
  const [state, setState] = useState<DeviceSignInState>({ status: "idle" })
  // The flow being waited for; cleared by Cancel, which ends the polling loop.
  const current = useRef<string | null>(null)

  const signIn = useCallback(
    async (
      account: { tenant?: string; clientId?: string; user: string },
      practice: boolean
    ): Promise<DeviceSignInResult> => {
      setState({ status: "starting" })
      try {
        const started = await startDeviceCodeSignIn({ account, server: { practice } })
        if (!started.ok && started.fieldErrors) {
          setState({ status: "idle" })
          return { ok: false, fieldErrors: started.fieldErrors }
        }
        if (!started.ok || started.data.kind !== "started") {
          setState(failedState(started))
          return { ok: false }
        }
        const { start } = started.data
        const { flowId } = start
        current.current = flowId
        setState({ status: "waiting", start, practice })
        for (;;) {
          const status = await checkDeviceCodeSignIn({
            flowId,
            user: account.user,
            waitMs: POLL_WAIT_MS,
          })
          if (current.current !== flowId) return { ok: false }
          if (status.ok && status.data.kind === "pending") continue
          current.current = null
          if (status.ok && status.data.kind === "issued") {
            setState({ status: "signed-in", token: status.data.token })
            return { ok: true, flowId }
          }
          setState(failedState(status))
          return { ok: false }
        }
      } catch {
        current.current = null
        setState({ status: "failed", error: SERVER_UNREACHABLE_MESSAGE })
        return { ok: false }
      }
    },
    []
  )

  /** Stops waiting and tells the server to forget the flow. */
  const cancel = useCallback(() => {
    const flowId = current.current
    current.current = null
    setState({ status: "idle" })
    if (flowId) void cancelDeviceCodeSignIn({ flowId }).catch(() => undefined)
  }, [])

  /** Practice mode: signs the shown code in as the practice user; the polling then finishes. */
  const signInPractice = useCallback(async (userCode: string) => {
    await signInPracticeDeviceCodeAction({ userCode }).catch(() => false)
  }, [])

  return { state, signIn, cancel, signInPractice }
}

/** A refusal with its diagnosis, or a failure of the action (an unknown flow, the abuse limit). */
function failedState(result: ActionResult<DeviceCodeSignIn>): DeviceSignInState {
  if (!result.ok) return { status: "failed", error: result.error }
  if (result.data.kind !== "failed") {
    return { status: "failed", error: "The sign-in did not complete: start it again." }
  }
  const { error, code, diagnosis } = result.data
  return { status: "failed", error, code, diagnosis }
}
