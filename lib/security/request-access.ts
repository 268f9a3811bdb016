import { env } from "@/lib/env"

import { BASIC_AUTH_CHALLENGE, hasAccessPassword } from "./basic-auth"
import { checkHost } from "./host-name"

/** A request smtp365 answers itself, without Next.js: its status, text and extra headers. */
export interface Refusal {
  status: number
  message: string
  headers?: Record<string, string>
}

/**
 * What every request must pass, whoever checks it (proxy.ts for pages, action-gate.ts for server
 * actions): a host name smtp365 serves (the Host header, which a page cannot set, not
 * X-Forwarded-Host, which it can), and the access password when SMTP365_ACCESS_PASSWORD is set.
 * Null when it passes.
 */
export function checkRequestAccess(
  host: string | null,
  authorization: string | null
): Refusal | null {
  const { SMTP365_ACCESS_PASSWORD: password, SMTP365_HOSTNAMES } = env()
  const misdirected = checkHost(host, { accessPassword: password, hostNames: SMTP365_HOSTNAMES })
  if (misdirected) return misdirected
  if (password && !hasAccessPassword(authorization, password)) {
    return {
      status: 401,
      message: "smtp365 asks for its access password.",
      headers: { "WWW-Authenticate": BASIC_AUTH_CHALLENGE },
    }
  }
  return null
}

/** The headers of every refusal: the Content-Security-Policy, never cached, plain text. */
export function refusalHeaders(refusal: Refusal, policy: string): Record<string, string> {
  return {
    ...refusal.headers,
    "Content-Security-Policy": policy,
    "Cache-Control": "no-store",
    "Content-Type": "text/plain; charset=utf-8",
  }
}
