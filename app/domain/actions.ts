"use server"

import { validatedAction } from "@/lib/actions/validated-action"
import { configuredLookups } from "@/lib/dns/configured-lookups"
import { checkMx } from "@/lib/dns/mx"
import { domainCheckSchema } from "@/lib/dns/domain-check-schema"
import { serverStepSchema } from "@/lib/schemas/setup"
import { limitDomainCheck } from "@/lib/security/limit-test-send"

/**
 * Checks a sender domain's records for the sending method (its plan: MX, SPF, DKIM, DMARC, and
 * Azure Communication Services' verification TXT). Only DNS is queried, through
 * SMTP365_DNS_SERVERS when set; every lookup has a timeout, and DNS errors come back as results
 * (a throw is a bug). A check makes about 16 queries: limited per client address, together with
 * findMxEndpoint (limitDomainCheck).
 */
export const checkDomain = validatedAction(
  domainCheckSchema,
  {
    name: "checkDomain",
    invalid: "Some fields are invalid.",
    unexpected: "smtp365 hit an unexpected error checking the domain. Try again.",
    limit: () => limitDomainCheck(),
  },
  async (request) => {
    // Loaded at the first check, not with the page's other actions (Next.js loads them together
    // at the first call of any): its Public Suffix List would delay the first test send.
    const { checkDomain: runDomainCheck } = await import("@/lib/dns/check-domain")
    return { ok: true, data: await runDomainCheck(configuredLookups(), request) }
  }
)

const NO_DOMAIN = "Enter a domain such as contoso.com."

/**
 * The tenant's MX endpoint for a domain, from its MX record, for the Server step of Direct Send
 * and relay. `endpoint` is null when DNS shows none (the summary says why). Counted with
 * checkDomain against the domain check limit, unless there is no domain to look up.
 */
export const findMxEndpoint = validatedAction(
  serverStepSchema.shape.domain,
  {
    name: "findMxEndpoint",
    invalid: NO_DOMAIN,
    unexpected: "smtp365 hit an unexpected error looking up the MX record. Try again.",
    limit: async (domain) => (domain ? limitDomainCheck() : null),
  },
  async (domain) => {
    if (!domain) return { ok: false, error: NO_DOMAIN }
    const { check, endpoint } = await checkMx(configuredLookups(), {
      domain,
      method: "direct-send",
    })
    return { ok: true, data: { endpoint, summary: check.summary } }
  }
)
