import { DMARC_POLICIES, RFC7489, type DmarcPolicy } from "@/lib/microsoft365/dns-records"
import * as SOURCES from "@/lib/microsoft365/sources"

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
 * DMARC: present, one record, its policy, and what alignment means for mail sent through
 * Microsoft 365 (SOURCES.dmarc, SOURCES.dkim, RFC 7489).
 */
export async function checkDmarc(
  lookups: DnsLookups,
  input: { domain: string }
): Promise<DnsCheck> {
  const { domain } = input
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
    sources: [SOURCES.dmarc, RFC7489],
  }
  const starter = {
    type: "TXT" as const,
    name,
    value: `v=DMARC1; p=none; rua=mailto:dmarc-reports@${domain}`,
    note: "Starts by monitoring: put a mailbox that reads the reports in rua, then move to p=quarantine and p=reject once the reports show only your own senders.",
  }

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

  const record = records[0] ?? ""
  const tags = dmarcTags(record)
  const policy = tags.p?.toLowerCase()
  const details: string[] = []
  let status: CheckStatus = "pass"
  if (!DMARC_POLICIES.includes(policy as DmarcPolicy)) {
    return {
      ...base,
      status: "fail",
      summary: "The DMARC record has no valid policy (p=none, quarantine or reject).",
      found: [record],
      publish: [starter],
    }
  }
  if (policy === "none") {
    status = "warn"
    details.push(
      "p=none only monitors: mail that fails DMARC is still delivered. Move to p=quarantine, then p=reject, once the reports show only your own senders."
    )
  } else {
    details.push(
      `p=${policy}: receivers ${policy === "reject" ? "reject" : "send to spam"} mail from this domain that fails DMARC.`
    )
  }
  if (tags.pct && tags.pct !== "100")
    details.push(`pct=${tags.pct}: the policy applies to only ${tags.pct}% of failing mail.`)
  if (!tags.rua)
    details.push(
      "No rua= address: nobody receives the aggregate reports that show who sends as this domain."
    )
  details.push(
    "DMARC passes when SPF or DKIM passes for a domain aligned with the From address. Sign with DKIM for this domain in Microsoft 365, not the onmicrosoft.com domain, so mail aligns even when it is forwarded."
  )
  if (tags.aspf?.toLowerCase() === "s" || tags.adkim?.toLowerCase() === "s") {
    details.push(
      "Strict alignment (aspf=s or adkim=s) needs the exact From domain, not a subdomain: send from addresses in this domain only."
    )
  }
  return {
    ...base,
    status,
    summary: `DMARC is set with policy p=${policy}.`,
    details,
    found: [record],
  }
}
