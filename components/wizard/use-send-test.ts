"use client"

import { get, type FieldErrors, type FieldPath, type UseFormReturn } from "react-hook-form"

import { setFieldErrors } from "@/lib/action-result"
import type { SetupValues } from "@/lib/schemas/setup"
import { signInOf } from "@/lib/schemas/sign-in"
import type { useDeviceCodeSignIn } from "@/components/oauth/use-device-code-sign-in"

import { SIGN_IN_FLOW_FIELD, type WizardStep } from "./step-registry"
import type { useTestRun } from "./use-test-run"

/**
 * The wizard form's submit: the Test step's "Send test email". Checks every step that applies,
 * runs the device code sign-in first when the setup signs in that way, then the test; a field the
 * form or the server refuses takes the user to the step that holds it.
 */
export function useSendTest({
  form,
  steps,
  onTestStep,
  run,
  deviceSignIn,
  goToFirstStepWith,
}: {
  form: UseFormReturn<SetupValues>
  /** The steps that apply to the setup now. */
  steps: readonly WizardStep[]
  onTestStep: boolean
  run: ReturnType<typeof useTestRun>
  deviceSignIn: ReturnType<typeof useDeviceCodeSignIn>
  goToFirstStepWith: (hasError: (field: string) => boolean) => void
}) {
  const signingIn = ["starting", "waiting"].includes(deviceSignIn.state.status)
  const isSubmitting = form.formState.isSubmitting || signingIn
  const stepFields = () => steps.flatMap((step): readonly string[] => step.fields)

  /** Puts the server's messages at the fields the steps show, and opens the first one's step. */
  function showFieldErrors(fieldErrors: Record<string, string> | undefined): boolean {
    const named: string[] = setFieldErrors(form, fieldErrors, stepFields())
    goToFirstStepWith((field) => named.includes(field))
    return named.length > 0
  }

  async function onSend(values: SetupValues) {
    const refused = await run.run(values)
    // A refusal that names no field the steps show is the test's error.
    if (refused && !showFieldErrors(refused.fieldErrors)) run.setError(refused.error)
  }

  function onInvalid(errors: FieldErrors<SetupValues>) {
    goToFirstStepWith((field) => Boolean(get(errors, field)))
  }

  /**
   * Device code: checks every other field, signs in (the code shows in the Test step), then sends
   * with the finished sign-in's flowId. A sign-in from an earlier send on this visit is reused.
   */
  async function sendWithDeviceCode() {
    run.clear()
    const fields = stepFields().filter(
      (field) => field !== SIGN_IN_FLOW_FIELD
    ) as FieldPath<SetupValues>[]
    if (!(await form.trigger(fields, { shouldFocus: true }))) {
      goToFirstStepWith((field) => form.getFieldState(field as FieldPath<SetupValues>).invalid)
      return
    }
    if (!form.getValues(SIGN_IN_FLOW_FIELD)) {
      const { tenant, clientId, user } = form.getValues("account")
      const signedIn = await deviceSignIn.signIn(
        { tenant, clientId, user },
        form.getValues("server.practice")
      )
      if (!signedIn.ok) {
        showFieldErrors(signedIn.fieldErrors)
        return
      }
      form.setValue(SIGN_IN_FLOW_FIELD, signedIn.flowId)
    }
    await form.handleSubmit(onSend, onInvalid)()
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    // Only the Test step sends; Enter elsewhere must not submit the whole setup. One test at a time.
    if (!onTestStep || isSubmitting) {
      event.preventDefault()
      return
    }
    const signIn = signInOf(form.getValues())
    if (signIn === "oauth-device") {
      event.preventDefault()
      void sendWithDeviceCode()
      return
    }
    if (signIn === "none") {
      // Direct Send and relay don't sign in: never send a username or password typed earlier.
      form.setValue("account.user", "")
      form.setValue("account.pass", "")
      form.clearErrors("account")
    }
    void form.handleSubmit(onSend, onInvalid)(event)
  }

  return { onSubmit, signingIn, isSubmitting }
}
