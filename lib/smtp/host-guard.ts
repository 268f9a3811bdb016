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
 * Addresses no Microsoft 365 endpoint has: this host, private networks, link-local (169.254.169.254
 * is the cloud metadata service), shared, reserved, documentation, multicast and broadcast ranges
 * (RFC 6890), and the IPv6 forms that wrap an IPv4 address (NAT64, 6to4).
 */
const NON_PUBLIC = new net.BlockList()
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, "ipv4")
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["64:ff9b:1::", 48],
  ["100::", 64],
  ["2001::", 23],
  ["2001:db8::", 32],
  ["2002::", 16],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, "ipv6")
}

/** True for an address on the public internet; false for the ranges above and for non-addresses. */
export function isPublicAddress(address: string): boolean {
  const plain = address.replace(/^\[|\]$/g, "").split("%")[0] ?? ""
  // ::ffff:127.0.0.1 is 127.0.0.1 to the socket layer: judge the IPv4 address it carries.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain)?.[1]
  if (mapped) return isPublicAddress(mapped)
  const family = net.isIP(plain)
  if (family === 0) return false
  return !NON_PUBLIC.check(plain, family === 4 ? "ipv4" : "ipv6")
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
