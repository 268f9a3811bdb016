"use client"

import { useEffect, useRef, useState } from "react"
import { useFormContext, useFormState, useWatch } from "react-hook-form"

import { methodInfo } from "@/lib/microsoft365/methods"
import type { SetupValues } from "@/lib/schemas/setup"
import { OAUTH_FIELD_LABELS, SECURITY_MODE_LABELS, type SignIn } from "@/lib/schemas/setup-fields"
import { secretFieldOf, signInOf, type SecretFieldName } from "@/lib/schemas/sign-in"
import { SubmitButton } from "@/components/ui/submit-button"
import { Callout } from "@/components/ui/callout"

import { SecretField } from "../secret-field"
import { TextField, useFieldError } from "../text-field"

export function TestStep({
  sendError,
  busy = false,
}: {
  sendError: string | null
  /** A device code sign-in is under way: the send waits for it. */
  busy?: boolean
}) {
  const { control } = useFormContext<SetupValues>()
  const { isSubmitting } = useFormState({ control })
  const [method, authType, practice, host, port, security, user, fromAddress, fromName] = useWatch({
    control,
    name: [
      "method.method",
      "account.authType",
      "server.practice",
      "server.host",
      "server.port",
      "server.security",
      "account.user",
      "sender.fromAddress",
      "sender.fromName",
    ],
  })
  const errorRef = useRef<HTMLDivElement>(null)
  // Not a live region (those are reserved for results): move focus so the message is read out.
  useEffect(() => {
    if (sendError) errorRef.current?.focus()
  }, [sendError])
  const info = methodInfo(method)
  const signIn = signInOf({ method: { method }, account: { authType } })
  const secretField = secretFieldOf(signIn)
  const server = `${host.trim()}:${port.trim()}`

  return (
    <>
      <p className="text-muted-foreground">
        smtp365 connects, checks TLS, signs in if needed and sends one short test message, stage by
        stage. Each stage shows how long it took and what the server answered.
      </p>

      <dl className="grid gap-x-6 gap-y-2 rounded-lg border bg-card p-4 text-sm sm:grid-cols-[9rem_1fr]">
        <dt className="text-muted-foreground">Method</dt>
        <dd className="font-medium">{info.name}</dd>
        <dt className="text-muted-foreground">Server</dt>
        <dd className="font-mono wrap-anywhere">
          {practice ? (
            <>
              <span className="font-sans font-medium">Practice server</span>
              <span className="block font-sans text-muted-foreground">
                {server} is kept for your settings but not contacted
              </span>
            </>
          ) : (
            server
          )}
        </dd>
        <dt className="text-muted-foreground">Security</dt>
        <dd>{SECURITY_MODE_LABELS[security]}</dd>
        <dt className="text-muted-foreground">Signs in as</dt>
        <dd className="wrap-anywhere">
          {signIn !== "none" ? user : "Nobody: this method sends without signing in"}
        </dd>
        <dt className="text-muted-foreground">From</dt>
        <dd className="wrap-anywhere">
          {fromName.trim() ? `${fromName.trim()} <${fromAddress.trim()}>` : fromAddress.trim()}
        </dd>
      </dl>

      {secretField ? <SecretAgain name={secretField} signIn={signIn} /> : null}

      <TextField
        name="test.to"
        label="Send test email to"
        type="email"
        autoComplete="email"
        autoCapitalize="none"
        spellCheck={false}
        placeholder="you@contoso.com"
        hint={
          info.internalOnly
            ? `A mailbox in your Microsoft 365 organisation: ${info.shortName} can't deliver anywhere else.`
            : "A mailbox you can check. The message says it is a test from smtp365."
        }
      />

      {sendError ? (
        <Callout ref={errorRef} tabIndex={-1} tone="destructive" className="outline-none">
          {sendError}
        </Callout>
      ) : null}

      <div>
        <SubmitButton
          pending={isSubmitting || busy}
          pendingLabel={busy ? "Waiting for the sign-in…" : "Sending…"}
        >
          Send test email
        </SubmitButton>
      </div>
    </>
  )
}

/**
 * The password or client secret, asked for here when it is empty (smtp365 never keeps it, so a
 * reload empties it) or refused, so that sending need not go back to the Account step for it.
 */
function SecretAgain({ name, signIn }: { name: SecretFieldName; signIn: SignIn }) {
  const { getValues } = useFormContext<SetupValues>()
  // Empty when the step opened: after a reload. Typing it must not make the field go away.
  const [emptied] = useState(() => !getValues(name))
  const error = useFieldError(name)
  if (!emptied && !error) return null
  return (
    <SecretField
      name={name}
      label={name === "account.pass" ? "Password" : OAUTH_FIELD_LABELS.clientSecret}
      // A mailbox's password may come from the browser's password manager; an app's secret not.
      autoComplete={signIn === "password" ? "current-password" : "off"}
      hint={`${emptied ? "smtp365 never keeps it, so reloading the page emptied it: type it again to send. " : ""}It is sent once for this test and never stored, logged or shown.`}
    />
  )
}
