import { checkDkim } from "./dkim"
import { checkDmarc } from "./dmarc"
import { checkMx } from "./mx"
import type { DnsLookups } from "./resolver"
import { checkSpf } from "./spf"
import type { DomainCheckInput, DomainCheckResult } from "./types"

/**
 * Runs the MX, SPF, DKIM and DMARC checks for a sender domain, side by side. Each check reports
 * DNS errors as results; none throws for what DNS answers (or does not).
 */
export async function checkDomain(
  lookups: DnsLookups,
  input: DomainCheckInput
): Promise<DomainCheckResult> {
  const domain = input.domain.toLowerCase().replace(/\.$/, "")
  const [mx, spf, dkim, dmarc] = await Promise.all([
    checkMx(lookups, { domain, method: input.method }),
    checkSpf(lookups, { domain, method: input.method, deviceIp: input.deviceIp }),
    checkDkim(lookups, { domain, initialDomain: input.initialDomain }),
    checkDmarc(lookups, { domain }),
  ])
  return {
    domain,
    method: input.method,
    mxEndpoint: mx.endpoint,
    checks: [mx.check, spf, dkim, dmarc],
  }
}
