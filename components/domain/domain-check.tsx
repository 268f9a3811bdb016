"use client"

import { useEffect } from "react"
import { useForm, useWatch } from "react-hook-form"

import { domainCheckPlan } from "@/lib/dns/check-plan"
import type { DomainCheckRequest, DomainCheckValues } from "@/lib/dns/domain-check-schema"
import type { SendingMethod } from "@/lib/schemas/setup-fields"
import { lazyResolver, preloadOnFirstUse } from "@/lib/schemas/lazy-resolver"
import { SENDING_METHODS_INFO } from "@/lib/microsoft365/methods"
import { checkDomain } from "@/app/domain/actions"
import { Callout } from "@/components/ui/callout"
import { Field, FieldError, FieldHint, describedBy } from "@/components/ui/field"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { SubmitButton } from "@/components/ui/submit-button"
import { useActionForm } from "@/components/ui/use-action-form"

import { CheckResults, checkSummary } from "./check-results"

/** The form's checks (zod and the schema), fetched on the first interaction, not with the page. */
const domainChecks = lazyResolver(
  () => import("./domain-check-validation"),
  (validation) => validation.domainCheckResolver
)

/**
 * Checks a sender domain's DNS with a "Check domain" button: the checks the sending method's plan
 * lists (MX, SPF, DKIM, DMARC; Azure Communication Services' verification TXT and DKIM records).
 * Given a `domain` (the wizard's sender domain) it shows it; without one it asks for it and the
 * method.
 */
export function DomainCheck({
  domain,
  method = "smtp-auth",
  realDnsInPractice = false,
}: {
  domain?: string
  method?: SendingMethod
  /** The wizard is practising: the results say they are real DNS's, not the practice's. */
  realDnsInPractice?: boolean
}) {
  const askDomain = domain === undefined
  const form = useForm<DomainCheckValues, unknown, DomainCheckRequest>({
    resolver: domainChecks.resolver,
    defaultValues: { domain: domain ?? "", method, deviceIp: "", initialDomain: "" },
  })
  const { errors } = form.formState
  const { result, failure, isSubmitting, rootRef, failureRef, onSubmit } = useActionForm({
    form,
    action: checkDomain,
  })

  useEffect(() => {
    // The wizard's values can change while this step is mounted.
    if (domain !== undefined) form.setValue("domain", domain)
    form.setValue("method", method)
  }, [domain, method, form])

  const chosenMethod = useWatch({ control: form.control, name: "method" })
  // Which fields the checks can use: the device's IP, the tenant's initial domain.
  const plan = domainCheckPlan(chosenMethod)

  const textField = (
    name: "domain" | "deviceIp" | "initialDomain",
    label: string,
    hint: string,
    props: React.ComponentProps<"input"> = {}
  ) => {
    const id = `domain-check-${name}`
    const error = errors[name]?.message
    return (
      <Field data-invalid={error ? true : undefined}>
        <Label htmlFor={id}>{label}</Label>
        <FieldHint id={`${id}-hint`}>{hint}</FieldHint>
        <Input
          id={id}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(error && `${id}-error`, `${id}-hint`)}
          {...props}
          // A field the method's plan hides leaves the values, so that what it held is not checked.
          {...form.register(name, { shouldUnregister: name !== "domain" })}
        />
        <FieldError id={`${id}-error`} message={error} />
      </Field>
    )
  }

  return (
    <div
      ref={rootRef}
      data-testid="domain-check"
      className="flex flex-col gap-8"
      {...preloadOnFirstUse(domainChecks)}
    >
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5">
        {askDomain ? (
          <>
            {textField(
              "domain",
              "Domain",
              "The domain of the From address, for example contoso.com (an address works too).",
              { placeholder: "contoso.com" }
            )}
            <Field>
              <Label htmlFor="domain-check-method">Sending method</Label>
              <select
                id="domain-check-method"
                className="h-10 w-full rounded-md border border-input bg-card px-3 text-base shadow-xs outline-none focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/35 sm:text-sm"
                {...form.register("method")}
              >
                {SENDING_METHODS_INFO.map((info) => (
                  <option key={info.id} value={info.id}>
                    {info.name}
                  </option>
                ))}
              </select>
            </Field>
          </>
        ) : (
          <p className="text-sm">
            Domain: <span className="font-medium">{domain}</span>
          </p>
        )}
        {plan.deviceIp
          ? textField(
              "deviceIp",
              "Device public IP (optional)",
              "The address the device's mail comes from, to check that SPF covers it.",
              { placeholder: "203.0.113.10", inputMode: "decimal" }
            )
          : null}
        {plan.initialDomain
          ? textField(
              "initialDomain",
              "Initial onmicrosoft.com domain (optional)",
              "Your tenant's contoso.onmicrosoft.com domain, to fill in the DKIM records if they are missing.",
              { placeholder: "contoso.onmicrosoft.com" }
            )
          : null}
        {failure ? (
          <Callout ref={failureRef} tabIndex={-1} tone="destructive" className="outline-none">
            {failure}
          </Callout>
        ) : null}
        <div>
          <SubmitButton pending={isSubmitting} pendingLabel="Checking…">
            Check domain
          </SubmitButton>
        </div>
      </form>

      <section
        aria-labelledby={result ? "domain-check-heading" : undefined}
        data-testid="domain-check-result"
        className="flex flex-col gap-4"
      >
        {result ? (
          <h2 id="domain-check-heading" className="text-xl font-semibold tracking-tight">
            DNS checks for {result.domain}
          </h2>
        ) : null}
        {/* Always in the page, so screen readers announce the summary when it appears. */}
        <div role="status" aria-atomic="true" className="flex flex-col gap-1">
          {result ? <p className="font-medium">{checkSummary(result)}</p> : null}
          {result && realDnsInPractice ? (
            <p className="text-sm text-muted-foreground">
              Real DNS, not the practice: these results do not change the practice test.
            </p>
          ) : null}
        </div>
        {result?.mxEndpoint ? (
          <p className="text-sm">
            MX endpoint: <span className="font-mono break-all">{result.mxEndpoint}</span>
          </p>
        ) : null}
        {result ? <CheckResults result={result} /> : null}
      </section>
    </div>
  )
}
