import type { UseFormReturn } from "react-hook-form"

import { guessMxHost } from "@/lib/microsoft365/endpoints"
import { defaultHost, methodInfo } from "@/lib/microsoft365/methods"
import type { SetupValues } from "@/lib/schemas/setup"
import { signInOf } from "@/lib/schemas/sign-in"
import type { SendingMethod } from "@/lib/schemas/setup-fields"

type Form = Pick<UseFormReturn<SetupValues>, "getFieldState" | "getValues" | "setValue">
type PrefilledField = "server.host" | "server.port" | "server.security" | "sender.fromAddress"

/**
 * Sets a value the wizard suggests, unless the user typed their own (the field is dirty, i.e.
 * differs from its default). Revalidates only a field already showing an error.
 */
function suggest(form: Form, name: PrefilledField, value: string) {
  const state = form.getFieldState(name)
  if (state.isDirty) return
  form.setValue(name, value, { shouldValidate: Boolean(state.error) })
}

/** Choosing a method fills the Server step with that method's host, port and security. */
export function applyMethodDefaults(form: Form, method: SendingMethod) {
  const { defaults } = methodInfo(method)
  suggest(form, "server.port", defaults.port)
  suggest(form, "server.security", defaults.security)
  suggest(form, "server.host", defaultHost(method, form.getValues("server.domain")))
}

/** Direct Send and relay: the domain's guessed MX endpoint fills Server. */
export function fillHostFromDomain(form: Form, domain: string) {
  suggest(form, "server.host", guessMxHost(domain))
}

/** Direct Send and relay: the tenant's MX endpoint found in DNS replaces the guess (never a typed host). */
export function fillHostFromMx(form: Form, endpoint: string) {
  suggest(form, "server.host", endpoint)
}

/**
 * When a mailbox or an HVE account signs in, its address is the natural From address. Azure
 * Communication Services' username names an app, not an address that may send.
 */
export function prefillFromAddress(form: Form) {
  const signIn = signInOf(form.getValues())
  if (signIn === "none" || signIn === "app-secret") return
  const user = form.getValues("account.user").trim()
  if (user && !form.getValues("sender.fromAddress").trim()) {
    form.setValue("sender.fromAddress", user)
  }
}
