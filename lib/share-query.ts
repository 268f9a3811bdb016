import type { SetupValues } from "@/lib/schemas/setup"
import { isOAuth, signInOf } from "@/lib/schemas/sign-in"

/**
 * A link that reopens the wizard with the same settings, to hand to a colleague. It carries the
 * non-secret values only: there is no parameter for the password or the client secret (nor the
 * device code sign-in), and none is ever read. The tenant and client IDs are identifiers, not
 * secrets: the Entra admin center shows them to anyone who can read the app registration.
 */
export type ShareParams = Record<string, string | string[] | undefined>

/** Query parameter names: short, readable in the address bar, stable (links are shared). */
export const PARAM = {
  method: "method",
  practice: "practice",
  domain: "domain",
  host: "host",
  port: "port",
  security: "security",
  user: "user",
  authType: "auth",
  tenant: "tenant",
  clientId: "client",
  fromAddress: "from",
  fromName: "name",
  to: "to",
} as const

/** The query string (without "?") for these values. */
export function shareQuery(values: SetupValues): string {
  const query = new URLSearchParams()
  const add = (name: string, value: string) => {
    if (value) query.set(name, value)
  }
  add(PARAM.method, values.method.method)
  if (values.server.practice) add(PARAM.practice, "1")
  add(PARAM.domain, values.server.domain)
  add(PARAM.host, values.server.host)
  add(PARAM.port, values.server.port)
  add(PARAM.security, values.server.security)
  const signIn = signInOf(values)
  if (signIn !== "none") {
    add(PARAM.user, values.account.user)
    if (isOAuth(signIn)) {
      add(PARAM.authType, signIn)
      add(PARAM.tenant, values.account.tenant ?? "")
      add(PARAM.clientId, values.account.clientId ?? "")
    }
  }
  add(PARAM.fromAddress, values.sender.fromAddress)
  add(PARAM.fromName, values.sender.fromName)
  add(PARAM.to, values.test.to)
  return query.toString()
}

const STEP_PARAM = "step"

/**
 * The wizard's own address while it is used: the share query and the current step, so a reload
 * resumes. `step` is null on a step a reload may not return to (the wizard's step registry says
 * which).
 */
export function resumeQuery(values: SetupValues, step: string | null): string {
  const query = new URLSearchParams(shareQuery(values))
  // Always set, even for the first step: it tells a reload from a link someone shared.
  if (step) query.set(STEP_PARAM, step)
  return query.toString()
}

/**
 * The step named in the address, for the wizard to resume at after a reload (it checks the name
 * against its steps), or null for a fresh start or a shared link.
 */
export function resumedStep(params: ShareParams): string | null {
  const step = first(params, STEP_PARAM)
  return step && /^[a-z-]{1,32}$/.test(step) ? step : null
}

/** A query parameter's value; the first one when it is repeated. */
export function first(params: ShareParams, name: string): string | undefined {
  const value = params[name]
  return Array.isArray(value) ? value[0] : value
}
