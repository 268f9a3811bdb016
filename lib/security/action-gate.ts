import "server-only"

import type http from "node:http"

import { checkActionRequest, MAX_ACTION_BODY_BYTES } from "./action-request"
import { contentSecurityPolicy, createNonce } from "./content-security-policy"
import { checkRequestAccess, refusalHeaders, type Refusal } from "./request-access"
import { gateEveryRequest } from "./request-hook"

/** How long a server action's body may take to arrive once its headers have. */
export const ACTION_BODY_TIMEOUT_MS = 10_000

/**
 * Checks every server action request (one with a Next-Action header) on the Node server, before
 * Next.js sees it, as proxy.ts checks every other request: the host name and the access password
 * (request-access.ts), then the body, which it reads whole (at most MAX_ACTION_BODY_BYTES) and
 * hands on to Next.js unchanged: a malformed one gets a 4xx here rather than a 500 from Next.js's
 * decoder (action-request.ts). Actions skip the proxy because Next.js's machinery for running one
 * cost a test send about a third of the web server thread's CPU time (bench/results.md).
 * Called once from instrumentation.ts.
 */
export function checkActionsBeforeNextJs(): void {
  gateEveryRequest(gateAction)
}

/** The gate for one request: true lets Next.js have it; false when it was answered here. */
export function gateAction(
  request: http.IncomingMessage,
  response: http.ServerResponse
): boolean | Promise<boolean> {
  const actionId = request.headers["next-action"]
  if (actionId === undefined) return true
  // Every response carries the policy, as the proxy gives every other one (SECURITY.md).
  const policy = contentSecurityPolicy(createNonce(), process.env.NODE_ENV === "development")
  const refuse = (refusal: Refusal) => {
    // The body may be unread: the connection closes after the answer rather than wait for it.
    response.shouldKeepAlive = false
    response.writeHead(refusal.status, refusalHeaders(refusal, policy)).end(`${refusal.message}\n`)
    return false
  }
  const denied = checkRequestAccess(
    request.headers.host ?? null,
    request.headers.authorization ?? null
  )
  if (denied) return refuse(denied)
  if (request.method !== "POST" || Array.isArray(actionId)) {
    return refuse({
      status: 400,
      message: "A server action is one POST with one Next-Action header.",
    })
  }
  if (Number(request.headers["content-length"]) > MAX_ACTION_BODY_BYTES) {
    return refuse({ status: 413, message: "The request is too large." })
  }
  return readWhole(request, MAX_ACTION_BODY_BYTES).then((body) => {
    if (body === null)
      return refuse({ status: 408, message: "The request's body did not arrive in time." })
    const problem = checkActionRequest(actionId, request.headers["content-type"] ?? "", body)
    if (problem) return refuse(problem)
    // Nothing behind the gate needs the password. An action's answer streams a test's stages as
    // small rows: compressing it (next start gzips whatever the request accepts, and Next.js
    // overrides an action's Cache-Control, so no-transform cannot opt out) cost an eighth of the
    // server's CPU per test and saves a few hundred bytes.
    delete request.headers.authorization
    delete request.headers["accept-encoding"]
    response.setHeader("Cache-Control", "no-store")
    response.setHeader("Content-Security-Policy", policy)
    return true
  })
}

/**
 * The request's body, put back at the front of the request's stream for Next.js to read as if
 * nothing had: all of it, once Node's HTTP parser has the whole message (`complete`, with a
 * Content-Length or chunked), or the first bytes past `limit` (the caller refuses those). Null when
 * it does not arrive within `timeoutMs`, or the client goes away. The stream has not ended while
 * its bytes are put back: it ends only once a read finds nothing left, after this.
 */
export function readWhole(
  request: http.IncomingMessage,
  limit: number,
  timeoutMs = ACTION_BODY_TIMEOUT_MS
): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const finish = (body: Buffer | null) => {
      clearTimeout(timer)
      request.off("readable", read)
      request.off("close", gone)
      if (body?.byteLength) request.unshift(body)
      resolve(body)
    }
    const read = () => {
      for (let chunk: Buffer | null; size <= limit && (chunk = request.read() as Buffer | null);) {
        chunks.push(chunk)
        size += chunk.byteLength
      }
      if (size > limit || request.complete) finish(Buffer.concat(chunks, size))
    }
    const gone = () => finish(null)
    const timer = setTimeout(gone, timeoutMs)
    if (request.complete && request.readableLength === 0) return finish(Buffer.alloc(0))
    request.on("readable", read)
    request.on("close", gone)
  })
}
