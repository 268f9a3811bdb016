import { STEP_IDS, type SetupValues, type StepId } from "@/lib/schemas/setup-fields"

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
  if (values.method.method === "smtp-auth") {
    add(PARAM.user, values.account.user)
    const authType = values.account.authType ?? "password"
    if (authType !== "password") {
      add(PARAM.authType, authType)
      add(PARAM.tenant, values.account.tenant ?? "")
      add(PARAM.clientId, values.account.clientId ?? "")
    }
  }
  add(PARAM.fromAddress, values.sender.fromAddress)
  add(PARAM.fromName, values.sender.fromName)
  add(PARAM.to, values.test.to)
  return query.toString()
}

/** Steps a reload may return to: the later ones need a test that has just run. */
const RESUMABLE_STEPS: readonly StepId[] = STEP_IDS.slice(0, STEP_IDS.indexOf("test") + 1)
const STEP_PARAM = "step"

/** The wizard's own address while it is used: the share query and the current step, so a reload resumes. */
export function resumeQuery(values: SetupValues, step: StepId): string {
  const query = new URLSearchParams(shareQuery(values))
  // Always set, even for the first step: it tells a reload from a link someone shared.
  if (RESUMABLE_STEPS.includes(step)) query.set(STEP_PARAM, step)
  return query.toString()
}

/** The step to resume at after a reload, or null for a fresh start (or a shared link). */
export function resumedStep(params: ShareParams): StepId | null {
  const step = first(params, STEP_PARAM)
  return RESUMABLE_STEPS.find((id) => id === step) ?? null
}

/** A query parameter's value; the first one when it is repeated. */
export function first(params: ShareParams, name: string): string | undefined {
  const value = params[name]
  return Array.isArray(value) ? value[0] : value
}
