import { BlockList, isIP } from "node:net"

import { SPF_LOOKUP_LIMIT, SPF_VOID_LOOKUP_LIMIT } from "@/lib/microsoft365/dns-records"

import { isAbsent, type DnsLookups, type Lookup } from "./resolver"
import {
  DNS_MECHANISMS,
  expandIpv6,
  expandMacros,
  isSpfRecord,
  parseSpf,
  type Mechanism,
  type Qualifier,
} from "./spf-record"

export type SpfResultCode =
  "pass" | "fail" | "softfail" | "neutral" | "none" | "permerror" | "temperror"

export interface SpfResult {
  result: SpfResultCode
  /** The mechanism that matched, as written, when one did. */
  mechanism?: string
  /** Why, for none, permerror and temperror. */
  reason?: string
}

const QUALIFIER_RESULT: Record<Qualifier, SpfResultCode> = {
  "+": "pass",
  "-": "fail",
  "~": "softfail",
  "?": "neutral",
}

/** Address lookups per mx or ptr mechanism at most (RFC 7208 §4.6.4). */
const NAMES_PER_MECHANISM = 10

interface Evaluation {
  lookups: DnsLookups
  ip: string
  sender: string
  helo?: string
  /** DNS-querying terms so far, across include and redirect. */
  dnsTerms: number
  voids: number
}

class SpfError extends Error {
  constructor(
    readonly result: "permerror" | "temperror",
    reason: string
  ) {
    super(reason)
  }
}

/** A multi-label name whose labels are 1 to 63 characters (RFC 7208 §4.3). */
export function isCheckableDomain(domain: string) {
  const name = domain.replace(/\.$/, "")
  return (
    name.length <= 253 &&
    name.includes(".") &&
    name.split(".").every((label) => label.length > 0 && label.length <= 63)
  )
}

function countDnsTerm(state: Evaluation) {
  state.dnsTerms += 1
  if (state.dnsTerms > SPF_LOOKUP_LIMIT) {
    throw new SpfError("permerror", `more than ${SPF_LOOKUP_LIMIT} DNS lookups (RFC 7208 §4.6.4)`)
  }
}

/** Records, or [] for NXDOMAIN and no data (a void lookup); other failures are temperrors. */
function recordsOf<T>(lookup: Lookup<T>, name: string, state: Evaluation): T[] {
  if (lookup.ok) return lookup.records
  if (isAbsent(lookup.failure)) {
    state.voids += 1
    if (state.voids > SPF_VOID_LOOKUP_LIMIT) {
      throw new SpfError(
        "permerror",
        `more than ${SPF_VOID_LOOKUP_LIMIT} lookups found nothing (RFC 7208 §4.6.4)`
      )
    }
    return []
  }
  throw new SpfError("temperror", `the lookup of ${name} failed (${lookup.failure})`)
}

/** Does `ip` fall in `network`/`prefix`? Both of one family. */
export function ipInNetwork(ip: string, network: string, prefix: number | undefined) {
  const family = isIP(ip)
  if (!family || family !== isIP(network)) return false
  const type = family === 6 ? "ipv6" : "ipv4"
  const list = new BlockList()
  list.addSubnet(network, prefix ?? (family === 6 ? 128 : 32), type)
  return list.check(ip, type)
}

function sameIp(a: string, b: string) {
  if (isIP(a) !== isIP(b)) return false
  return isIP(a) === 6 ? expandIpv6(a) === expandIpv6(b) : a === b
}

function reverseName(ip: string) {
  if (isIP(ip) === 4) return `${ip.split(".").reverse().join(".")}.in-addr.arpa`
  return `${expandIpv6(ip).replace(/:/g, "").split("").reverse().join(".")}.ip6.arpa`
}

async function addressesOf(name: string, state: Evaluation) {
  return isIP(state.ip) === 6 ? state.lookups.aaaa(name) : state.lookups.a(name)
}

function target(mechanism: Mechanism, domain: string, state: Evaluation) {
  if (!mechanism.domainSpec) return domain
  const expanded = expandMacros(mechanism.domainSpec, {
    sender: state.sender,
    domain,
    ip: state.ip,
    helo: state.helo,
  })
  if (expanded === null) throw new SpfError("permerror", `invalid macro in "${mechanism.text}"`)
  return expanded
}

function cidrFor(mechanism: Mechanism, ip: string) {
  return isIP(ip) === 6 ? mechanism.cidr6 : mechanism.cidr4
}

async function matches(mechanism: Mechanism, domain: string, state: Evaluation) {
  const { ip } = state
  switch (mechanism.name) {
    case "all":
      return true
    case "ip4":
    case "ip6":
      return ipInNetwork(ip, mechanism.ip ?? "", mechanism.cidr4 ?? mechanism.cidr6)
    case "a": {
      const name = target(mechanism, domain, state)
      const addresses = recordsOf(await addressesOf(name, state), name, state)
      return addresses.some((address) => ipInNetwork(ip, address, cidrFor(mechanism, ip)))
    }
    case "mx": {
      const name = target(mechanism, domain, state)
      const hosts = recordsOf(await state.lookups.mx(name), name, state)
      if (hosts.length > NAMES_PER_MECHANISM) {
        throw new SpfError("permerror", `${name} has more than 10 MX records`)
      }
      for (const host of hosts) {
        const addresses = await addressesOf(host.exchange, state)
        if (
          addresses.ok &&
          addresses.records.some((address) => ipInNetwork(ip, address, cidrFor(mechanism, ip)))
        ) {
          return true
        }
      }
      return false
    }
    case "ptr": {
      const name = target(mechanism, domain, state).toLowerCase()
      const reverse = await state.lookups.ptr(reverseName(ip))
      // A DNS error here means no match, not an error (RFC 7208 §5.5).
      if (!reverse.ok) return false
      for (const host of reverse.records.slice(0, NAMES_PER_MECHANISM)) {
        const forward = await addressesOf(host, state)
        if (!forward.ok || !forward.records.some((address) => sameIp(address, ip))) continue
        const validated = host.toLowerCase().replace(/\.$/, "")
        if (validated === name || validated.endsWith(`.${name}`)) return true
      }
      return false
    }
    case "exists": {
      const name = target(mechanism, domain, state)
      return recordsOf(await state.lookups.a(name), name, state).length > 0
    }
    case "include": {
      const name = target(mechanism, domain, state)
      const included = await checkDomain(name, state)
      if (included.result === "pass") return true
      if (included.result === "temperror") throw new SpfError("temperror", included.reason ?? "")
      if (included.result === "none" || included.result === "permerror") {
        throw new SpfError(
          "permerror",
          `include:${name}: ${included.reason ?? "no SPF record"} (RFC 7208 §5.2)`
        )
      }
      return false
    }
  }
}

async function evaluate(text: string, domain: string, state: Evaluation): Promise<SpfResult> {
  const parsed = parseSpf(text)
  if (!parsed.ok) throw new SpfError("permerror", parsed.error)
  for (const mechanism of parsed.record.mechanisms) {
    if (DNS_MECHANISMS.has(mechanism.name)) countDnsTerm(state)
    if (await matches(mechanism, domain, state)) {
      return { result: QUALIFIER_RESULT[mechanism.qualifier], mechanism: mechanism.text }
    }
  }
  if (parsed.record.redirect !== undefined) {
    countDnsTerm(state)
    const name = expandMacros(parsed.record.redirect, {
      sender: state.sender,
      domain,
      ip: state.ip,
      helo: state.helo,
    })
    if (name === null) throw new SpfError("permerror", "invalid macro in redirect=")
    const redirected = await checkDomain(name, state)
    if (redirected.result === "none") {
      throw new SpfError("permerror", `redirect=${name}: ${redirected.reason ?? "no SPF record"}`)
    }
    return redirected
  }
  return { result: "neutral" }
}

async function checkDomain(domain: string, state: Evaluation): Promise<SpfResult> {
  if (!isCheckableDomain(domain))
    return { result: "none", reason: `${domain} is not a domain name` }
  const txt = await state.lookups.txt(domain)
  if (!txt.ok) {
    if (isAbsent(txt.failure)) return { result: "none", reason: `${domain} has no SPF record` }
    return { result: "temperror", reason: `the lookup of ${domain} failed (${txt.failure})` }
  }
  const records = txt.records.filter(isSpfRecord)
  if (records.length === 0) return { result: "none", reason: `${domain} has no SPF record` }
  if (records.length > 1) {
    return { result: "permerror", reason: `${domain} has ${records.length} SPF records` }
  }
  try {
    return await evaluate(records[0] ?? "", domain, state)
  } catch (error) {
    if (error instanceof SpfError) return { result: error.result, reason: error.message }
    throw error
  }
}

export interface CheckHostInput {
  ip: string
  domain: string
  /** The MAIL FROM address; postmaster@domain when empty. */
  sender?: string
  helo?: string
}

function newEvaluation(lookups: DnsLookups, input: CheckHostInput): Evaluation {
  return {
    lookups,
    ip: input.ip,
    sender: input.sender || `postmaster@${input.domain}`,
    helo: input.helo,
    dnsTerms: 0,
    voids: 0,
  }
}

/** RFC 7208 check_host(): may `ip` send mail for `domain`? */
export async function checkHost(lookups: DnsLookups, input: CheckHostInput): Promise<SpfResult> {
  return checkDomain(input.domain.toLowerCase().replace(/\.$/, ""), newEvaluation(lookups, input))
}

/** check_host() on a record given as text, as if published at `input.domain`. */
export async function evaluateRecord(
  lookups: DnsLookups,
  record: string,
  input: CheckHostInput
): Promise<SpfResult> {
  const state = newEvaluation(lookups, input)
  try {
    return await evaluate(record, input.domain, state)
  } catch (error) {
    if (error instanceof SpfError) return { result: error.result, reason: error.message }
    throw error
  }
}
