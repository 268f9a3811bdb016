import { NextResponse, type NextRequest } from "next/server"

import { checkActionRequest, MAX_ACTION_BODY_BYTES } from "@/lib/security/action-request"
import { contentSecurityPolicy, createNonce } from "@/lib/security/content-security-policy"
import { isHealthProbe } from "@/lib/security/health-probe"
import { checkRequestAccess, refusalHeaders, type Refusal } from "@/lib/security/request-access"

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
  const refuse = (refusal: Refusal) =>
    new NextResponse(`${refusal.message}\n`, {
      status: refusal.status,
      headers: refusalHeaders(refusal, policy),
    })

  if (isHealthProbe(request.method, request.nextUrl.pathname)) {
    const probe = NextResponse.next()
    probe.headers.set("Content-Security-Policy", policy)
    probe.headers.set("Cache-Control", "no-store")
    return probe
  }

  const denied = checkRequestAccess(
    request.headers.get("host"),
    request.headers.get("authorization")
  )
  if (denied) return refuse(denied)

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

  // Server actions never reach the proxy (config below: action-gate.ts checks them). Any other
  // POST is no action of smtp365's: a large or multipart one gets a 4xx here.
  if (request.method === "POST") {
    if (Number(request.headers.get("content-length")) > MAX_ACTION_BODY_BYTES) {
      return refuse({ status: 413, message: "The request is too large." })
    }
    const problem = checkActionRequest(null, request.headers.get("content-type") ?? "", "")
    if (problem) return refuse(problem)
  }

  const requestHeaders = new Headers(request.headers)
  requestHeaders.set("x-nonce", nonce)
  requestHeaders.set("Content-Security-Policy", policy)
  // Nothing behind the proxy needs the password.
  requestHeaders.delete("authorization")
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

/**
 * Every request but a server action's (one with a Next-Action header): those are checked by
 * lib/security/action-gate.ts on the Node server before Next.js sees them. Next.js's machinery for
 * running a proxy at all cost a test send about a third of the web server thread's CPU time
 * (bench/results.md), and an action renders no page that needs the nonce.
 */
export const config = {
  matcher: [{ source: "/:path*", missing: [{ type: "header", key: "next-action" }] }],
}
