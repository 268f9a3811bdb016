import "server-only"

import http from "node:http"

/**
 * The request header that carries the address of the socket a request arrived on. Next.js gives
 * server actions and the proxy no socket address: it only fills in X-Forwarded-For, and only when
 * the client sent none, so a client could name any address it likes there.
 */
export const PEER_ADDRESS_HEADER = "x-smtp365-peer-address"

let installed = false

/**
 * Makes every HTTP server of this process write the socket's remote address into
 * PEER_ADDRESS_HEADER before any handler sees the request, replacing whatever the client sent under
 * that name. Called once from instrumentation.ts, before `next start` serves a request.
 */
export function recordPeerAddresses(): void {
  if (installed) return
  installed = true
  const prototype = http.Server.prototype as unknown as {
    emit: (event: string | symbol, ...args: unknown[]) => boolean
  }
  const emit = prototype.emit
  prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage
      request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? ""
    }
    return emit.call(this, event, ...args)
  }
}
