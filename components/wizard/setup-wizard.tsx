"use client"

import { useEffect, useRef, useState } from "react"
import { FormProvider, useForm, useWatch } from "react-hook-form"

import { domainOfAddress } from "@/lib/email-address"
import type { PracticeListing } from "@/lib/practice/listing"
import type { SetupValues } from "@/lib/schemas/setup"
import { CHECKS_UNAVAILABLE_MESSAGE, preloadOnFirstUse } from "@/lib/schemas/lazy-resolver"
import { signInOf } from "@/lib/schemas/sign-in"
import { defaultSetupValues } from "@/lib/setup-defaults"
import { Button } from "@/components/ui/button"
import { Callout } from "@/components/ui/callout"
import { SpinnerIcon } from "@/components/ui/icons"
import { useDeviceCodeSignIn } from "@/components/oauth/use-device-code-sign-in"

import { prefillFromAddress } from "./prefill"
import { setupChecks } from "./setup-checks"
import { SIGN_IN_FLOW_FIELD, WIZARD_STEPS, findStep, stepsFor } from "./step-registry"
import { Stepper, type StepperItem } from "./stepper"
import { useAddressSync } from "./use-address-sync"
import { useSendTest } from "./use-send-test"
import { useTestRun } from "./use-test-run"
import { useWizardNavigation } from "./use-wizard-navigation"

/**
 * The setup wizard: one form over the step-keyed schema, its steps from the registry
 * (step-registry.tsx), and a hook for each concern: moving between steps, the address, the test
 * run, the device code sign-in and the send.
 */
export function SetupWizard({
  practice,
  initialValues,
  initialStep,
}: {
  /** The practice mailboxes and apps; null when practice mode is off. */
  practice: PracticeListing | null
  /** Non-secret values from the address: a colleague's shared link, or this page before a reload. */
  initialValues?: SetupValues | null
  /** The step named in the address, to resume at after a reload; null for a link or a fresh start. */
  initialStep?: string | null
}) {
  const form = useForm<SetupValues>({
    // Fetched on the first interaction (see the wizard's root below), not with the page.
    resolver: setupChecks.resolver,
    defaultValues: initialValues ?? defaultSetupValues(),
    mode: "onTouched",
  })
  const [method, authType, fromAddress, practiceServer] = useWatch({
    control: form.control,
    name: ["method.method", "account.authType", "sender.fromAddress", "server.practice"],
  })
  const fromDomain = domainOfAddress(fromAddress.trim())
  const steps = stepsFor(signInOf({ method: { method }, account: { authType } }))
  // The shared-link note is for a link someone sent, not for this page coming back after a reload.
  const [fromLink, setFromLink] = useState(Boolean(initialValues) && !initialStep)
  const deviceSignIn = useDeviceCodeSignIn()
  const run = useTestRun({
    // The device code sign-in is gone (expired, or another server process): sign in again.
    onOutcome: (outcome) => {
      if (outcome.failure?.stage === "token") form.setValue(SIGN_IN_FLOW_FIELD, "")
    },
  })
  const {
    step,
    index,
    goTo,
    goNext,
    goBack,
    goToFirstStepWith,
    preloadNext,
    headingRef,
    opening,
    checksLoading,
    checksMissed,
    checksMissedRef,
  } = useWizardNavigation({
    form,
    steps,
    initialStep: resumableStep(initialStep, initialValues) ?? WIZARD_STEPS[0],
    onOpen: (next) => {
      if (next.id === "sender") prefillFromAddress(form)
      // Going back to change a setting makes the last result stale: the next visit tests again.
      if (next.phase === "setup") {
        run.clear()
        // A device code sign-in is for the account as it was: a changed one signs in again.
        deviceSignIn.cancel()
        form.setValue(SIGN_IN_FLOW_FIELD, "")
      }
    },
  })
  const send = useSendTest({
    form,
    steps,
    onTestStep: step.phase === "test",
    run,
    deviceSignIn,
    goToFirstStepWith: goToFirstStepWith,
  })
  useAddressSync(form, step)

  const rootRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    // End-to-end tests wait for this before they click: buttons do nothing until React hydrates.
    rootRef.current?.setAttribute("data-hydrated", "true")
  }, [])

  /** Clears every value and result, and the address, and returns to the first step. */
  function startOver() {
    form.reset(defaultSetupValues())
    run.clear()
    setFromLink(false)
    goTo(WIZARD_STEPS[0])
  }

  const stepperItems: StepperItem[] = WIZARD_STEPS.map(({ id, title }) => {
    const position = steps.findIndex((candidate) => candidate.id === id)
    const state =
      position === -1
        ? "skipped"
        : position < index
          ? "complete"
          : position === index
            ? "current"
            : "upcoming"
    return { id, title, state }
  })
  const context = {
    practice,
    method,
    fromDomain,
    practiceServer,
    sendError: run.error,
    signingIn: send.signingIn,
    run,
    deviceSignIn,
  }
  const headingId = `step-${step.id}-heading`
  const showNext = step.phase === "setup" || (step.phase === "test" && run.outcome !== null)
  // Before a test, the Test step lets the admin on to the settings anyway: they say so.
  const skipTest = step.phase === "test" && run.outcome === null ? steps[index + 1] : undefined

  return (
    <div
      ref={rootRef}
      data-testid="setup-wizard"
      className="flex flex-col gap-8"
      {...preloadOnFirstUse(setupChecks)}
    >
      {fromLink && index === 0 ? (
        <Callout title="Settings from a shared link">
          <p>
            Each step is filled in with the settings someone shared with you. Check them, type the
            password yourself (a link never carries it), and send a test.
          </p>
        </Callout>
      ) : null}
      <Stepper
        items={stepperItems}
        onSelect={(id) => {
          const target = findStep(id)
          if (target) goTo(target)
        }}
      />
      <FormProvider {...form}>
        <form noValidate onSubmit={send.onSubmit}>
          <section
            key={step.id}
            aria-labelledby={`${headingId}-label`}
            data-testid="wizard-step"
            data-step={step.id}
            className="flex flex-col gap-6"
          >
            {/*
              The region's name says where the user is ("Step 2 of 5: Server"). A hidden label
              still names it, without being read twice; it also keeps the region from answering
              to the Server field's label.
            */}
            <span id={`${headingId}-label`} hidden>
              Step {index + 1} of {steps.length}: {step.title}
            </span>
            <h2
              id={headingId}
              ref={headingRef}
              tabIndex={-1}
              className="text-xl font-semibold tracking-tight outline-none"
            >
              {step.title}
            </h2>
            {step.render(context)}
          </section>
        </form>
        {step.aside?.(context)}
      </FormProvider>
      {checksMissed ? (
        <Callout ref={checksMissedRef} tabIndex={-1} tone="destructive" className="outline-none">
          {CHECKS_UNAVAILABLE_MESSAGE}
        </Callout>
      ) : null}
      {/* Wraps on a phone: Back, Start over and the skip past the test need more than its width. */}
      <div className="flex flex-wrap items-center justify-between gap-3 border-t pt-6">
        <span className="flex items-center gap-2">
          {index > 0 ? (
            <Button variant="outline" onClick={goBack} disabled={send.isSubmitting}>
              Back
            </Button>
          ) : null}
          {index > 0 || form.formState.isDirty || fromLink ? (
            <Button variant="ghost" onClick={startOver} disabled={send.isSubmitting}>
              Start over
            </Button>
          ) : null}
        </span>
        {showNext ? (
          <Button
            onClick={() => void goNext()}
            // About to be pressed: fetch the next step's code now.
            onPointerEnter={preloadNext}
            onFocus={preloadNext}
            // A press must not take focus from the field being left: its check on leaving would
            // show the field's error first, move Next down by a line, and the release would then
            // miss the button, losing the press (and the move of focus to the field to fix).
            onMouseDown={(event) => event.preventDefault()}
            disabled={send.isSubmitting || checksLoading}
          >
            {opening || checksLoading ? <SpinnerIcon /> : null}
            Next
          </Button>
        ) : null}
        {skipTest ? (
          <Button
            variant="outline"
            className="ml-auto"
            onClick={() => goTo(skipTest)}
            onPointerEnter={preloadNext}
            onFocus={preloadNext}
            disabled={send.isSubmitting}
          >
            {opening ? <SpinnerIcon /> : null}
            Skip to the settings, untested
          </Button>
        ) : null}
      </div>
    </div>
  )
}

/** The step named in the address, if a reload may return to it with these values. */
function resumableStep(id: string | null | undefined, values: SetupValues | null | undefined) {
  const step = findStep(id)
  if (!step || !values || step.phase === "results") return undefined
  return stepsFor(signInOf(values)).includes(step) ? step : undefined
}
