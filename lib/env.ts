import "server-only"

import { isIP } from "node:net"
import { z } from "zod"

import { hostName } from "@/lib/security/host-name"

/** Test sends per minute and client address, and per minute and recipient. */
export const DEFAULT_RATE_LIMIT = 10

/** A comma-separated list; blanks and stray spaces are ignored. */
const list = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((item) =>
        item
          .trim()
          .toLowerCase()
          .replace(/^\[|\]$/g, "")
      )
      .filter(Boolean)
  )

/**
 * One DNS server as "ip", "ip:port" or "[ipv6]:port", in the form node:dns setServers takes, or
 * null when it is not an address.
 */
export function dnsServer(entry: string): string | null {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry)
  const withPort = /^([^:]+):(\d+)$/.exec(entry)
  const [ip, port] = bracketed
    ? [bracketed[1] ?? "", bracketed[2]]
    : withPort
      ? [withPort[1] ?? "", withPort[2]]
      : [entry, undefined]
  const family = isIP(ip)
  if (!family || (bracketed && family !== 6)) return null
  if (port === undefined) return ip
  const number = Number(port)
  if (!Number.isInteger(number) || number < 1 || number > 65535) return null
  return family === 6 ? `[${ip}]:${number}` : `${ip}:${number}`
}

/** The Microsoft identity platform, where OAuth tokens come from (SOURCES.oauth). */
export const DEFAULT_IDENTITY_URL = "https://login.microsoftonline.com"

/** An https base URL without query or fragment, trailing slashes removed; null otherwise. */
export function identityUrl(value: string | undefined): string | null {
  try {
    const url = new URL((value ?? "").trim())
    if (url.protocol !== "https:" || url.search || url.hash || url.username) return null
    return `${url.origin}${url.pathname}`.replace(/\/+$/, "")
  } catch {
    return null
  }
}

const envSchema = z.object({
  /**
   * Base URL of the Microsoft identity platform for OAuth tokens (the token endpoint is
   * `{url}/{tenant}/oauth2/v2.0/token`). Tests point it at a local identity server. Unset or not an
   * https URL: https://login.microsoftonline.com.
   */
  SMTP365_IDENTITY_URL: z
    .string()
    .optional()
    .transform((value) => identityUrl(value) ?? DEFAULT_IDENTITY_URL),
  /**
   * Extra hosts the test may connect to besides Microsoft 365's endpoints: host names and IP
   * addresses, comma-separated (for example "127.0.0.1,localhost,mail.contoso.test").
   */
  SMTP365_ALLOWED_HOSTS: list,
  /** "off" turns practice mode (the built-in Microsoft 365 simulator) off; it is on otherwise. */
  SMTP365_PRACTICE: z
    .string()
    .optional()
    .transform((value) => value?.trim().toLowerCase() !== "off"),
  /**
   * Port of the practice simulator's SMTP AUTH endpoint on 127.0.0.1; the MX endpoints take
   * ephemeral ports. Unset, invalid or busy: an ephemeral port.
   */
  SMTP365_PRACTICE_PORT: z
    .string()
    .optional()
    .transform((value) => {
      const port = Number(value)
      return Number.isInteger(port) && port > 0 && port < 65536 ? port : 0
    }),
  /**
   * Test sends allowed per minute, per client address and per recipient mailbox alike (two separate
   * limits); device code sign-ins likewise, per client address and per mailbox; domain checks
   * three times as many, per client address. Unset or not a whole number from 1 to 100000: 10.
   */
  SMTP365_RATE_LIMIT: z
    .string()
    .optional()
    .transform((value) => {
      const limit = Number(value?.trim() || Number.NaN)
      return Number.isInteger(limit) && limit >= 1 && limit <= 100_000 ? limit : DEFAULT_RATE_LIMIT
    }),
  /**
   * The IP address of the reverse proxy in front of smtp365. Only a request from that address has
   * its X-Forwarded-For header believed; unset (or not an IP address): the socket's address counts.
   */
  SMTP365_TRUST_PROXY: z
    .string()
    .optional()
    .transform((value) => {
      const address = (value ?? "")
        .trim()
        .toLowerCase()
        .replace(/^\[|\]$/g, "")
      return isIP(address) ? address : undefined
    }),
  /**
   * When set, every page and action asks for this password (HTTP basic authentication, any user
   * name). Unset or blank: no password, for a wizard only its user can reach.
   */
  SMTP365_ACCESS_PASSWORD: z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value : undefined)),
  /**
   * Without an access password, the names besides localhost, 127.0.0.1 and [::1] that smtp365
   * answers to (Host header), comma-separated, for example "wizard.contoso.test,10.0.0.7"; a port
   * is ignored. Entries that are not host names or IP addresses are ignored. A request to any
   * other name gets a 421 (a guard against DNS rebinding).
   */
  SMTP365_HOSTNAMES: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((entry) => hostName(entry))
        .filter((name): name is string => name !== null)
    ),
  /**
   * DNS servers for the domain checks (MX, SPF, DKIM, DMARC) only, comma-separated ip[:port]
   * ("[ipv6]:port" with a port). Empty: the system's resolvers. Entries that are not addresses are
   * ignored. SMTP hosts always use the system resolver.
   */
  SMTP365_DNS_SERVERS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((entry) => dnsServer(entry.trim()))
        .filter((server): server is string => server !== null)
    ),
  /**
   * The Redis server that several instances share their rate limits and pending device code
   * sign-ins through: `redis://[[user]:password@]host[:port][/db]`, or `rediss://` for TLS. Unset
   * or blank: each instance keeps them in its own memory.
   */
  SMTP365_REDIS_URL: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined),
  /**
   * The secret the keys for what smtp365 keeps in Redis are derived from: the encryption key of
   * a pending sign-in's token, and the key that turns client addresses, mailboxes and sign-in IDs
   * into Redis key names. Required with SMTP365_REDIS_URL, at least SECRET_KEY_MIN_LENGTH
   * characters, the same on every instance.
   */
  SMTP365_SECRET_KEY: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined),
})

export type Env = z.infer<typeof envSchema>

/** The shortest SMTP365_SECRET_KEY taken: `openssl rand -base64 32` prints 44 characters. */
export const SECRET_KEY_MIN_LENGTH = 32

/** A configuration smtp365 refuses to start with; the message says which variable to fix, and how. */
export class ConfigurationError extends Error {
  override name = "ConfigurationError"
}

/**
 * Reads the configuration from a set of variables. Every variable is optional and a value that
 * cannot be understood falls back to its default, so the app starts even with none set, with one
 * exception: SMTP365_REDIS_URL with no usable SMTP365_SECRET_KEY, or a Redis URL that cannot be
 * read, throws a ConfigurationError. Falling back to each instance's own memory there would
 * quietly multiply the limits by the number of instances.
 */
export function readEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.parse(source)
  const { SMTP365_REDIS_URL: redisUrl, SMTP365_SECRET_KEY: secretKey } = parsed
  if (redisUrl === undefined) return parsed
  if (!isRedisUrl(redisUrl)) {
    throw new ConfigurationError(
      "SMTP365_REDIS_URL is not a Redis URL: write it as redis://host:port (or rediss:// for TLS), with the password, if any, as redis://:password@host:port."
    )
  }
  if (!secretKey || secretKey.length < SECRET_KEY_MIN_LENGTH) {
    throw new ConfigurationError(
      `SMTP365_SECRET_KEY is ${secretKey ? `shorter than ${SECRET_KEY_MIN_LENGTH} characters` : "not set"}, and SMTP365_REDIS_URL needs it: smtp365 encrypts the tokens it keeps in Redis with a key derived from it. Set the same random value on every instance, for example the output of \`openssl rand -base64 32\`.`
    )
  }
  return parsed
}

/** A redis:// or rediss:// URL with a host, as node-redis reads it. */
function isRedisUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === "redis:" || url.protocol === "rediss:") && url.hostname !== ""
  } catch {
    return false
  }
}

let cached: Env | undefined

/** The server's configuration, read from process.env once. */
export function env(): Env {
  cached ??= readEnv(process.env)
  return cached
}
