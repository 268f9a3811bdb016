import { NextResponse, type NextRequest } from "next/server"

import { env } from "@/lib/env"
import {
  checkActionRequest,
  MAX_ACTION_BODY_BYTES,
  readBodyUpTo,
} from "@/lib/security/action-request"
import { BASIC_AUTH_CHALLENGE, hasAccessPassword } from "@/lib/security/basic-auth"
import { contentSecurityPolicy, createNonce } from "@/lib/security/content-security-policy"
import { isHealthProbe } from "@/lib/security/health-probe"
import { checkHost } from "@/lib/security/host-name"

/**
 * Runs before every request: without SMTP365_ACCESS_PASSWORD answers only to the host names it
 * serves, with it asks for the password, and gives each response a Content-Security-Policy with a
 * fresh nonce (Next.js reads it from the request headers and puts it on the scripts it renders).
 * Pages, actions and their results are never cached: they can carry a test's transcript. A health
 * probe (GET /api/health) needs neither a served name nor the password (see isHealthProbe).
 */
export async function proxy(request: NextRequest) {
  const nonce = createNonce()
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development")
  const refuse = (status: number, message: string, headers: Record<string, string> = {}) =>
    new NextResponse(`${message}\n`, {
      status,
      headers: {
        ...headers,
        "Content-Security-Policy": policy,
        "Cache-Control": "no-store",
        "Content-Type": "text/plain; charset=utf-8",
      },
    })

  if (isHealthProbe(request.method, request.nextUrl.pathname)) {
    const probe = NextResponse.next()
    probe.headers.set("Content-Security-Policy", policy)
    probe.headers.set("Cache-Control", "no-store")
    return probe
  }

  const { SMTP365_ACCESS_PASSWORD: password, SMTP365_HOSTNAMES } = env()
  // The Host header, which a page cannot set: not X-Forwarded-Host, which it can.
  const misdirected = checkHost(request.headers.get("host"), {
    accessPassword: password,
    hostNames: SMTP365_HOSTNAMES,
  })
  if (misdirected) return refuse(misdirected.status, misdirected.message)

  if (password && !hasAccessPassword(request.headers.get("authorization"), password)) {
    return refuse(401, "smtp365 asks for its access password.", {
      "WWW-Authenticate": BASIC_AUTH_CHALLENGE,
    })
  }

  // Next.js's own trailing-slash redirect runs before the proxy and its answer loses every header
  // next.config.ts sets, so next.config.ts turns it off and the proxy redirects instead.
  const withoutSlash = withoutTrailingSlash(request.nextUrl.pathname)
  if (withoutSlash) {
    const target = new URL(`${withoutSlash}${request.nextUrl.search}`, request.url)
    const redirect = NextResponse.redirect(target, 308)
    redirect.headers.set("Content-Security-Policy", policy)
    redirect.headers.set("Cache-Control", "no-store")
    return redirect
  }

  // A malformed server action request gets a 4xx here rather than a 500 from Next.js's decoder.
  if (request.method === "POST") {
    if (Number(request.headers.get("content-length")) > MAX_ACTION_BODY_BYTES) {
      return refuse(413, "The request is too large.")
    }
    const problem = checkActionRequest(
      request.headers.get("next-action"),
      request.headers.get("content-type") ?? "",
      // Next.js hands the proxy its own copy of the body and the action the buffered original.
      request.headers.has("next-action")
        ? await readBodyUpTo(request.body, MAX_ACTION_BODY_BYTES)
        : ""
    )
    if (problem) return refuse(problem.status, problem.message)
  }

  const requestHeaders = new Headers(request.headers)
  requestHeaders.set("x-nonce", nonce)
  requestHeaders.set("Content-Security-Policy", policy)
  // Nothing behind the proxy needs the password.
  requestHeaders.delete("authorization")
  // An action's answer streams a test's stages as small rows. Compressing it (next start gzips
  // whatever the request accepts, and Next.js overrides an action's Cache-Control, so no-transform
  // cannot opt out) cost an eighth of the server's CPU per test and saves a few hundred bytes.
  if (request.headers.has("next-action")) requestHeaders.delete("accept-encoding")
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  response.headers.set("Content-Security-Policy", policy)
  // Built assets are immutable and hold no result; everything else is a page or an action.
  if (!request.nextUrl.pathname.startsWith("/_next/static/")) {
    response.headers.set("Cache-Control", "no-store")
  }
  return response
}

/**
 * The path without its trailing slashes, as Next.js's redirect would have it ("/diagnose/" is
 * "/diagnose"), with runs of slashes made one so the result never reads as another host
 * ("//example.com"); null for "/" and for a path without a trailing slash.
 */
function withoutTrailingSlash(pathname: string): string | null {
  if (pathname === "/" || !pathname.endsWith("/")) return null
  return pathname.replace(/[/\\]+/g, "/").replace(/\/+$/, "") || "/"
}
