import { Resolver } from "node:dns/promises"

/** Why a lookup gave no records, in the words a DNS admin uses. */
export type LookupFailure = "nxdomain" | "nodata" | "servfail" | "refused" | "timeout" | "error"

export type Lookup<T> = { ok: true; records: T[] } | { ok: false; failure: LookupFailure }

export interface MxRecord {
  exchange: string
  priority: number
}

/** The lookups the domain checks make. Every method answers; none throws for a DNS error. */
export interface DnsLookups {
  txt(name: string): Promise<Lookup<string>>
  mx(name: string): Promise<Lookup<MxRecord>>
  cname(name: string): Promise<Lookup<string>>
  a(name: string): Promise<Lookup<string>>
  aaaa(name: string): Promise<Lookup<string>>
  ptr(name: string): Promise<Lookup<string>>
}

export interface ResolverOptions {
  /** DNS servers as ip or ip:port ("[v6]:port"); empty uses the system's. */
  servers?: readonly string[]
  /** Milliseconds before one try gives up. */
  timeoutMs?: number
  /** Tries per lookup: UDP drops packets, so one retry. */
  tries?: number
}

/** Per try; with two tries a lookup that never gets an answer gives up within about 4.5 s. */
export const DEFAULT_LOOKUP_TIMEOUT_MS = 1500
export const DEFAULT_LOOKUP_TRIES = 2

/** Maps c-ares error codes (node:dns) to the DNS outcome they stand for. */
export function lookupFailure(error: unknown): LookupFailure {
  const code = (error as { code?: unknown } | null)?.code
  switch (code) {
    case "ENOTFOUND":
      return "nxdomain"
    case "ENODATA":
      return "nodata"
    case "ESERVFAIL":
      return "servfail"
    case "EREFUSED":
    case "ECONNREFUSED":
      return "refused"
    case "ETIMEOUT":
      return "timeout"
    default:
      return "error"
  }
}

/** What a failed lookup means, for the check texts: "<name> <describeFailure>". */
export function describeFailure(failure: LookupFailure): string {
  switch (failure) {
    case "nxdomain":
      return "does not exist in DNS (NXDOMAIN)"
    case "nodata":
      return "has no record of this type"
    case "servfail":
      return "could not be looked up: the DNS server answered SERVFAIL"
    case "refused":
      return "could not be looked up: the DNS server refused the query"
    case "timeout":
      return "could not be looked up: the DNS server did not answer in time"
    case "error":
      return "could not be looked up: the DNS lookup failed"
  }
}

/** NXDOMAIN and "no data" mean the record is absent; the others mean we could not tell. */
export function isAbsent(failure: LookupFailure) {
  return failure === "nxdomain" || failure === "nodata"
}

async function attempt<T>(run: () => Promise<T[]>): Promise<Lookup<T>> {
  try {
    const records = await run()
    return records.length ? { ok: true, records } : { ok: false, failure: "nodata" }
  } catch (error) {
    return { ok: false, failure: lookupFailure(error) }
  }
}

/**
 * A DNS client for the domain checks, on its own node:dns Resolver so that SMTP365_DNS_SERVERS
 * changes these lookups only (SMTP hosts keep the system resolver). Every lookup has a timeout.
 */
export function createLookups(options: ResolverOptions = {}): DnsLookups {
  const resolver = new Resolver({
    timeout: options.timeoutMs ?? DEFAULT_LOOKUP_TIMEOUT_MS,
    tries: options.tries ?? DEFAULT_LOOKUP_TRIES,
  })
  if (options.servers?.length) resolver.setServers([...options.servers])
  return {
    // A TXT record may be split into strings of up to 255 characters: they form one value.
    txt: (name) =>
      attempt(async () => (await resolver.resolveTxt(name)).map((parts) => parts.join(""))),
    mx: (name) => attempt(() => resolver.resolveMx(name)),
    cname: (name) => attempt(() => resolver.resolveCname(name)),
    a: (name) => attempt(() => resolver.resolve4(name)),
    aaaa: (name) => attempt(() => resolver.resolve6(name)),
    ptr: (name) => attempt(() => resolver.resolvePtr(name)),
  }
}
