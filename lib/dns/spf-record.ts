/**
 * SPF record syntax and macro expansion (RFC 7208 §4.6 and §7). Pure functions: the DNS side is in
 * spf-evaluate.ts.
 */

export type Qualifier = "+" | "-" | "~" | "?"
export type MechanismName = "all" | "include" | "a" | "mx" | "ptr" | "ip4" | "ip6" | "exists"

export interface Mechanism {
  qualifier: Qualifier
  name: MechanismName
  /** include, exists (required) and a, mx, ptr (optional): the domain-spec, macros unexpanded. */
  domainSpec?: string
  /** ip4, ip6: the address. */
  ip?: string
  cidr4?: number
  cidr6?: number
  /** The term as written. */
  text: string
}

export interface SpfRecord {
  mechanisms: Mechanism[]
  redirect?: string
  exp?: string
}

export type ParsedSpf = { ok: true; record: SpfRecord } | { ok: false; error: string }

/** "v=spf1" then a space or the end, case-insensitive (RFC 7208 §4.5). */
export function isSpfRecord(text: string) {
  return /^v=spf1( |$)/i.test(text)
}

/** Mechanisms that query DNS and count towards the limit of 10 (RFC 7208 §4.6.4). */
export const DNS_MECHANISMS: ReadonlySet<MechanismName> = new Set([
  "include",
  "a",
  "mx",
  "ptr",
  "exists",
])

const MECHANISM = /^([+\-~?]?)(all|include|a|mx|ptr|ip4|ip6|exists)(?=$|[:/])(.*)$/i
const MODIFIER = /^([a-z][a-z0-9_.-]*)=(.*)$/i
const DUAL_CIDR = /^(.*?)(?:\/(\d{1,3}))?(?:\/\/(\d{1,3}))?$/
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/

/** A domain-spec: macro-string ending in a top label or a macro (RFC 7208 §7.1), checked loosely. */
function isDomainSpec(spec: string) {
  if (!spec || /\s/.test(spec)) return false
  if (!isMacroString(spec)) return false
  if (/%\{[^}]+\}\.?$/.test(spec)) return true
  return /\.([a-z0-9]*[a-z][a-z0-9]*|[a-z0-9]+-[a-z0-9-]*[a-z0-9])\.?$/i.test(spec)
}

function isMacroString(text: string) {
  return /^(?:[\x21-\x24\x26-\x7e]|%\{[slodiphcrtv]\d*r?[.\-+,/_=]*\}|%%|%_|%-)*$/i.test(text)
}

function parseMechanism(term: string): Mechanism | string {
  const match = MECHANISM.exec(term)
  if (!match) return `"${term}" is not an SPF mechanism`
  const qualifier = (match[1] || "+") as Qualifier
  const name = (match[2] ?? "").toLowerCase() as MechanismName
  const rest = match[3] ?? ""
  const base = { qualifier, name, text: term }
  const invalid = `"${term}" is not valid SPF syntax`

  if (name === "all") return rest ? invalid : base
  if (name === "ip4" || name === "ip6") {
    const ipMatch = /^:([^/]+)(?:\/(\d{1,3}))?$/.exec(rest)
    if (!ipMatch) return invalid
    const ip = ipMatch[1] ?? ""
    const cidr = ipMatch[2] === undefined ? undefined : Number(ipMatch[2])
    if (name === "ip4") {
      if (!IPV4.test(ip) || (cidr !== undefined && cidr > 32)) return invalid
      return { ...base, ip, cidr4: cidr }
    }
    if (!/^[0-9a-f:.]+$/i.test(ip) || !ip.includes(":") || (cidr !== undefined && cidr > 128)) {
      return invalid
    }
    return { ...base, ip, cidr6: cidr }
  }
  if (name === "include" || name === "exists") {
    if (!rest.startsWith(":") || !isDomainSpec(rest.slice(1))) return invalid
    return { ...base, domainSpec: rest.slice(1) }
  }
  if (name === "ptr") {
    if (!rest) return base
    if (!rest.startsWith(":") || !isDomainSpec(rest.slice(1))) return invalid
    return { ...base, domainSpec: rest.slice(1) }
  }
  // a and mx: [":" domain-spec] [dual-cidr-length]
  const cidrMatch = DUAL_CIDR.exec(rest)
  const spec = cidrMatch?.[1] ?? ""
  const cidr4 = cidrMatch?.[2] === undefined ? undefined : Number(cidrMatch[2])
  const cidr6 = cidrMatch?.[3] === undefined ? undefined : Number(cidrMatch[3])
  if ((cidr4 !== undefined && cidr4 > 32) || (cidr6 !== undefined && cidr6 > 128)) return invalid
  if (spec && (!spec.startsWith(":") || !isDomainSpec(spec.slice(1)))) return invalid
  return { ...base, domainSpec: spec ? spec.slice(1) : undefined, cidr4, cidr6 }
}

/** Parses an SPF record's terms (RFC 7208 §4.6.1); a syntax error is a permerror. */
export function parseSpf(text: string): ParsedSpf {
  if (!isSpfRecord(text)) return { ok: false, error: "The record does not start with v=spf1" }
  const record: SpfRecord = { mechanisms: [] }
  for (const term of text.slice(6).split(" ").filter(Boolean)) {
    const modifier = MODIFIER.exec(term)
    if (modifier && !MECHANISM.test(term)) {
      const name = (modifier[1] ?? "").toLowerCase()
      const value = modifier[2] ?? ""
      if (name === "redirect" || name === "exp") {
        if (record[name] !== undefined) return { ok: false, error: `${name}= appears twice` }
        if (!isDomainSpec(value)) return { ok: false, error: `"${term}" is not valid SPF syntax` }
        record[name] = value
      } else if (!isMacroString(value)) {
        return { ok: false, error: `"${term}" is not valid SPF syntax` }
      }
      // Unknown modifiers are ignored (RFC 7208 §6).
      continue
    }
    const mechanism = parseMechanism(term)
    if (typeof mechanism === "string") return { ok: false, error: mechanism }
    record.mechanisms.push(mechanism)
  }
  return { ok: true, record }
}

export interface MacroContext {
  /** The sender, local-part@domain. */
  sender: string
  /** The domain being checked: changes with include and redirect. */
  domain: string
  ip: string
  helo?: string
}

/** The client IP for %{i}: dotted IPv4, or IPv6 as 32 dot-separated nibbles (RFC 7208 §7.3). */
export function macroIp(ip: string) {
  if (!ip.includes(":")) return ip
  return expandIpv6(ip).replace(/:/g, "").split("").join(".")
}

/** The full form of an IPv6 address: eight groups of four hex digits. */
export function expandIpv6(ip: string) {
  const [head = "", tail] = ip.toLowerCase().split("::")
  const parse = (part: string) => (part ? part.split(":") : [])
  let groups = parse(head)
  if (tail !== undefined) {
    const right = parse(tail)
    groups = [...groups, ...Array<string>(8 - groups.length - right.length).fill("0"), ...right]
  }
  return groups.map((group) => group.padStart(4, "0")).join(":")
}

function macroValue(letter: string, context: MacroContext): string | null {
  const at = context.sender.lastIndexOf("@")
  const local = at > 0 ? context.sender.slice(0, at) : "postmaster"
  const senderDomain = at >= 0 ? context.sender.slice(at + 1) : context.sender
  switch (letter) {
    case "s":
      return `${local}@${senderDomain}`
    case "l":
      return local
    case "o":
      return senderDomain
    case "d":
      return context.domain
    case "i":
      return macroIp(context.ip)
    // %{p} would need a PTR lookup the RFC advises against; "unknown" is its defined fallback.
    case "p":
      return "unknown"
    case "v":
      return context.ip.includes(":") ? "ip6" : "in-addr"
    case "h":
      return context.helo ?? senderDomain
    default:
      return null
  }
}

/**
 * Expands the macros in a domain-spec (RFC 7208 §7): %{letter digits r delimiters}, %%, %_, %-.
 * Returns null when a macro is invalid (a permerror).
 */
export function expandMacros(spec: string, context: MacroContext): string | null {
  let failed = false
  const expanded = spec.replace(
    /%\{([a-z])(\d*)(r?)([.\-+,/_=]*)\}|%%|%_|%-/gi,
    (whole, letter?: string, digits?: string, reverse?: string, delimiters?: string) => {
      if (whole === "%%") return "%"
      if (whole === "%_") return " "
      if (whole === "%-") return "%20"
      const value = macroValue((letter ?? "").toLowerCase(), context)
      if (value === null || digits === "0") {
        failed = true
        return ""
      }
      const split = new RegExp(`[${(delimiters || ".").replace(/[-\\\]]/g, "\\$&")}]`)
      let parts = value.split(split)
      if (reverse) parts = parts.reverse()
      if (digits) parts = parts.slice(-Number(digits))
      const result = parts.join(".")
      // An uppercase macro letter asks for URL escaping (RFC 7208 §7.3).
      return letter && letter !== letter.toLowerCase() ? encodeURIComponent(result) : result
    }
  )
  if (failed) return null
  return truncateDomain(expanded)
}

/** Drops left-hand labels until the name fits in 253 characters (RFC 7208 §7.3). */
function truncateDomain(domain: string) {
  let name = domain.replace(/\.$/, "")
  while (name.length > 253 && name.includes(".")) name = name.slice(name.indexOf(".") + 1)
  return name
}
