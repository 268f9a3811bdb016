import "server-only"

import { lookup } from "node:dns/promises"
import net from "node:net"

import { findMicrosoftEndpoint, normalizeHost } from "@/lib/microsoft365/endpoints"

export type GuardResult =
  | { allowed: true; address: string; servername?: string; reason: string }
  | { allowed: false; code: "EGUARD" | "EDNS"; cause?: string; message: string }

/** The ports SMTP uses: 25 (relay, MX), 587 (submission with STARTTLS), 465 (implicit TLS). */
export const SMTP_PORTS: readonly number[] = [25, 587, 465]

/**
 * Addresses that are not globally reachable, so no Microsoft 365 endpoint has them: every range of
 * IANA's IPv4 and IPv6 Special-Purpose Address Registries whose "Globally Reachable" is False
 * (https://www.iana.org/assignments/iana-ipv4-special-registry/, .../iana-ipv6-special-registry/,
 * as of December 2026), plus multicast, the old site-local range and 6to4's relay anycast. Ranges
 * the registries mark True or N/A that no endpoint uses are refused too where they are
 * IETF-internal (2001::/23). IPv6 forms that embed an IPv4 address are judged by that address
 * (embeddedIPv4 below), so 64:ff9b::/96 (True in the registry) is refused only when it wraps a
 * private address.
 */
// Two lists: a BlockList also matches IPv4 addresses against IPv6 rules for ::ffff:0:0/96.
const NON_PUBLIC_V4 = new net.BlockList()
const NON_PUBLIC_V6 = new net.BlockList()
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "This network" (RFC 791)
  ["10.0.0.0", 8], // Private-Use (RFC 1918)
  ["100.64.0.0", 10], // Shared Address Space (RFC 6598)
  ["127.0.0.0", 8], // Loopback (RFC 1122)
  ["169.254.0.0", 16], // Link Local (RFC 3927): the cloud metadata service
  ["172.16.0.0", 12], // Private-Use (RFC 1918)
  ["192.0.0.0", 24], // IETF Protocol Assignments (RFC 6890)
  ["192.0.2.0", 24], // Documentation TEST-NET-1 (RFC 5737)
  ["192.88.99.0", 24], // Deprecated 6to4 Relay Anycast (RFC 7526)
  ["192.168.0.0", 16], // Private-Use (RFC 1918)
  ["198.18.0.0", 15], // Benchmarking (RFC 2544)
  ["198.51.100.0", 24], // Documentation TEST-NET-2 (RFC 5737)
  ["203.0.113.0", 24], // Documentation TEST-NET-3 (RFC 5737)
  ["224.0.0.0", 4], // Multicast (RFC 5771)
  ["240.0.0.0", 4], // Reserved (RFC 1112), and the limited broadcast 255.255.255.255
] as const) {
  NON_PUBLIC_V4.addSubnet(network, prefix, "ipv4")
}
for (const [network, prefix] of [
  ["::", 96], // Unspecified, loopback and the deprecated IPv4-compatible ::/96 (RFC 4291)
  ["::ffff:0:0", 96], // IPv4-mapped (RFC 4291)
  ["::ffff:0:0:0", 96], // IPv4-translated (RFC 2765)
  ["64:ff9b:1::", 48], // IPv4-IPv6 Translation, local use (RFC 8215)
  ["100::", 64], // Discard-Only (RFC 6666)
  ["100:0:0:1::", 64], // Dummy IPv6 Prefix (RFC 9780)
  ["2001::", 23], // IETF Protocol Assignments (RFC 2928), Teredo and benchmarking among them
  ["2001:db8::", 32], // Documentation (RFC 3849)
  ["3fff::", 20], // Documentation (RFC 9637)
  ["5f00::", 16], // Segment Routing (SRv6) SIDs (RFC 9602)
  ["fc00::", 7], // Unique-Local (RFC 4193)
  ["fe80::", 10], // Link-Local Unicast (RFC 4291)
  ["fec0::", 10], // Site-Local, deprecated (RFC 3879)
  ["ff00::", 8], // Multicast (RFC 4291)
] as const) {
  NON_PUBLIC_V6.addSubnet(network, prefix, "ipv6")
}

/** The 16 bytes of an IPv6 address (net.isIP already said it is one). */
function ipv6Bytes(address: string): number[] {
  // A dotted-quad tail ("::ffff:127.0.0.1") is two groups.
  const withoutQuad = address.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c, d) =>
    [((Number(a) << 8) | Number(b)).toString(16), ((Number(c) << 8) | Number(d)).toString(16)].join(
      ":"
    )
  )
  const [head = "", tail] = withoutQuad.split("::")
  const groups = (part: string) => (part ? part.split(":") : [])
  const left = groups(head)
  const right = tail === undefined ? [] : groups(tail)
  const all = [...left, ...Array(8 - left.length - right.length).fill("0"), ...right]
  return all.flatMap((group) => {
    const value = parseInt(group, 16)
    return [value >> 8, value & 0xff]
  })
}

const zero = (bytes: number[], from: number, to: number) =>
  bytes.slice(from, to).every((byte) => byte === 0)

/**
 * The IPv4 address an IPv6 form carries, which the socket layer or a translator reaches: IPv4-mapped
 * (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d), NAT64's
 * well-known prefix (64:ff9b::a.b.c.d, RFC 6052) and 6to4 (2002:aabb:ccdd::/48, RFC 3056).
 */
function embeddedIPv4(address: string): string | undefined {
  const bytes = ipv6Bytes(address)
  const quad = (from: number) => bytes.slice(from, from + 4).join(".")
  const [b0, b1, b2, b3] = bytes
  if (zero(bytes, 0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return quad(12)
  if (zero(bytes, 0, 12) && !zero(bytes, 12, 15)) return quad(12)
  if (zero(bytes, 0, 8) && bytes[8] === 0xff && bytes[9] === 0xff && zero(bytes, 10, 12)) {
    return quad(12)
  }
  if (b0 === 0x00 && b1 === 0x64 && b2 === 0xff && b3 === 0x9b && zero(bytes, 4, 12)) {
    return quad(12)
  }
  if (b0 === 0x20 && b1 === 0x02) return quad(2)
  return undefined
}

/** True for an address on the public internet; false for the ranges above and for non-addresses. */
export function isPublicAddress(address: string): boolean {
  const plain = address.replace(/^\[|\]$/g, "").split("%")[0] ?? ""
  const family = net.isIP(plain)
  if (family === 0) return false
  if (family === 4) return !NON_PUBLIC_V4.check(plain, "ipv4")
  // ::ffff:127.0.0.1 is 127.0.0.1 to the socket layer: a form that wraps IPv4 is judged by it.
  const embedded = embeddedIPv4(plain)
  if (embedded !== undefined) return isPublicAddress(embedded)
  return !NON_PUBLIC_V6.check(plain, "ipv6")
}

/**
 * Decides whether the test may connect to a host and port, before any connection: Microsoft 365's
 * SMTP endpoints on SMTP's ports, plus what the administrator listed in SMTP365_ALLOWED_HOSTS (on
 * any port). The name is resolved once with the operating system's resolver (IPv4 first); a
 * Microsoft name that resolves to a private, loopback, link-local or metadata address is refused,
 * and the session connects to the checked address while TLS still verifies the certificate
 * against the name, so a second DNS answer cannot redirect it.
 */
export async function checkHost(
  host: string,
  allowedHosts: readonly string[],
  port?: number
): Promise<GuardResult> {
  const name = normalizeHost(host).replace(/^\[|\]$/g, "")
  const endpoint = findMicrosoftEndpoint(name)
  const listed = allowedHosts.includes(name)
  if (!endpoint && !listed) {
    return {
      allowed: false,
      code: "EGUARD",
      cause: "HOST",
      message: `${host} is not a Microsoft 365 SMTP endpoint, and this smtp365 only connects to those${
        allowedHosts.length ? " and the hosts its administrator allowed" : ""
      }. Check the server name (for example smtp.office365.com or contoso-com.mail.protection.outlook.com).`,
    }
  }
  if (!listed && port !== undefined && !SMTP_PORTS.includes(port)) {
    return {
      allowed: false,
      code: "EGUARD",
      cause: "PORT",
      message: `Port ${port} is not an SMTP port: smtp365 connects to Microsoft 365 only on 587 (SMTP AUTH), 25 (Direct Send, relay) or 465. Nothing was sent.`,
    }
  }
  const reason = endpoint
    ? `Microsoft 365 endpoint (${endpoint.purpose})`
    : "Allowed by SMTP365_ALLOWED_HOSTS"
  if (net.isIP(name)) return { allowed: true, address: name, reason }
  let address: string
  try {
    ;({ address } = await lookup(name, { family: 0, order: "ipv4first" }))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return {
      allowed: false,
      code: "EDNS",
      ...(code ? { cause: code } : {}),
      message: `The name ${host} could not be resolved${code ? ` (${code})` : ""}`,
    }
  }
  if (!listed && !isPublicAddress(address)) {
    return {
      allowed: false,
      code: "EGUARD",
      cause: "PRIVATE_ADDRESS",
      message: `${host} resolves to ${address}, an address on a private, loopback or link-local network, where no Microsoft 365 endpoint is: smtp365 does not connect there. Check this network's DNS. Nothing was sent.`,
    }
  }
  return { allowed: true, address, servername: name, reason }
}
