"use client"

import { useEffect } from "react"
import type { UseFormReturn } from "react-hook-form"

import type { SetupValues } from "@/lib/schemas/setup"
import { defaultSetupValues } from "@/lib/setup-defaults"
import { resumeQuery } from "@/lib/share-query"

import { exportableValues } from "./exportable-settings"
import { WIZARD_STEPS, type WizardStep } from "./step-registry"

/**
 * Keeps the non-secret values and the step in the address (never the password), so a reload
 * resumes where the user was. Debounced: browsers throttle frequent history updates.
 */
export function useAddressSync(form: UseFormReturn<SetupValues>, step: WizardStep) {
  // A reload may return to a step whose values it has, not to a result that is gone.
  const resumable = step.phase === "results" ? null : step.id
  useEffect(() => {
    const untouched = resumeQuery(defaultSetupValues(), WIZARD_STEPS[0].id)
    const remember = () => {
      const query = resumeQuery(exportableValues(form.getValues()), resumable)
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
  }, [form, resumable])
}
