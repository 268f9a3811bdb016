"use client"

import { useEffect, useRef } from "react"

import { PRACTICE_DEVICE_USER } from "@/lib/practice/identity-scenarios"
import { Button } from "@/components/ui/button"
import { CopyButton } from "@/components/ui/copy-button"
import { ExternalLinkIcon, SpinnerIcon, XCircleIcon } from "@/components/ui/icons"
import { DiagnosisCard } from "@/components/results/diagnosis-card"

import type { DeviceSignInState } from "./use-device-code-sign-in"

/**
 * The device code sign-in as the user sees it: the code and the sign-in address while smtp365
 * waits, or why it failed with the same diagnosis a failed test gets. Focus moves to it when the
 * code appears, so it is read out without another live region.
 */
export function DeviceCodePanel({
  state,
  onCancel,
  onPracticeSignIn,
}: {
  state: DeviceSignInState
  onCancel: () => void
  onPracticeSignIn: (userCode: string) => Promise<void>
}) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  const waiting = state.status === "waiting"
  useEffect(() => {
    if (waiting || state.status === "failed") headingRef.current?.focus()
  }, [waiting, state.status])

  if (state.status === "starting") {
    return (
      <p className="flex items-center gap-2 text-sm text-muted-foreground">
        <SpinnerIcon className="size-4" /> Asking Microsoft for a sign-in code…
      </p>
    )
  }

  if (state.status === "waiting") {
    const { userCode, verificationUri, expiresAt } = state.start
    const expires = new Date(expiresAt).toLocaleTimeString([], {
      hour: "2-digit",
      minute: "2-digit",
    })
    return (
      <section
        aria-labelledby="device-code-heading"
        data-testid="device-code"
        className="flex flex-col gap-3 rounded-lg border border-primary/40 bg-primary/5 p-4"
      >
        <h2
          id="device-code-heading"
          ref={headingRef}
          tabIndex={-1}
          className="text-lg font-semibold outline-none"
        >
          Sign in with this code
        </h2>
        <p className="text-sm">
          Open{" "}
          {state.practice ? (
            <code className="font-mono break-all">{verificationUri}</code>
          ) : (
            <a
              href={verificationUri}
              target="_blank"
              rel="noreferrer"
              className="rounded-sm font-medium text-primary underline underline-offset-2 outline-none hover:no-underline focus-visible:ring-2 focus-visible:ring-ring"
            >
              {verificationUri}
              <ExternalLinkIcon className="ml-0.5 inline size-3 align-[-1px]" />
              <span className="sr-only"> (opens in a new tab)</span>
            </a>
          )}
          , enter the code and sign in as the user the test sends as. The test starts as soon as you
          have signed in.
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <code
            data-testid="device-user-code"
            className="rounded-md border bg-card px-3 py-1.5 font-mono text-2xl tracking-widest"
          >
            {userCode}
          </code>
          <CopyButton text={userCode} what="code" />
        </div>
        <p className="flex items-center gap-2 text-sm text-muted-foreground">
          <SpinnerIcon className="size-4" /> Waiting for the sign-in (the code works until {expires}
          )…
        </p>
        {state.practice ? (
          <p className="text-sm text-muted-foreground">
            Practice mode: the practice identity server has no sign-in page. &ldquo;Sign in as the
            practice user&rdquo; does what signing in at that address would, as{" "}
            {PRACTICE_DEVICE_USER}.
          </p>
        ) : null}
        <div className="flex flex-wrap gap-2">
          {state.practice ? (
            <Button onClick={() => void onPracticeSignIn(userCode)}>
              Sign in as the practice user
            </Button>
          ) : null}
          <Button variant="outline" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </section>
    )
  }

  if (state.status === "failed") {
    const { diagnosis } = state
    return (
      <section
        aria-labelledby="device-code-failed-heading"
        data-testid="device-code-failure"
        className="flex flex-col gap-4"
      >
        <div
          role="alert"
          className="flex gap-3 rounded-lg border border-destructive/50 bg-destructive/10 p-4"
        >
          <XCircleIcon className="mt-0.5 size-6 text-destructive" />
          <div className="flex min-w-0 flex-1 flex-col gap-2">
            <h2
              id="device-code-failed-heading"
              ref={headingRef}
              tabIndex={-1}
              className="text-lg font-semibold outline-none"
            >
              {diagnosis?.headline ?? "The device code sign-in failed"}
            </h2>
            {state.code?.startsWith("AADSTS") ? (
              <p className="text-sm text-muted-foreground">The identity platform answered:</p>
            ) : null}
            <pre className="overflow-x-auto rounded-md border border-destructive/30 bg-card p-3 font-mono text-xs leading-relaxed break-words whitespace-pre-wrap">
              <code>{state.error}</code>
            </pre>
          </div>
        </div>
        {diagnosis ? <DiagnosisCard diagnosis={diagnosis} /> : null}
      </section>
    )
  }

  return null
}
