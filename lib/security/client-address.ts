import net from "node:net"

import { PEER_ADDRESS_HEADER } from "./peer-address"

/**
 * The address a request came from, for rate limiting: the socket's, unless the socket is the
 * trusted reverse proxy, whose own entry (the last one) in X-Forwarded-For is then believed.
 * Earlier entries are whatever the client claimed, so they are never used. IPv4-mapped IPv6
 * addresses count as IPv4; an IPv6 address counts as its /64, the block one host usually holds.
 */
export function clientAddress(headers: Headers, trustProxy?: string): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim())
  // Without the peer header (a server not started by `next start`), Next.js's X-Forwarded-For is
  // the socket's address when the client sent none: the best there is.
  const peer = normalizeAddress(headers.get(PEER_ADDRESS_HEADER) ?? forwarded[0] ?? "")
  if (trustProxy && peer === normalizeAddress(trustProxy)) {
    const client = normalizeAddress(forwarded.at(-1) ?? "")
    if (client) return rateLimitKey(client)
  }
  return rateLimitKey(peer) || "unknown"
}

/** Lower case, no brackets, and ::ffff:192.0.2.1 as 192.0.2.1; "" for anything but an IP address. */
export function normalizeAddress(value: string): string {
  const address = value
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address)?.[1]
  if (mapped && net.isIPv4(mapped)) return mapped
  return net.isIP(address) ? address : ""
}

function rateLimitKey(address: string): string {
  if (!net.isIPv6(address)) return address
  return `${expandIPv6(address).slice(0, 4).join(":")}::/64`
}

/** The eight 16-bit groups of an IPv6 address (an embedded IPv4 tail becomes two groups). */
function expandIPv6(address: string): string[] {
  const withoutZone = address.split("%")[0] ?? address
  const ipv4Tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(withoutZone)
  const hex = ipv4Tail
    ? withoutZone.slice(0, ipv4Tail.index) +
      [
        (Number(ipv4Tail[1]) << 8) | Number(ipv4Tail[2]),
        (Number(ipv4Tail[3]) << 8) | Number(ipv4Tail[4]),
      ]
        .map((group) => group.toString(16))
        .join(":")
    : withoutZone
  const [head = "", tail] = hex.split("::")
  const headGroups = head ? head.split(":") : []
  const tailGroups = tail ? tail.split(":") : []
  const zeros = Array<string>(8 - headGroups.length - tailGroups.length).fill("0")
  const groups = tail === undefined ? headGroups : [...headGroups, ...zeros, ...tailGroups]
  return groups.map((group) => Number.parseInt(group || "0", 16).toString(16))
}
