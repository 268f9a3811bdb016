import "server-only"

import { lookup } from "node:dns/promises"
import net from "node:net"

import { findMicrosoftEndpoint, normalizeHost } from "@/lib/microsoft365/endpoints"

export type GuardResult =
  | { allowed: true; address: string; servername?: string; reason: string }
  | { allowed: false; code: "EGUARD" | "EDNS"; cause?: string; message: string }

/**
 * Decides whether the test may connect to a host, before any connection: Microsoft 365's SMTP
 * endpoints, plus what the administrator listed in SMTP365_ALLOWED_HOSTS. The name is resolved once
 * with the operating system's resolver (IPv4 first) and the session connects to that address, while
 * TLS still verifies the certificate against the name.
 */
export async function checkHost(
  host: string,
  allowedHosts: readonly string[]
): Promise<GuardResult> {
  const name = normalizeHost(host).replace(/^\[|\]$/g, "")
  const endpoint = findMicrosoftEndpoint(name)
  const listed = allowedHosts.includes(name)
  if (!endpoint && !listed) {
    return {
      allowed: false,
      code: "EGUARD",
      message: `${host} is not a Microsoft 365 SMTP endpoint, and this smtp365 only connects to those${
        allowedHosts.length ? " and the hosts its administrator allowed" : ""
      }. Check the server name (for example smtp.office365.com or contoso-com.mail.protection.outlook.com).`,
    }
  }
  const reason = endpoint
    ? `Microsoft 365 endpoint (${endpoint.purpose})`
    : "Allowed by SMTP365_ALLOWED_HOSTS"
  if (net.isIP(name)) return { allowed: true, address: name, reason }
  try {
    const { address } = await lookup(name, { family: 0, order: "ipv4first" })
    return { allowed: true, address, servername: name, reason }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return {
      allowed: false,
      code: "EDNS",
      ...(code ? { cause: code } : {}),
      message: `The name ${host} could not be resolved${code ? ` (${code})` : ""}`,
    }
  }
}
