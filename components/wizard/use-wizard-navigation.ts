"use client"

import { useEffect, useLayoutEffect, useRef, useState, useTransition } from "react"
import type { UseFormReturn } from "react-hook-form"

import type { SetupValues } from "@/lib/schemas/setup"

import { setupChecks } from "./setup-checks"
import { SIGN_IN_FLOW_FIELD, findStep, type WizardStep } from "./step-registry"

/**
 * Moving between the wizard's steps: Next checks the current step's fields first, Back never
 * checks, and focus follows the user to the new step's heading. `steps` are the steps that apply
 * to the setup now (they change with the method); `onOpen` runs as a step opens, in the same
 * transition (prefills, clearing a stale result).
 */
export function useWizardNavigation({
  form,
  steps,
  initialStep,
  onOpen,
}: {
  form: UseFormReturn<SetupValues>
  steps: readonly WizardStep[]
  initialStep: WizardStep
  onOpen: (step: WizardStep) => void
}) {
  const [stepId, setStepId] = useState(initialStep.id)
  // A step opening while its code loads: the current one stays, and Next shows it is busy.
  const [opening, startOpening] = useTransition()
  // Next is waiting for the checks; then, presses of Next that found them missing (offline).
  const [checksLoading, setChecksLoading] = useState(false)
  const [checksMissed, setChecksMissed] = useState(0)
  const checksMissedRef = useRef<HTMLDivElement>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  // The step on screen, or the one opening while its code loads: Next and Back count from it, so a
  // second click during the transition moves on from there instead of repeating the first move.
  const targetStep = useRef(stepId)
  // Focus follows the user's navigation only: the first render must not steal focus from the page.
  const navigated = useRef(false)

  // Before the browser paints: a step opens in a transition, whose effects may run a frame later,
  // and focus must not rest for a frame on the removed button or the page.
  useLayoutEffect(() => {
    if (navigated.current) headingRef.current?.focus()
  }, [stepId])

  useEffect(() => {
    // Not a live region (role="alert" is reserved for failed tests): move focus so it is read out.
    if (checksMissed) checksMissedRef.current?.focus()
  }, [checksMissed])

  const index = steps.findIndex((step) => step.id === stepId)
  const step = findStep(stepId) ?? initialStep
  const position = (id: string) => steps.findIndex((candidate) => candidate.id === id)

  function goTo(next: WizardStep) {
    navigated.current = true
    targetStep.current = next.id
    startOpening(() => {
      onOpen(next)
      setChecksMissed(0)
      setStepId(next.id)
    })
  }

  async function goNext() {
    const current = targetStep.current
    const next = steps[position(current) + 1]
    next?.preload?.()
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
    const fields = (steps[position(current)]?.fields ?? []).filter(
      (field) => field !== SIGN_IN_FLOW_FIELD
    )
    const valid = await form.trigger(fields, { shouldFocus: true })
    if (valid && next && current === targetStep.current) goTo(next)
  }

  function goBack() {
    const previous = steps[position(targetStep.current) - 1]
    if (previous) goTo(previous)
  }

  /**
   * Takes the user to the first step that holds one of these fields, unless the step on screen
   * asks for it again (a secret a reload emptied, asked for on the Test step).
   */
  function goToFirstStepWith(hasError: (field: string) => boolean) {
    const here: readonly string[] = findStep(targetStep.current)?.asksAgain ?? []
    const target = steps.find((candidate) =>
      candidate.fields.some((field) => hasError(field) && !here.includes(field))
    )
    if (target && target.id !== targetStep.current) goTo(target)
  }

  return {
    step,
    index,
    goTo,
    goNext,
    goBack,
    goToFirstStepWith,
    /** Preloads the step after the current one, about to be opened. */
    preloadNext: () => steps[index + 1]?.preload?.(),
    headingRef,
    opening,
    checksLoading,
    checksMissed,
    checksMissedRef,
  }
}
