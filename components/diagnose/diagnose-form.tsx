"use client"

import { useEffect, useRef } from "react"
import { useForm } from "react-hook-form"

import { lazyResolver, preloadOnFirstUse } from "@/lib/schemas/lazy-resolver"
import type { PastedText } from "@/lib/schemas/paste"
import { diagnosePastedText } from "@/app/diagnose/actions"
import { Button } from "@/components/ui/button"
import { SubmitButton } from "@/components/ui/submit-button"
import { useActionForm } from "@/components/ui/use-action-form"
import { Callout } from "@/components/ui/callout"
import { Field, FieldError, FieldHint, describedBy } from "@/components/ui/field"
import { Label } from "@/components/ui/label"

import { PASTE_EXAMPLES } from "./examples"
import { PasteResult, resultSummary } from "./paste-result"

/** The form's checks (zod and the schema), fetched on the first interaction, not with the page. */
const pastedTextChecks = lazyResolver(
  () => import("./diagnose-validation"),
  (validation) => validation.pastedTextResolver
)

export function DiagnoseForm() {
  const form = useForm<PastedText>({
    resolver: pastedTextChecks.resolver,
    defaultValues: { text: "" },
  })
  const { errors } = form.formState
  const { result, failure, isSubmitting, rootRef, failureRef, onSubmit, clear } = useActionForm({
    form,
    action: diagnosePastedText,
  })
  const textRef = useRef<HTMLTextAreaElement | null>(null)
  const resultRef = useRef<HTMLElement>(null)

  useEffect(() => {
    if (!result) return
    // The summary is announced; the result itself may start below the fold, above all at 375 px.
    const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches
    resultRef.current?.scrollIntoView({
      block: "start",
      behavior: reduceMotion ? "auto" : "smooth",
    })
  }, [result])

  function loadExample(text: string) {
    form.setValue("text", text, { shouldDirty: true, shouldValidate: form.formState.isSubmitted })
    clear()
    // Show the sample from its first line, where a reader starts.
    const field = textRef.current
    field?.focus()
    field?.setSelectionRange(0, 0)
    if (field) field.scrollTop = 0
  }

  const error = errors.text?.message
  const { ref: registerText, ...textField } = form.register("text")

  return (
    <div
      ref={rootRef}
      data-testid="diagnose-form"
      className="flex flex-col gap-8"
      {...preloadOnFirstUse(pastedTextChecks)}
    >
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5">
        <Field data-invalid={error ? true : undefined}>
          <Label htmlFor="paste-text">Paste the error, log or bounce</Label>
          <FieldHint id="paste-text-hint">
            A reply line, a whole log or a bounce (NDR), up to 100,000 characters. Take out any
            password first: some logs print it, encoded.
          </FieldHint>
          <textarea
            id="paste-text"
            rows={10}
            spellCheck={false}
            autoCapitalize="none"
            autoComplete="off"
            autoCorrect="off"
            placeholder="535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant…"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(error && "paste-text-error", "paste-text-hint")}
            className="min-h-48 w-full min-w-0 resize-y rounded-md border border-input bg-card px-3 py-2 font-mono text-base leading-relaxed shadow-xs transition-colors outline-none placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/35 aria-invalid:border-destructive aria-invalid:focus-visible:ring-destructive/30 sm:text-[0.8125rem]"
            {...textField}
            ref={(element) => {
              registerText(element)
              textRef.current = element
            }}
          />
          <FieldError id="paste-text-error" message={error} />
        </Field>

        <div role="group" aria-labelledby="paste-examples-label" className="flex flex-col gap-2">
          <span id="paste-examples-label" className="text-sm text-muted-foreground">
            Or try an example:
          </span>
          <div className="flex flex-wrap gap-2">
            {PASTE_EXAMPLES.map((example) => (
              <Button
                key={example.id}
                variant="outline"
                size="sm"
                onClick={() => loadExample(example.text)}
              >
                {example.label}
              </Button>
            ))}
          </div>
        </div>

        {failure ? (
          <Callout ref={failureRef} tabIndex={-1} tone="destructive" className="outline-none">
            {failure}
          </Callout>
        ) : null}

        <div>
          <SubmitButton pending={isSubmitting} pendingLabel="Diagnosing…">
            Diagnose
          </SubmitButton>
        </div>
      </form>

      <section
        ref={resultRef}
        aria-labelledby={result ? "paste-result-heading" : undefined}
        data-testid="paste-result"
        className="flex scroll-mt-4 flex-col gap-5"
      >
        {result ? (
          <h2 id="paste-result-heading" className="text-xl font-semibold tracking-tight">
            Result
          </h2>
        ) : null}
        {/* Always in the page, so screen readers announce the summary when it appears. */}
        <div role="status" aria-atomic="true">
          {result ? <p className="font-medium">{resultSummary(result)}</p> : null}
        </div>
        {result ? <PasteResult result={result} /> : null}
      </section>
    </div>
  )
}
