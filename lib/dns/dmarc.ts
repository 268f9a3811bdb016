import { getDomain } from "tldts-icann"

import { DMARC_POLICIES, RFC7489, type DmarcPolicy } from "@/lib/microsoft365/dns-records"
import * as SOURCES from "@/lib/microsoft365/sources"
import type { Source } from "@/lib/microsoft365/sources"

import type { DomainSender } from "./check-plan"
import { describeFailure, isAbsent, type DnsLookups } from "./resolver"
import type { CheckStatus, DnsCheck } from "./types"

/** A DMARC record's tags: "v=DMARC1; p=reject; rua=…" → { v, p, rua }. */
export function dmarcTags(record: string): Record<string, string> {
  const tags: Record<string, string> = {}
  for (const part of record.split(";")) {
    const at = part.indexOf("=")
    if (at < 0) continue
    tags[part.slice(0, at).trim().toLowerCase()] = part.slice(at + 1).trim()
  }
  return tags
}

const isDmarc = (text: string) => /^v\s*=\s*DMARC1\s*(;|$)/i.test(text)

/**
 * The organizational domain whose record applies to a domain without one of its own: the
 * registered domain under a public suffix (RFC 7489 §3.2, §6.6.3), from the ICANN section of the
 * Public Suffix List that tldts-icann ships. Null when the domain is that domain already.
 */
export function organizationalDomain(domain: string): string | null {
  const organizational = getDomain(domain)
  return organizational && organizational !== domain ? organizational : null
}

/**
 * What alignment takes for mail from the service that sends (SOURCES.dmarc, SOURCES.dkim), and its
 * own page on DMARC for Azure Communication Services (SOURCES.acsAuthenticationPractices).
 */
const ALIGNMENT: Record<DomainSender, { text: string; sources: readonly Source[] }> = {
  microsoft365: {
    text: "DMARC passes when SPF or DKIM passes for a domain aligned with the From address. Sign with DKIM for this domain in Microsoft 365, not the onmicrosoft.com domain, so mail aligns even when it is forwarded.",
    sources: [SOURCES.dmarc, RFC7489],
  },
  acs: {
    text: "DMARC passes when SPF or DKIM passes for a domain aligned with the From address. Set up Azure Communication Services' DKIM records for this domain (the DKIM check), so its mail aligns even when it is forwarded.",
    sources: [SOURCES.acsAuthenticationPractices, SOURCES.dmarc, RFC7489],
  },
}

/** A first DMARC record for a domain: monitoring, with reports. */
function starterRecord(domain: string): DnsCheck["publish"][number] {
  return {
    type: "TXT",
    name: `_dmarc.${domain}`,
    value: `v=DMARC1; p=none; rua=mailto:dmarc-reports@${domain}`,
    note: "Starts by monitoring: put a mailbox that reads the reports in rua, then move to p=quarantine and p=reject once the reports show only your own senders.",
  }
}

/**
 * DMARC: present, one record, its policy, and what alignment means for mail sent through
 * Microsoft 365 or Azure Communication Services (ALIGNMENT; RFC 7489).
 */
export async function checkDmarc(
  lookups: DnsLookups,
  input: { domain: string; sender?: DomainSender }
): Promise<DnsCheck> {
  const { domain, sender = "microsoft365" } = input
  const alignment = ALIGNMENT[sender]
  const name = `_dmarc.${domain}`
  const base: DnsCheck = {
    id: "dmarc",
    title: "DMARC",
    status: "pass",
    summary: "",
    details: [],
    found: [],
    publish: [],
    commands: [],
    sources: [...alignment.sources],
  }
  const starter = starterRecord(domain)

  const txt = await lookups.txt(name)
  if (!txt.ok && !isAbsent(txt.failure)) {
    return {
      ...base,
      status: "warn",
      summary: `Could not check DMARC: ${name} ${describeFailure(txt.failure)}.`,
    }
  }
  const records = txt.ok ? txt.records.filter(isDmarc) : []
  if (records.length === 0) {
    // Receivers then use the organizational domain's record, with its sp= policy if it has one.
    const organizational = organizationalDomain(domain)
    const inherited = organizational ? await lookups.txt(`_dmarc.${organizational}`) : undefined
    if (inherited && !inherited.ok && !isAbsent(inherited.failure)) {
      return {
        ...base,
        status: "warn",
        summary: `Could not check DMARC: ${domain} has no record of its own, and _dmarc.${organizational} ${describeFailure(inherited.failure)}.`,
      }
    }
    const parentRecords = inherited?.ok ? inherited.records.filter(isDmarc) : []
    if (organizational && parentRecords.length === 1) {
      return readPolicy(base, parentRecords[0] ?? "", { domain, organizational }, alignment.text)
    }
    return {
      ...base,
      status: "warn",
      summary: `${domain} has no DMARC record.`,
      details: [
        "Without DMARC, receivers apply their own rules to mail that fails SPF and DKIM, and large mailbox providers expect one from bulk senders.",
      ],
      publish: [starter],
    }
  }
  if (records.length > 1) {
    return {
      ...base,
      status: "fail",
      summary: `${name} has ${records.length} DMARC records; receivers ignore DMARC when there is more than one.`,
      found: records,
      publish: [{ ...starter, note: "Keep one record and delete the others." }],
    }
  }

  return readPolicy(base, records[0] ?? "", { domain }, alignment.text)
}

/**
 * Reads a DMARC record's policy. For a domain without a record of its own, `organizational` names
 * the domain the record was found at, and its sp= policy applies when it has one (RFC 7489 §6.3).
 */
function readPolicy(
  base: DnsCheck,
  record: string,
  where: { domain: string; organizational?: string },
  alignment: string
): DnsCheck {
  const { domain, organizational } = where
  const tags = dmarcTags(record)
  const policy = (organizational ? (tags.sp ?? tags.p) : tags.p)?.toLowerCase()
  const tag = organizational && tags.sp ? "sp" : "p"
  const details: string[] = []
  let status: CheckStatus = "pass"
  if (!DMARC_POLICIES.includes(policy as DmarcPolicy)) {
    return {
      ...base,
      status: "fail",
      summary: `The DMARC record${organizational ? ` of ${organizational}` : ""} has no valid policy (${tag}=none, quarantine or reject).`,
      found: [record],
      publish: [starterRecord(organizational ?? domain)],
    }
  }
  if (organizational) {
    details.push(
      `${domain} has no DMARC record of its own, so receivers use the one of its organizational domain, ${organizational}${tag === "sp" ? `, with its subdomain policy (sp=${policy})` : ""}. Publish _dmarc.${domain} to give ${domain} a policy of its own.`
    )
  }
  if (policy === "none") {
    status = "warn"
    details.push(
      `${tag}=none only monitors: mail that fails DMARC is still delivered. Move to quarantine, then reject, once the reports show only your own senders.`
    )
  } else {
    details.push(
      `${tag}=${policy}: receivers ${policy === "reject" ? "reject" : "send to spam"} mail from this domain that fails DMARC.`
    )
  }
  if (tags.pct && tags.pct !== "100")
    details.push(`pct=${tags.pct}: the policy applies to only ${tags.pct}% of failing mail.`)
  if (!tags.rua)
    details.push(
      "No rua= address: nobody receives the aggregate reports that show who sends as this domain."
    )
  details.push(alignment)
  if (tags.aspf?.toLowerCase() === "s" || tags.adkim?.toLowerCase() === "s") {
    details.push(
      "Strict alignment (aspf=s or adkim=s) needs the exact From domain, not a subdomain: send from addresses in this domain only."
    )
  }
  return {
    ...base,
    status,
    summary: organizational
      ? `DMARC is set by ${organizational}'s record, with policy ${tag}=${policy}.`
      : `DMARC is set with policy p=${policy}.`,
    details,
    found: [record],
  }
}
