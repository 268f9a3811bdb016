"use client"

import { useEffect, useLayoutEffect, useRef, useState, useTransition } from "react"
import dynamic from "next/dynamic"
import {
  FormProvider,
  get,
  useForm,
  useWatch,
  type FieldErrors,
  type FieldPath,
} from "react-hook-form"

import { domainOfAddress } from "@/lib/email-address"
import type { PracticeListing } from "@/lib/practice/listing"
import { preloadOnFirstUse } from "@/lib/schemas/lazy-resolver"
import { STEP_FIELDS, STEP_IDS, type SetupValues, type StepId } from "@/lib/schemas/setup-fields"
import { defaultSetupValues } from "@/lib/setup-defaults"
import { resumeQuery } from "@/lib/share-query"
import { withStage, type TestProgress } from "@/lib/smtp/progress"
import type { StageResult, TestOutcome } from "@/lib/smtp/types"
import { sendTestEmail } from "@/app/actions"
import { Button } from "@/components/ui/button"
import { Callout } from "@/components/ui/callout"
import { SpinnerIcon } from "@/components/ui/icons"
import { useDeviceCodeSignIn } from "@/components/oauth/use-device-code-sign-in"

import { exportableRows, exportableValues } from "./exportable-settings"
import { prefillFromAddress } from "./prefill"
import { setupChecks } from "./setup-checks"
import { Stepper, type StepperItem } from "./stepper"
import { STEP_TITLES, activeSteps } from "./steps"
import { DomainStep } from "./steps/domain-step"
import { MethodStep } from "./steps/method-step"

// The first load brings the first step only; each later step's code loads when the step opens, or
// just before (preloadStep). A step opens in a transition, so the current one stays on screen,
// heading and Next button included, until the next one can show in full. A reload on a later step
// still renders it on the server.
const ServerStep = dynamic(() => import("./steps/server-step").then((module) => module.ServerStep))
const AccountStep = dynamic(() =>
  import("./steps/account-step").then((module) => module.AccountStep)
)
const SenderStep = dynamic(() => import("./steps/sender-step").then((module) => module.SenderStep))
const DomainCheck = dynamic(() =>
  import("@/components/domain/domain-check").then((module) => module.DomainCheck)
)
const TestStep = dynamic(() => import("./steps/test-step").then((module) => module.TestStep))
const StageList = dynamic(() =>
  import("@/components/results/stage-list").then((module) => module.StageList)
)
const SettingsStep = dynamic(() =>
  import("./steps/settings-step").then((module) => module.SettingsStep)
)

/**
 * Fetches the code a step shows (the same modules as above), so that opening it need not wait. The
 * import() calls are not shared with the dynamic() ones: next/dynamic reads each import() written
 * inside its call to preload that step's code when a reload renders it on the server.
 */
function preloadStep(step: StepId | undefined) {
  if (step === "server") void import("./steps/server-step")
  else if (step === "account") void import("./steps/account-step")
  else if (step === "sender") void import("./steps/sender-step")
  else if (step === "domain") void import("@/components/domain/domain-check")
  else if (step === "test") {
    void import("./steps/test-step")
    // The stages show as soon as a test starts, outside a transition: have them ready.
    void import("@/components/results/stage-list")
  } else if (step === "settings") void import("./steps/settings-step")
}

// Loaded when a test starts, so the wizard's first load stays small.
const DeviceCodePanel = dynamic(() =>
  import("@/components/oauth/device-code-panel").then((module) => module.DeviceCodePanel)
)
const TestResult = dynamic(() =>
  import("@/components/results/test-result").then((module) => module.TestResult)
)

const UNREACHABLE_MESSAGE =
  "The test could not run: smtp365's server did not answer. Check that it is still running, then try again."
const CHECKS_UNAVAILABLE_MESSAGE =
  "This step could not be checked: part of the page did not load. Check your connection, then press Next again."

export function SetupWizard({
  practice,
  initialValues,
  initialStep,
}: {
  /** The practice mailboxes and apps; null when practice mode is off. */
  practice: PracticeListing | null
  /** Non-secret values from the address: a colleague's shared link, or this page before a reload. */
  initialValues?: SetupValues | null
  /** The step to resume at after a reload; null for a shared link or a fresh start. */
  initialStep?: StepId | null
}) {
  const form = useForm<SetupValues>({
    // Fetched on the first interaction (see the wizard's root below), not with the page.
    resolver: setupChecks.resolver,
    defaultValues: initialValues ?? defaultSetupValues(),
    mode: "onTouched",
  })
  const method = useWatch({ control: form.control, name: "method.method" })
  const fromAddress = useWatch({ control: form.control, name: "sender.fromAddress" })
  const fromDomain = domainOfAddress(fromAddress.trim())
  const [stepId, setStepId] = useState<StepId>(() =>
    initialStep && initialValues && activeSteps(initialValues.method.method).includes(initialStep)
      ? initialStep
      : "method"
  )
  // The shared-link note is for a link someone sent, not for this page coming back after a reload.
  const [fromLink, setFromLink] = useState(Boolean(initialValues) && !initialStep)
  const [outcome, setOutcome] = useState<TestOutcome | null>(null)
  // The stages of the test now running, as they happen; null when no test runs.
  const [liveStages, setLiveStages] = useState<StageResult[] | null>(null)
  const [sendError, setSendError] = useState<string | null>(null)
  // Next is waiting for the checks; then, presses of Next that found them missing (offline).
  const [checksLoading, setChecksLoading] = useState(false)
  // A step opening while its code loads: the current one stays, and Next shows it is busy.
  const [opening, startOpening] = useTransition()
  const [checksMissed, setChecksMissed] = useState(0)
  const checksMissedRef = useRef<HTMLDivElement>(null)
  const deviceSignIn = useDeviceCodeSignIn()

  // The step on screen, or the one opening while its code loads: Next and Back count from it, so a
  // second click during the transition moves on from there instead of repeating the first move.
  const targetStep = useRef(stepId)

  const rootRef = useRef<HTMLDivElement>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  // Focus follows the user's navigation only: the first render must not steal focus from the page.
  const navigated = useRef(false)

  useEffect(() => {
    // End-to-end tests wait for this before they click: buttons do nothing until React hydrates.
    rootRef.current?.setAttribute("data-hydrated", "true")
  }, [])

  // Before the browser paints: a step opens in a transition, whose effects may run a frame later,
  // and focus must not rest for a frame on the removed button or the page.
  useLayoutEffect(() => {
    if (navigated.current) headingRef.current?.focus()
  }, [stepId])

  useEffect(() => {
    // Not a live region (role="alert" is reserved for failed tests): move focus so it is read out.
    if (checksMissed) checksMissedRef.current?.focus()
  }, [checksMissed])

  // The address keeps the non-secret values and the step (never the password), so a reload
  // resumes where the user was. Debounced: browsers throttle frequent history updates.
  useEffect(() => {
    const untouched = resumeQuery(defaultSetupValues(), "method")
    const remember = () => {
      const query = resumeQuery(exportableValues(form.getValues()), stepId)
      // Nothing entered yet: keep the plain address.
      window.history.replaceState(null, "", query === untouched ? "/" : `?${query}`)
    }
    remember()
    let timer: ReturnType<typeof setTimeout> | undefined
    const unsubscribe = form.subscribe({
      formState: { values: true },
      callback: () => {
        clearTimeout(timer)
        timer = setTimeout(remember, 300)
      },
    })
    return () => {
      clearTimeout(timer)
      unsubscribe()
    }
  }, [form, stepId])

  const steps = activeSteps(method)
  const index = steps.indexOf(stepId)
  const signingIn = ["starting", "waiting"].includes(deviceSignIn.state.status)
  const isSubmitting = form.formState.isSubmitting || signingIn

  function goTo(next: StepId) {
    navigated.current = true
    targetStep.current = next
    startOpening(() => {
      if (next === "sender") prefillFromAddress(form)
      // Going back to change a setting makes the last result stale: the next visit tests again.
      if (STEP_IDS.indexOf(next) < STEP_IDS.indexOf("test")) {
        setOutcome(null)
        setSendError(null)
        // A device code sign-in is for the account as it was: a changed one signs in again.
        deviceSignIn.cancel()
        form.setValue("account.flowId", "")
      }
      setChecksMissed(0)
      setStepId(next)
    })
  }

  async function goNext() {
    const current = targetStep.current
    const next = steps[steps.indexOf(current) + 1]
    preloadStep(next)
    if (!setupChecks.loaded) {
      // Pressed before the checks arrived: wait for them, with Next disabled so that a second
      // press waits too instead of acting on this step again. If they could not be fetched, say so.
      setChecksLoading(true)
      const ready = await setupChecks.ready()
      setChecksLoading(false)
      if (!ready) {
        setChecksMissed((count) => count + 1)
        return
      }
    }
    setChecksMissed(0)
    // The device code sign-in (account.flowId) happens in the Test step, not before leaving Account.
    const fields = STEP_FIELDS[current].filter((field) => field !== "account.flowId")
    const valid = await form.trigger(fields, { shouldFocus: true })
    if (valid && next && current === targetStep.current) goTo(next)
  }

  /** Clears every value and result, and the address, and returns to the first step. */
  function startOver() {
    form.reset(defaultSetupValues())
    setOutcome(null)
    setSendError(null)
    setFromLink(false)
    goTo("method")
  }

  function goBack() {
    const previous = steps[steps.indexOf(targetStep.current) - 1]
    if (previous) goTo(previous)
  }

  /** Takes the user to the first step that holds one of these fields. */
  function goToFirstStepWith(hasError: (field: string) => boolean) {
    const target = steps.find((step) => STEP_FIELDS[step].some(hasError))
    if (target && target !== targetStep.current) goTo(target)
  }

  async function onSend(values: SetupValues) {
    // Fetch the result's code while the test runs.
    void import("@/components/results/test-result")
    setOutcome(null)
    setSendError(null)
    let result
    try {
      result = await sendTestEmail(values)
    } catch {
      setSendError(UNREACHABLE_MESSAGE)
      return
    }
    if (result.kind === "running") {
      await follow(result.progress)
      return
    }
    if (result.kind === "error") {
      setSendError(result.error)
      return
    }
    const fieldErrors = Object.entries(result.fieldErrors)
    const known = new Set(steps.flatMap((step): readonly string[] => STEP_FIELDS[step]))
    for (const [path, message] of fieldErrors) {
      if (known.has(path))
        form.setError(path as FieldPath<SetupValues>, { type: "server", message })
    }
    if (!fieldErrors.some(([path]) => known.has(path))) setSendError(result.error)
    goToFirstStepWith((field) => field in result.fieldErrors)
  }

  /** Shows each stage as the server reports it, then the outcome. */
  async function follow(progress: AsyncIterable<TestProgress>) {
    setLiveStages([])
    try {
      for await (const item of progress) {
        if (item.type === "events") {
          // Transcript lines show in the result; while running, only the stages.
          const { events } = item
          setLiveStages((stages) =>
            events.reduce(
              (shown, event) => (event.type === "stage" ? withStage(shown, event.stage) : shown),
              stages ?? []
            )
          )
        } else if (item.type === "done") {
          setOutcome(item.outcome)
          // The device code sign-in is gone (expired, or another server process): sign in again.
          if (item.outcome.failure?.stage === "token") form.setValue("account.flowId", "")
        } else setSendError(item.error)
      }
    } catch {
      setSendError(UNREACHABLE_MESSAGE)
    } finally {
      setLiveStages(null)
    }
  }

  function onInvalid(errors: FieldErrors<SetupValues>) {
    goToFirstStepWith((field) => Boolean(get(errors, field)))
  }

  /**
   * Device code: checks every other field, signs in (the code shows in the Test step), then sends
   * with the finished sign-in's flowId. A sign-in from an earlier send on this visit is reused.
   */
  async function sendWithDeviceCode() {
    setOutcome(null)
    setSendError(null)
    const fields = steps
      .flatMap((step): readonly string[] => STEP_FIELDS[step])
      .filter((field) => field !== "account.flowId") as FieldPath<SetupValues>[]
    if (!(await form.trigger(fields, { shouldFocus: true }))) {
      goToFirstStepWith((field) => form.getFieldState(field as FieldPath<SetupValues>).invalid)
      return
    }
    if (!form.getValues("account.flowId")) {
      const { tenant, clientId, user } = form.getValues("account")
      const signedIn = await deviceSignIn.signIn(
        { tenant, clientId, user },
        form.getValues("server.practice")
      )
      if (!signedIn.ok) {
        for (const [path, message] of Object.entries(signedIn.fieldErrors ?? {})) {
          form.setError(path as FieldPath<SetupValues>, { type: "server", message })
        }
        if (signedIn.fieldErrors) goToFirstStepWith((field) => field in signedIn.fieldErrors!)
        return
      }
      form.setValue("account.flowId", signedIn.flowId)
    }
    await form.handleSubmit(onSend, onInvalid)()
  }

  function onFormSubmit(event: React.FormEvent<HTMLFormElement>) {
    // Only the Test step sends; Enter elsewhere must not submit the whole setup. One test at a time.
    if (stepId !== "test" || isSubmitting) {
      event.preventDefault()
      return
    }
    const values = form.getValues()
    if (values.method.method === "smtp-auth" && values.account.authType === "oauth-device") {
      event.preventDefault()
      void sendWithDeviceCode()
      return
    }
    if (form.getValues("method.method") !== "smtp-auth") {
      // Direct Send and relay don't sign in: never send a username or password typed earlier.
      form.setValue("account.user", "")
      form.setValue("account.pass", "")
      form.clearErrors("account")
    }
    void form.handleSubmit(onSend, onInvalid)(event)
  }

  const stepperItems: StepperItem[] = STEP_IDS.map((id) => {
    const position = steps.indexOf(id)
    return {
      id,
      title: STEP_TITLES[id],
      state:
        position === -1
          ? "skipped"
          : position < index
            ? "complete"
            : position === index
              ? "current"
              : "upcoming",
    }
  })

  const headingId = `step-${stepId}-heading`
  const showNext = stepId !== "settings" && (stepId !== "test" || outcome !== null)

  return (
    <div
      ref={rootRef}
      data-testid="setup-wizard"
      className="flex flex-col gap-8"
      {...preloadOnFirstUse(setupChecks)}
    >
      {fromLink && stepId === "method" ? (
        <Callout title="Settings from a shared link">
          <p>
            Each step is filled in with the settings someone shared with you. Check them, type the
            password yourself (a link never carries it), and send a test.
          </p>
        </Callout>
      ) : null}
      <Stepper items={stepperItems} onSelect={goTo} />
      <FormProvider {...form}>
        <form noValidate onSubmit={onFormSubmit}>
          <section
            key={stepId}
            aria-labelledby={`${headingId}-label`}
            data-testid="wizard-step"
            data-step={stepId}
            className="flex flex-col gap-6"
          >
            {/*
              The region's name says where the user is ("Step 2 of 5: Server"). A hidden label
              still names it, without being read twice; it also keeps the region from answering
              to the Server field's label.
            */}
            <span id={`${headingId}-label`} hidden>
              Step {index + 1} of {steps.length}: {STEP_TITLES[stepId]}
            </span>
            <h2
              id={headingId}
              ref={headingRef}
              tabIndex={-1}
              className="text-xl font-semibold tracking-tight outline-none"
            >
              {STEP_TITLES[stepId]}
            </h2>
            {stepId === "method" ? <MethodStep /> : null}
            {stepId === "server" ? <ServerStep practiceEnabled={practice !== null} /> : null}
            {stepId === "account" ? <AccountStep practice={practice} /> : null}
            {stepId === "sender" ? <SenderStep /> : null}
            {stepId === "domain" ? <DomainStep fromDomain={fromDomain} /> : null}
            {stepId === "test" ? <TestStep sendError={sendError} busy={signingIn} /> : null}
            {stepId === "settings" ? <SettingsStep /> : null}
          </section>
        </form>
      </FormProvider>
      {stepId === "domain" ? <DomainCheck domain={fromDomain} method={method} /> : null}
      {stepId === "test" && deviceSignIn.state.status !== "idle" && !liveStages && !outcome ? (
        <DeviceCodePanel
          state={deviceSignIn.state}
          onCancel={deviceSignIn.cancel}
          onPracticeSignIn={deviceSignIn.signInPractice}
        />
      ) : null}
      {stepId === "test" && liveStages ? (
        <section
          aria-labelledby="progress-heading"
          aria-busy="true"
          className="flex flex-col gap-3"
        >
          <h2 id="progress-heading" className="text-xl font-semibold tracking-tight">
            Testing…
          </h2>
          <StageList stages={liveStages} />
        </section>
      ) : null}
      {stepId === "test" && outcome ? (
        <TestResult outcome={outcome} settings={() => exportableRows(form.getValues())} />
      ) : null}
      {checksMissed ? (
        <Callout ref={checksMissedRef} tabIndex={-1} tone="destructive" className="outline-none">
          {CHECKS_UNAVAILABLE_MESSAGE}
        </Callout>
      ) : null}
      <div className="flex items-center justify-between gap-3 border-t pt-6">
        <span className="flex items-center gap-2">
          {index > 0 ? (
            <Button variant="outline" onClick={goBack} disabled={isSubmitting}>
              Back
            </Button>
          ) : null}
          {index > 0 || form.formState.isDirty || fromLink ? (
            <Button variant="ghost" onClick={startOver} disabled={isSubmitting}>
              Start over
            </Button>
          ) : null}
        </span>
        {showNext ? (
          <Button
            onClick={() => void goNext()}
            // About to be pressed: fetch the next step's code now.
            onPointerEnter={() => preloadStep(steps[index + 1])}
            onFocus={() => preloadStep(steps[index + 1])}
            // A press must not take focus from the field being left: its check on leaving would
            // show the field's error first, move Next down by a line, and the release would then
            // miss the button, losing the press (and the move of focus to the field to fix).
            onMouseDown={(event) => event.preventDefault()}
            disabled={isSubmitting || checksLoading}
          >
            {opening || checksLoading ? <SpinnerIcon /> : null}
            Next
          </Button>
        ) : null}
      </div>
    </div>
  )
}
