"use client"

import { useEffect, useRef, useState } from "react"
import type { FieldValues, UseFormReturn } from "react-hook-form"

import { SERVER_UNREACHABLE_MESSAGE, setFieldErrors, type ActionResult } from "@/lib/action-result"

/**
 * A form whose submit calls a server action and shows what it answers: its data, the field
 * errors at their fields (the first one focused), or a failure, which takes focus so that it is
 * read out (role="alert" is kept for failed tests). One call at a time: the submit button stays
 * focusable while busy (aria-disabled), so a second press is ignored here. When the server does
 * not answer at all, the failure is SERVER_UNREACHABLE_MESSAGE.
 *
 * Give `rootRef` to the form's outer element: it is marked data-hydrated once React runs, which
 * end-to-end tests wait for before they type. Give `failureRef` to the failure's callout.
 */
export function useActionForm<TValues extends FieldValues, TSubmitted, TResult>({
  form,
  action,
}: {
  form: UseFormReturn<TValues, unknown, TSubmitted>
  action: (values: TSubmitted) => Promise<ActionResult<TResult>>
}) {
  const { isSubmitting } = form.formState
  const [result, setResult] = useState<TResult | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const rootRef = useRef<HTMLDivElement>(null)
  const failureRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    rootRef.current?.setAttribute("data-hydrated", "true")
  }, [])

  useEffect(() => {
    if (failure) failureRef.current?.focus()
  }, [failure])

  function clear() {
    setResult(null)
    setFailure(null)
  }

  async function call(values: TSubmitted) {
    clear()
    let answer
    try {
      answer = await action(values)
    } catch {
      setFailure(SERVER_UNREACHABLE_MESSAGE)
      return
    }
    if (answer.ok) {
      setResult(answer.data)
      return
    }
    const [first] = setFieldErrors(form, answer.fieldErrors)
    if (first) form.setFocus(first)
    else setFailure(answer.error)
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    if (isSubmitting) {
      event.preventDefault()
      return
    }
    void form.handleSubmit(call)(event)
  }

  return { result, failure, isSubmitting, rootRef, failureRef, onSubmit, clear }
}
