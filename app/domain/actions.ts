"use server"

import { checkDomain as runDomainCheck } from "@/lib/dns/check-domain"
import { configuredLookups } from "@/lib/dns/configured-lookups"
import { checkMx } from "@/lib/dns/mx"
import { domainCheckSchema } from "@/lib/dns/domain-check-schema"
import { serverStepSchema, toFieldErrors } from "@/lib/schemas/setup"

import type { CheckDomainResult } from "./action-result"

/**
 * Checks a sender domain's MX, SPF, DKIM and DMARC records. Only DNS is queried, through
 * SMTP365_DNS_SERVERS when set; every lookup has a timeout, and DNS errors come back as results.
 */
export async function checkDomain(input: unknown): Promise<CheckDomainResult> {
  const parsed = domainCheckSchema.safeParse(input)
  if (!parsed.success) {
    return {
      kind: "invalid",
      error: "Some fields are invalid.",
      fieldErrors: toFieldErrors(parsed.error),
    }
  }
  try {
    return { kind: "checked", result: await runDomainCheck(configuredLookups(), parsed.data) }
  } catch (error) {
    // A bug: the checks turn DNS errors into results.
    console.error(
      "checkDomain failed unexpectedly:",
      error instanceof Error ? error.name : typeof error
    )
    return {
      kind: "error",
      error: "smtp365 hit an unexpected error checking the domain. Try again.",
    }
  }
}

/**
 * The tenant's MX endpoint for a domain, from its MX record, for the Server step of Direct Send
 * and relay. `endpoint` is null when DNS shows none (the summary says why).
 */
export async function findMxEndpoint(
  domain: unknown
): Promise<{ endpoint: string | null; summary: string } | null> {
  const parsed = serverStepSchema.shape.domain.safeParse(domain)
  if (!parsed.success || !parsed.data) return null
  try {
    const { check, endpoint } = await checkMx(configuredLookups(), {
      domain: parsed.data,
      method: "direct-send",
    })
    return { endpoint, summary: check.summary }
  } catch (error) {
    console.error(
      "findMxEndpoint failed unexpectedly:",
      error instanceof Error ? error.name : typeof error
    )
    return null
  }
}
