"use client"

import { useCallback, useRef, useState } from "react"

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

const UNREACHABLE =
  "The sign-in could not start: smtp365's server did not answer. Check that it is still running, then try again."

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
        if (started.kind === "invalid") {
          setState({ status: "idle" })
          return { ok: false, fieldErrors: started.fieldErrors }
        }
        if (started.kind !== "started") {
          setState(failedState(started))
          return { ok: false }
        }
        const { flowId } = started.start
        current.current = flowId
        setState({ status: "waiting", start: started.start, practice })
        for (;;) {
          const status = await checkDeviceCodeSignIn({
            flowId,
            user: account.user,
            waitMs: POLL_WAIT_MS,
          })
          if (current.current !== flowId) return { ok: false }
          if (status.kind === "pending") continue
          current.current = null
          if (status.kind === "issued") {
            setState({ status: "signed-in", token: status.token })
            return { ok: true, flowId }
          }
          setState(failedState(status))
          return { ok: false }
        }
      } catch {
        current.current = null
        setState({ status: "failed", error: UNREACHABLE })
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

function failedState(result: {
  kind: string
  error?: string
  code?: string
  diagnosis?: Diagnosis
}): DeviceSignInState {
  return {
    status: "failed",
    error: result.error ?? "The sign-in did not complete: start it again.",
    ...(result.code ? { code: result.code } : {}),
    ...(result.diagnosis ? { diagnosis: result.diagnosis } : {}),
  }
}
