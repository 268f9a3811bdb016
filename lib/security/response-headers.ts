import "server-only"

import type http from "node:http"

import { FIXED_SECURITY_HEADERS } from "./fixed-headers"
import { onEveryRequest } from "./request-hook"

function setFixedHeaders(_request: http.IncomingMessage, response: http.ServerResponse) {
  for (const { key, value } of FIXED_SECURITY_HEADERS) response.setHeader(key, value)
}

/**
 * Makes every HTTP server of this process start each response with the fixed security headers,
 * before Next.js sees the request. Next.js answers a path with repeated slashes or a backslash
 * ("/diagnose//x") with a redirect of its own, before its header rules and the proxy run, and
 * that redirect would otherwise carry none of them. Later headers of the same name replace these.
 * Called once from instrumentation.ts.
 */
export function sendFixedHeadersOnEveryResponse(): void {
  onEveryRequest(setFixedHeaders)
}
