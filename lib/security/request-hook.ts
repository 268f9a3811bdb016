import "server-only"

import http from "node:http"

type RequestHook = (request: http.IncomingMessage, response: http.ServerResponse) => void

const hooks: RequestHook[] = []

/**
 * Runs `hook` on every request to every HTTP server of this process, before any handler (Next.js
 * included) sees it. The server's emit is wrapped once, whatever the number of hooks.
 */
export function onEveryRequest(hook: RequestHook): void {
  if (hooks.includes(hook)) return
  if (hooks.length === 0) {
    const prototype = http.Server.prototype as unknown as {
      emit: (event: string | symbol, ...args: unknown[]) => boolean
    }
    const emit = prototype.emit
    prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const [request, response] = args as [http.IncomingMessage, http.ServerResponse]
        for (const run of hooks) run(request, response)
      }
      return emit.call(this, event, ...args)
    }
  }
  hooks.push(hook)
}
