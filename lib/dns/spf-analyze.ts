import { SPF_LOOKUP_LIMIT } from "@/lib/microsoft365/dns-records"

import { isAbsent, type DnsLookups, type LookupFailure } from "./resolver"
import { DNS_MECHANISMS, isSpfRecord, parseSpf } from "./spf-record"

export interface SpfAnalysis {
  /**
   * DNS-querying terms in the whole tree (include, a, mx, ptr, exists, redirect), counted as a
   * receiver would if no mechanism matched first: the worst case the limit of 10 applies to.
   */
  lookups: number
  /** Every domain reached through include: or redirect=, in order. */
  included: string[]
  /** What makes the record a permerror for every receiver (syntax, an include without SPF). */
  problems: string[]
  /** A lookup that failed (timeout, SERVFAIL): the count may be short. */
  failure?: { name: string; failure: LookupFailure }
}

/** Stop following includes well past the limit: the verdict is known, and loops end here. */
const FOLLOW_AT_MOST = SPF_LOOKUP_LIMIT * 3

/**
 * Walks an SPF record and everything it includes or redirects to, counting DNS lookups against
 * RFC 7208's limit of 10 whatever the sending IP. Terms with macros are counted, not followed.
 */
export async function analyzeSpf(lookups: DnsLookups, record: string): Promise<SpfAnalysis> {
  const analysis: SpfAnalysis = { lookups: 0, included: [], problems: [] }

  async function walk(text: string, where: string) {
    const parsed = parseSpf(text)
    if (!parsed.ok) {
      analysis.problems.push(`${where}: ${parsed.error}.`)
      return
    }
    const { mechanisms, redirect } = parsed.record
    const followed: string[] = []
    for (const mechanism of mechanisms) {
      if (!DNS_MECHANISMS.has(mechanism.name)) continue
      analysis.lookups += 1
      if (mechanism.name === "include" && mechanism.domainSpec) followed.push(mechanism.domainSpec)
    }
    if (redirect && !mechanisms.some((mechanism) => mechanism.name === "all")) {
      analysis.lookups += 1
      followed.push(redirect)
    }
    for (const spec of followed) {
      if (spec.includes("%") || analysis.lookups > FOLLOW_AT_MOST || analysis.failure) continue
      const name = spec.toLowerCase().replace(/\.$/, "")
      analysis.included.push(name)
      const txt = await lookups.txt(name)
      if (!txt.ok && !isAbsent(txt.failure)) {
        analysis.failure = { name, failure: txt.failure }
        continue
      }
      const records = txt.ok ? txt.records.filter(isSpfRecord) : []
      if (records.length !== 1) {
        analysis.problems.push(
          records.length === 0
            ? `${name} (included) has no SPF record: receivers return permerror.`
            : `${name} (included) has ${records.length} SPF records: receivers return permerror.`
        )
        continue
      }
      await walk(records[0] ?? "", name)
    }
  }

  await walk(record, "The record")
  return analysis
}
