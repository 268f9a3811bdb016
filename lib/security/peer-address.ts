import "server-only"

import type http from "node:http"

import { onEveryRequest } from "./request-hook"

/**
 * The request header that carries the address of the socket a request arrived on. Next.js gives
 * server actions and the proxy no socket address: it only fills in X-Forwarded-For, and only when
 * the client sent none, so a client could name any address it likes there.
 */
export const PEER_ADDRESS_HEADER = "x-smtp365-peer-address"

function recordPeerAddress(request: http.IncomingMessage) {
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? ""
}

/**
 * Makes every HTTP server of this process write the socket's remote address into
 * PEER_ADDRESS_HEADER before any handler sees the request, replacing whatever the client sent under
 * that name. Called once from instrumentation.ts, before `next start` serves a request.
 */
export function recordPeerAddresses(): void {
  onEveryRequest(recordPeerAddress)
}
