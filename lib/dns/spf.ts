import { isIP } from "node:net"

import type { SendingMethod } from "@/lib/schemas/setup-fields"
import {
  ACS_SPF,
  ACS_WHERE_TO_FIND,
  SPF_INCLUDES,
  SPF_LOOKUP_LIMIT,
  RFC7208,
} from "@/lib/microsoft365/dns-records"
import * as SOURCES from "@/lib/microsoft365/sources"
import type { Source } from "@/lib/microsoft365/sources"

import { domainCheckPlan, type DomainSender } from "./check-plan"
import { describeFailure, isAbsent, type DnsLookups } from "./resolver"
import { analyzeSpf } from "./spf-analyze"
import { checkHost } from "./spf-evaluate"
import { isSpfRecord, parseSpf } from "./spf-record"
import { plural, type CheckStatus, type DnsCheck, type RecordToPublish } from "./types"

const WORLDWIDE_INCLUDE = SPF_INCLUDES[0]?.include ?? "spf.protection.outlook.com"

const OTHER_CLOUDS = `For GCC High and DoD use include:${SPF_INCLUDES[1]?.include}; for Microsoft 365 operated by 21Vianet, include:${SPF_INCLUDES[2]?.include}.`

/** What SPF must say for the service that sends the domain's mail. */
interface SpfProfile {
  /** The service, in the check's sentences ("mail sent through Microsoft 365 fails SPF"). */
  service: string
  /** Includes that let it send, any one of them; the first is the one to add. */
  includes: readonly { include: string; name: string }[]
  /** The record to publish when there is none (Direct Send and relay add the device's IP). */
  record: string
  /** Said with a record or an include to add. */
  note: string
  /** The ending its own verification requires, and why; without it, the ending is explained. */
  requiredAll?: { term: string; reason: string }
  sources: readonly Source[]
}

/**
 * Microsoft 365: an include for the tenant's cloud and -all (SOURCES.spf). Azure Communication
 * Services: spf.protection.outlook.com and -all, which its verification requires
 * (SOURCES.acsDomainTroubleshooting, SOURCES.acsCustomDomain).
 */
const SPF_PROFILES: Record<DomainSender, SpfProfile> = {
  microsoft365: {
    service: "Microsoft 365",
    includes: SPF_INCLUDES,
    record: `v=spf1 include:${WORLDWIDE_INCLUDE} -all`,
    note: OTHER_CLOUDS,
    sources: [SOURCES.spf],
  },
  acs: {
    service: "Azure Communication Services",
    includes: [
      { include: ACS_SPF.include, name: "the include Azure Communication Services asks for" },
    ],
    record: ACS_SPF.record,
    note: ACS_WHERE_TO_FIND,
    requiredAll: {
      term: ACS_SPF.all,
      reason:
        "Azure Communication Services requires -all: its domain verification marks SPF as failed with ~all or any other ending.",
    },
    sources: [SOURCES.acsDomainTroubleshooting, SOURCES.acsCustomDomain],
  },
}

function ipTerm(ip: string) {
  return `${isIP(ip) === 6 ? "ip6" : "ip4"}:${ip}`
}

/**
 * The record to publish: the profile's; for Direct Send and relay the device's IP and ~all, as
 * the device page's example (SOURCES.mfd).
 */
function recommendedRecord(profile: SpfProfile, withDevice: boolean, deviceIp?: string) {
  if (!withDevice) return profile.record
  const device = deviceIp ? ipTerm(deviceIp) : "ip4:<device public IP>"
  return `v=spf1 ${device} include:${WORLDWIDE_INCLUDE} ~all`
}

/** Adds a term before the record's all or redirect=, where an added mechanism still counts. */
export function insertTerm(record: string, term: string) {
  const terms = record.trim().split(/ +/)
  const at = terms.findIndex((part, index) => index > 0 && /^([+\-~?]?all$|redirect=)/i.test(part))
  if (at < 0) return [...terms, term].join(" ")
  return [...terms.slice(0, at), term, ...terms.slice(at)].join(" ")
}

/** Ends a record with `term` (-all): replaces its all mechanism, or adds one. */
export function withAll(record: string, term: string) {
  const terms = record.trim().split(/ +/)
  const at = terms.findIndex((part, index) => index > 0 && /^[+\-~?]?all$/i.test(part))
  if (at < 0) return insertTerm(record, term)
  return [...terms.slice(0, at), term, ...terms.slice(at + 1)].join(" ")
}

/** Joins two or more SPF records into one: every mechanism once, the first record's all last. */
export function mergeRecords(records: readonly string[]) {
  const terms: string[] = []
  let all: string | undefined
  for (const record of records) {
    for (const term of record.trim().split(/ +/).slice(1)) {
      if (/^[+\-~?]?all$/i.test(term)) all ??= term
      else if (!terms.some((seen) => seen.toLowerCase() === term.toLowerCase())) terms.push(term)
    }
  }
  return ["v=spf1", ...terms, ...(all ? [all] : [])].join(" ")
}

function spfPublish(domain: string, value: string, note?: string): RecordToPublish {
  return { type: "TXT", name: domain, value, note }
}

function allExplanation(record: string): { status: CheckStatus; text: string } {
  const parsed = parseSpf(record)
  const all = parsed.ok ? parsed.record.mechanisms.find((m) => m.name === "all") : undefined
  if (!all) {
    return {
      status: "pass",
      text: "The record ends without an all mechanism: mail from servers it does not list gets a neutral result.",
    }
  }
  switch (all.qualifier) {
    case "-":
      return {
        status: "pass",
        text: "-all (hard fail): receivers may reject mail from servers the record does not list. Microsoft recommends it once DKIM and DMARC are set up; for Direct Send, Microsoft's blog suggests ~all, since legitimate routing can fail SPF.",
      }
    case "~":
      return {
        status: "pass",
        text: "~all (soft fail): mail from servers the record does not list is accepted but may be marked as spam. Microsoft's device examples use it; Microsoft recommends -all once DKIM and DMARC are set up.",
      }
    case "?":
      return {
        status: "warn",
        text: "?all (neutral) says nothing about servers the record does not list, so it protects nothing. Use ~all or -all.",
      }
    case "+":
      return {
        status: "fail",
        text: "+all lets any server on the internet send as this domain. Replace it with ~all or -all.",
      }
  }
}

/** The record's ending against the one the sender requires (Azure Communication Services: -all). */
function requiredAllExplanation(
  record: string,
  required: NonNullable<SpfProfile["requiredAll"]>,
  service: string
): { status: CheckStatus; text: string; ending: string } {
  const parsed = parseSpf(record)
  const all = parsed.ok ? parsed.record.mechanisms.find((m) => m.name === "all") : undefined
  const ending = all ? `${all.qualifier}all` : "no all mechanism"
  return ending === required.term
    ? {
        status: "pass",
        ending,
        text: `${required.term} (hard fail), as ${service} requires: receivers may reject mail from servers the record does not list.`,
      }
    : { status: "fail", ending, text: `The record ends with ${ending}. ${required.reason}` }
}

const worst = (statuses: CheckStatus[]): CheckStatus =>
  statuses.includes("fail") ? "fail" : statuses.includes("warn") ? "warn" : "pass"

/**
 * SPF for the service that sends (the method's plan): exactly one record, the service's include
 * (Microsoft 365: the one for the tenant's cloud), at most 10 DNS lookups in the whole tree, the
 * device's IP for Direct Send and relay, and what the record's all means, or the ending the
 * service requires (SOURCES.spf, SOURCES.mfd, SOURCES.acsDomainTroubleshooting, RFC 7208).
 */
export async function checkSpf(
  lookups: DnsLookups,
  input: { domain: string; method: SendingMethod; deviceIp?: string }
): Promise<DnsCheck> {
  const { domain, method, deviceIp } = input
  const plan = domainCheckPlan(method)
  const profile = SPF_PROFILES[plan.sender]
  const withDevice = plan.deviceIp
  const sources = [...profile.sources, ...(withDevice ? [SOURCES.mfd] : []), RFC7208]
  const check = (fields: Partial<DnsCheck> & Pick<DnsCheck, "status" | "summary">): DnsCheck => ({
    id: "spf",
    title: "SPF",
    details: [],
    found: [],
    publish: [],
    commands: [],
    sources,
    ...fields,
  })
  const recommended = recommendedRecord(profile, withDevice, deviceIp)
  const recommendedNote = `${deviceIp || !withDevice ? "" : "Put your device's static public IP in place of <device public IP>. "}${profile.note}`

  const txt = await lookups.txt(domain)
  if (!txt.ok && !isAbsent(txt.failure)) {
    return check({
      status: "warn",
      summary: `Could not check SPF: ${domain} ${describeFailure(txt.failure)}.`,
    })
  }
  if (!txt.ok && txt.failure === "nxdomain") {
    return check({
      status: "fail",
      summary: `No SPF record: ${domain} ${describeFailure("nxdomain")}.`,
      details: ["Check the spelling, or add the domain at your DNS host first."],
      publish: [spfPublish(domain, recommended, recommendedNote)],
    })
  }
  const records = txt.ok ? txt.records.filter(isSpfRecord) : []
  if (records.length === 0) {
    return check({
      status: "fail",
      summary: `${domain} has no SPF record.`,
      details: [
        `Receivers cannot tell that ${profile.service} may send for this domain, so the mail is more likely to land in spam.`,
      ],
      publish: [spfPublish(domain, recommended, recommendedNote)],
    })
  }
  if (records.length > 1) {
    return check({
      status: "fail",
      summary: `${domain} has ${records.length} SPF records; a domain may have only one.`,
      details: [
        "With more than one, every receiver returns permerror and SPF fails for all mail. Replace them with one record that lists every sender.",
      ],
      found: records,
      publish: [
        spfPublish(
          domain,
          mergeRecords(records),
          "The records merged into one: check every sender is still in it, then delete the others."
        ),
      ],
    })
  }

  const record = records[0] ?? ""
  const statuses: CheckStatus[] = []
  const details: string[] = []
  let fixed = record
  let fixNote: string | undefined

  const analysis = await analyzeSpf(lookups, record)
  const included = profile.includes.find((entry) => analysis.included.includes(entry.include))
  const toInclude = profile.includes[0]?.include ?? WORLDWIDE_INCLUDE

  for (const problem of analysis.problems) details.push(problem)
  if (analysis.problems.length) statuses.push("fail")

  if (analysis.failure) {
    statuses.push("warn")
    details.push(
      `The lookup of ${analysis.failure.name} ${describeFailure(analysis.failure.failure).replace("could not be looked up: ", "failed: ")}, so the lookup count may be short.`
    )
  }

  if (included) {
    details.push(`Includes ${included.include} (${included.name}).`)
  } else if (!analysis.failure) {
    statuses.push("fail")
    details.push(
      `The record does not include ${toInclude}: mail sent through ${profile.service} fails SPF.`
    )
    fixed = insertTerm(fixed, `include:${toInclude}`)
    fixNote = profile.note
  }

  const overLimit = analysis.lookups > SPF_LOOKUP_LIMIT
  details.push(
    `${plural(analysis.lookups, "DNS lookup")} in the record and everything it includes (the limit is ${SPF_LOOKUP_LIMIT}).`
  )
  if (overLimit) {
    statuses.push("fail")
    details.push(
      "Over the limit, receivers return permerror and SPF fails for all mail. Remove includes for services that no longer send, or replace an include by the ip4:/ip6: ranges it lists."
    )
  }

  const required = profile.requiredAll
  const ending = required ? requiredAllExplanation(record, required, profile.service) : undefined
  const all = ending ?? allExplanation(record)
  statuses.push(all.status)
  details.push(all.text)
  const wrongEnding = required && ending?.status === "fail" ? ending.ending : undefined
  if (required && wrongEnding) {
    fixed = withAll(fixed, required.term)
    fixNote ??= profile.note
  }

  if (withDevice && deviceIp) {
    const covered = await checkHost(lookups, { ip: deviceIp, domain })
    if (covered.result === "pass") {
      details.push(`The device's IP ${deviceIp} is covered (${covered.mechanism}).`)
    } else if (covered.result === "temperror") {
      statuses.push("warn")
      details.push(`Could not check the device's IP ${deviceIp}: ${covered.reason}.`)
    } else {
      statuses.push("fail")
      details.push(
        `The device's IP ${deviceIp} is not covered (SPF result ${covered.result}): Direct Send and relay mail from it fails SPF. Add ${ipTerm(deviceIp)}.`
      )
      fixed = insertTerm(fixed, ipTerm(deviceIp))
    }
  } else if (withDevice) {
    details.push(
      "Enter the device's public IP to check that the record covers it: Direct Send and relay mail comes from that address."
    )
  }

  const status = worst(statuses)
  const summary =
    status === "pass"
      ? `One SPF record that includes ${profile.service}, with ${plural(analysis.lookups, "DNS lookup")}.`
      : overLimit
        ? `The SPF record needs ${analysis.lookups} DNS lookups, over the limit of ${SPF_LOOKUP_LIMIT}.`
        : !included && !analysis.failure
          ? `The SPF record does not include ${profile.service} (${toInclude}).`
          : required && wrongEnding
            ? `The SPF record ends with ${wrongEnding}; ${profile.service} requires ${required.term}.`
            : status === "fail"
              ? "The SPF record needs fixing."
              : "The SPF record works, with a warning."
  return check({
    status,
    summary,
    details,
    found: [record],
    publish: fixed !== record ? [spfPublish(domain, fixed, fixNote)] : [],
  })
}
