import { parentPort } from "node:worker_threads"

import { createRedactor } from "./redact"
import { prepareSystemTlsContext, runSession } from "./session"
import type {
  SessionThreadMessage,
  SessionThreadReply,
  SessionThreadRequest,
} from "./session-thread-protocol"
import { StageTracker } from "./stage-tracker"
import { Transcript } from "./transcript"
import type { SessionEvent } from "./types"

let outbox: SessionThreadMessage = []

function flush() {
  parentPort?.postMessage(outbox)
  outbox = []
}

/** Queues a reply; the replies of one turn of the event loop leave together, in order. */
function reply(message: SessionThreadReply) {
  if (outbox.length === 0) setImmediate(flush)
  outbox.push(message)
}

/**
 * The session thread (lib/smtp/session-thread.ts starts it): runs SMTP sessions, any number at
 * once, and reports each one's events and end to the main thread.
 */
parentPort?.on("message", ({ id, request }: SessionThreadRequest) => {
  const emit = (event: SessionEvent) => reply({ id, event })
  // The credential is redacted here too, so no line that carries it leaves this thread.
  const secrets = request.auth
    ? [request.auth.user, "pass" in request.auth ? request.auth.pass : request.auth.accessToken]
    : []
  const redact = createRedactor(secrets)
  // Every line goes to the main thread, whose transcript keeps to the limit and counts the rest.
  const transcript = new Transcript(redact, emit, { limited: false })
  void runSession(request, new StageTracker(redact, emit), transcript).then((end) =>
    reply({ id, end })
  )
})

// Before any test arrives: tests of Microsoft 365 all verify against the system's CAs.
prepareSystemTlsContext()
