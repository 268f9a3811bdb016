import { checkAcsDkim, checkAcsManagedDomain, checkAcsVerification } from "./acs"
import { domainCheckPlan, type DnsCheckKind, type DomainCheckPlan } from "./check-plan"
import { checkDkim } from "./dkim"
import { checkDmarc } from "./dmarc"
import { checkMx } from "./mx"
import type { DnsLookups } from "./resolver"
import { checkSpf } from "./spf"
import type { DnsCheck, DomainCheckInput, DomainCheckResult } from "./types"

type Run = (
  lookups: DnsLookups,
  input: DomainCheckInput,
  plan: DomainCheckPlan
) => Promise<{ check: DnsCheck; mxEndpoint?: string | null }>

/** How each kind of check runs; the plan says which run, in which order. */
const RUNS: Record<DnsCheckKind, Run> = {
  mx: async (lookups, input, plan) => {
    const { check, endpoint } = await checkMx(lookups, input)
    // The MX endpoint is what Microsoft 365's routes use; a route that sends without it has none.
    return { check, mxEndpoint: plan.mx === "informational" ? null : endpoint }
  },
  spf: async (lookups, input) => ({ check: await checkSpf(lookups, input) }),
  dkim: async (lookups, input) => ({ check: await checkDkim(lookups, input) }),
  dmarc: async (lookups, input, plan) => ({
    check: await checkDmarc(lookups, { domain: input.domain, sender: plan.sender }),
  }),
  "acs-verification": async (lookups, input) => ({
    check: await checkAcsVerification(lookups, input),
  }),
  "acs-dkim": async (lookups, input) => ({ check: await checkAcsDkim(lookups, input) }),
  "acs-managed-domain": async (_lookups, input) => ({ check: checkAcsManagedDomain(input) }),
}

/**
 * Runs the checks the sending method's plan lists (domainCheckPlan) for a sender domain, side by
 * side. Each check reports DNS errors as results; none throws for what DNS answers (or does not).
 */
export async function checkDomain(
  lookups: DnsLookups,
  input: DomainCheckInput
): Promise<DomainCheckResult> {
  const domain = input.domain.toLowerCase().replace(/\.$/, "")
  const plan = domainCheckPlan(input.method, domain)
  const runs = await Promise.all(
    plan.checks.map((kind) => RUNS[kind](lookups, { ...input, domain }, plan))
  )
  return {
    domain,
    method: input.method,
    mxEndpoint: runs.find((run) => run.mxEndpoint !== undefined)?.mxEndpoint ?? null,
    checks: runs.map((run) => run.check),
  }
}
