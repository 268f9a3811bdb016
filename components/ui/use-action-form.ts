"use client"

import { useEffect, useRef, useState } from "react"
import type { FieldValues, Path, UseFormReturn } from "react-hook-form"

/** What a form's server action answers: its result, invalid input (per field), or an error. */
export type FormActionAnswer<TResult> =
  | { kind: "invalid"; error: string; fieldErrors: Record<string, string> }
  | { kind: "error"; error: string }
  | { kind: string; result: TResult }

/**
 * A form whose submit calls a server action and shows what it answers: the result, the field
 * errors at their fields (the first one focused), or a failure, which takes focus so that it is
 * read out (role="alert" is kept for failed tests). One call at a time: the submit button stays
 * focusable while busy (aria-disabled), so a second press is ignored here. `unreachableMessage` is
 * the failure when the server does not answer at all.
 *
 * Give `rootRef` to the form's outer element: it is marked data-hydrated once React runs, which
 * end-to-end tests wait for before they type. Give `failureRef` to the failure's callout.
 */
export function useActionForm<TValues extends FieldValues, TSubmitted, TResult>({
  form,
  action,
  unreachableMessage,
}: {
  form: UseFormReturn<TValues, unknown, TSubmitted>
  action: (values: TSubmitted) => Promise<FormActionAnswer<TResult>>
  unreachableMessage: string
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
      setFailure(unreachableMessage)
      return
    }
    if ("result" in answer) {
      setResult(answer.result)
    } else if (answer.kind === "invalid") {
      const names = Object.keys(answer.fieldErrors) as Path<TValues>[]
      for (const name of names) {
        form.setError(name, { type: "server", message: answer.fieldErrors[name] })
      }
      if (names[0]) form.setFocus(names[0])
      else setFailure(answer.error)
    } else {
      setFailure(answer.error)
    }
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
