"use client"

import { useState } from "react"
import { useFormContext, useWatch } from "react-hook-form"

import { MX_WHERE_TO_FIND } from "@/lib/microsoft365/dns-records"
import { sendsToMx } from "@/lib/microsoft365/methods"
import { serverWarnings, type ServerWarning } from "@/lib/microsoft365/server-warnings"
import type { SetupValues } from "@/lib/schemas/setup"
import { SECURITY_MODE_LABELS, type SecurityMode } from "@/lib/schemas/setup-fields"
import { FieldError, FieldWarning, describedBy } from "@/components/ui/field"
import { RadioCard } from "@/components/ui/radio-card"

import { findMxEndpoint } from "@/app/domain/actions"

import { fillHostFromDomain, fillHostFromMx } from "../prefill"
import { TextField, useFieldError } from "../text-field"

const SECURITY_OPTIONS: { id: SecurityMode; description: string }[] = [
  {
    id: "starttls",
    description:
      "Connects in plain text, then switches to TLS before anything private is sent. What Microsoft 365 uses on ports 587 and 25.",
  },
  {
    id: "tls",
    description: "TLS from the first byte, usually on port 465. Microsoft 365 doesn't offer it.",
  },
  {
    id: "none",
    description:
      "Plain text. Only for Direct Send to a server without TLS; smtp365 never sends credentials this way.",
  },
]

function warningsFor(warnings: ServerWarning[], field: ServerWarning["field"]) {
  return warnings
    .filter((warning) => warning.field === field)
    .map(({ id, text, source }) => ({ id, text, source }))
}

export function ServerStep({ practiceEnabled }: { practiceEnabled: boolean }) {
  const form = useFormContext<SetupValues>()
  const { register, control } = form
  const [method, domain, host, port, security] = useWatch({
    control,
    name: ["method.method", "server.domain", "server.host", "server.port", "server.security"],
  })
  // What DNS said about the domain's MX record, for the domain it was asked about.
  const [mx, setMx] = useState<{ domain: string; endpoint: string | null; summary: string }>()

  async function lookUpMx(value: string) {
    const asked = value.trim()
    const answer = await findMxEndpoint(asked).catch(() => null)
    const found = answer?.ok ? answer.data : null
    // A later edit of the domain wins over an older answer.
    if (!found || form.getValues("server.domain").trim() !== asked) return
    setMx({ domain: asked, ...found })
    if (found.endpoint) fillHostFromMx(form, found.endpoint)
  }
  const mxForDomain = mx && mx.domain === domain.trim() ? mx : undefined

  const warnings = serverWarnings({ method, host: host.trim(), port: port.trim(), security })
  const usesMx = sendsToMx(method)
  const securityError = useFieldError("server.security")
  const securityWarnings = warningsFor(warnings, "security")
  const securityWarningIds = securityWarnings.map(
    (warning) => `server-security-warning-${warning.id}`
  )

  return (
    <>
      <p className="text-muted-foreground">
        Where the mail goes. The values come from the method you chose; change them only if your
        setup differs.
      </p>

      {practiceEnabled ? (
        <div className="flex items-start gap-3 rounded-lg border border-dashed border-input bg-muted/40 p-4">
          <input
            id="server-practice"
            type="checkbox"
            aria-describedby="server-practice-hint"
            className="mt-0.5 size-4 shrink-0 accent-primary outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2"
            {...register("server.practice")}
          />
          <div className="flex flex-col gap-1">
            <label htmlFor="server-practice" className="cursor-pointer text-sm font-medium">
              Practice server
            </label>
            <p id="server-practice-hint" className="text-sm text-muted-foreground">
              Send to smtp365&apos;s built-in Microsoft 365 simulator: no tenant needed; the server
              below is kept for your settings but not contacted. It answers on ports 587 and 25, the
              ports Microsoft 365 documents; any other port is refused.
            </p>
          </div>
        </div>
      ) : null}

      {usesMx ? (
        <TextField
          name="server.domain"
          label="Domain"
          placeholder="contoso.com"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          hint="Your organisation's email domain. It fills in Server with that domain's usual Microsoft 365 MX endpoint."
          registerOptions={{
            onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
              fillHostFromDomain(form, event.target.value),
            onBlur: (event: React.FocusEvent<HTMLInputElement>) =>
              void lookUpMx(event.target.value),
          }}
        />
      ) : null}

      <TextField
        name="server.host"
        label="Server"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        hint={
          usesMx && mxForDomain?.endpoint === host.trim() ? (
            <>The tenant&apos;s MX endpoint, from {mxForDomain.domain}&apos;s MX record in DNS.</>
          ) : usesMx && mxForDomain?.endpoint ? (
            <>
              {mxForDomain.domain}&apos;s MX record in DNS points to{" "}
              <span className="font-mono">{mxForDomain.endpoint}</span>.
            </>
          ) : usesMx && mxForDomain ? (
            <>
              {mxForDomain.summary} The guess from Domain stays. {MX_WHERE_TO_FIND}
            </>
          ) : usesMx ? (
            <>
              Filled in from Domain, but only a guess: your domain&apos;s real MX record wins (
              <code className="font-mono whitespace-nowrap">
                nslookup -type=mx {domain.trim() || "contoso.com"}
              </code>{" "}
              shows it).
            </>
          ) : (
            "Microsoft 365's SMTP AUTH endpoint. Use the name, never an IP address."
          )
        }
        warnings={warningsFor(warnings, "host")}
      />

      <TextField
        name="server.port"
        label="Port"
        inputMode="numeric"
        autoComplete="off"
        inputClassName="max-w-40"
        hint="587 or 25 suggested; any port accepted"
        warnings={warningsFor(warnings, "port")}
      />

      <fieldset
        role="radiogroup"
        aria-labelledby="server-security-legend"
        aria-invalid={securityError ? true : undefined}
        aria-describedby={describedBy(
          securityError && "server-security-error",
          ...securityWarningIds
        )}
        className="flex flex-col gap-3"
      >
        <legend id="server-security-legend" className="mb-1.5 text-sm font-medium">
          Security
        </legend>
        {SECURITY_OPTIONS.map((option) => (
          <RadioCard
            key={option.id}
            id={`server-security-${option.id}`}
            value={option.id}
            label={SECURITY_MODE_LABELS[option.id]}
            description={option.description}
            {...register("server.security")}
          />
        ))}
        <FieldError id="server-security-error" message={securityError?.message} />
        {securityWarnings.map((warning, index) => (
          <FieldWarning
            key={warning.id}
            {...warning}
            id={securityWarningIds[index] ?? warning.id}
          />
        ))}
      </fieldset>
    </>
  )
}
