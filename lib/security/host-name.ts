import { isIP } from "node:net"

/** The names a password-less smtp365 always answers to: this machine's loopback names. */
export const LOOPBACK_HOST_NAMES: readonly string[] = ["localhost", "127.0.0.1", "::1"]

/**
 * The host name in a Host header or a SMTP365_HOSTNAMES entry: lower case, without a port and
 * without an IPv6 address's brackets ("[::1]:3000" is "::1"). Null when it is none of "name",
 * "name:port", "[ipv6]", "[ipv6]:port" or a bare IPv6 address.
 */
export function hostName(value: string): string | null {
  const text = value.trim().toLowerCase()
  if (isIP(text) === 6) return text
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text)
  if (bracketed) return isIP(bracketed[1] ?? "") === 6 ? (bracketed[1] ?? null) : null
  return /^([a-z0-9_.-]+)(?::\d{1,5})?$/.exec(text)?.[1] ?? null
}

export interface HostRefusal {
  status: 421
  message: string
}

/**
 * Whether smtp365 answers a request made to this Host header. With an access password it answers
 * to any name: the password is the boundary. Without one, it answers only to its loopback names
 * and to the names in SMTP365_HOSTNAMES: a web page whose name an attacker rebinds to this
 * machine's address (DNS rebinding) would otherwise reach the wizard as its own origin, drive it
 * and read its answers. Returns null when it answers, the refusal otherwise.
 */
export function checkHost(
  host: string | null,
  options: { accessPassword?: string; hostNames: readonly string[] }
): HostRefusal | null {
  if (options.accessPassword) return null
  const name = hostName(host ?? "")
  if (name && (LOOPBACK_HOST_NAMES.includes(name) || options.hostNames.includes(name))) return null
  const shown = name?.includes(":") ? `[${name}]` : name
  return {
    status: 421,
    message:
      "smtp365 has no access password, so it answers only to localhost, 127.0.0.1 and [::1] and " +
      "to the names in SMTP365_HOSTNAMES (a guard against DNS rebinding). " +
      (shown
        ? `To reach it as ${shown}, set SMTP365_ACCESS_PASSWORD (recommended whenever others can ` +
          `reach it) or add ${shown} to SMTP365_HOSTNAMES, then restart it.`
        : "To reach it under another name, set SMTP365_ACCESS_PASSWORD or list the name in " +
          "SMTP365_HOSTNAMES, then restart it."),
  }
}
