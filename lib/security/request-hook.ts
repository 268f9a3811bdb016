import "server-only"

import http from "node:http"

type RequestHook = (request: http.IncomingMessage, response: http.ServerResponse) => void

/**
 * Decides whether Next.js gets a request: true now, false when the gate has answered it itself, or
 * a promise of either once it has read what it needs (a server action's body).
 */
type RequestGate = (
  request: http.IncomingMessage,
  response: http.ServerResponse
) => boolean | Promise<boolean>

const hooks: RequestHook[] = []
let gate: RequestGate | undefined
let serversWrapped = false

/**
 * Wraps the HTTP servers' emit once, so that hooks and the gate run on every request to every
 * HTTP server of this process before any handler (Next.js included) sees it.
 */
function wrapServers() {
  if (serversWrapped) return
  serversWrapped = true
  const prototype = http.Server.prototype as unknown as {
    emit: (event: string | symbol, ...args: unknown[]) => boolean
  }
  const emit = prototype.emit
  prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event !== "request") return emit.call(this, event, ...args)
    const [request, response] = args as [http.IncomingMessage, http.ServerResponse]
    for (const run of hooks) run(request, response)
    const verdict = gate ? gate(request, response) : true
    if (verdict === true) return emit.call(this, event, ...args)
    if (verdict === false) return true
    verdict.then(
      (pass) => pass && emit.call(this, event, ...args),
      (error: unknown) => {
        console.error("smtp365: a request check failed unexpectedly:", error)
        if (!response.headersSent) response.writeHead(500).end()
      }
    )
    return true
  }
}

/** Runs `hook` on every request to every HTTP server of this process, before any handler. */
export function onEveryRequest(hook: RequestHook): void {
  if (hooks.includes(hook)) return
  wrapServers()
  hooks.push(hook)
}

/** Puts `check` before every handler: it lets a request through, or answers it itself. */
export function gateEveryRequest(check: RequestGate): void {
  wrapServers()
  gate = check
}
