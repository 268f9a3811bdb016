import { parentPort } from "node:worker_threads"

import { PROGRESS_INTERVAL_MS } from "./progress"
import { createRedactor } from "./redact"
import { prepareSystemTlsContext, runSession } from "./session"
import type { SessionThreadRequest } from "./session-thread-protocol"
import { SessionThreadOutbox } from "./session-thread-outbox"
import { StageTracker } from "./stage-tracker"
import { Transcript } from "./transcript"

const outbox = new SessionThreadOutbox(
  (message) => parentPort?.postMessage(message),
  PROGRESS_INTERVAL_MS
)

/**
 * The session thread (lib/smtp/session-thread.ts starts it): runs SMTP sessions, any number at
 * once, and reports each one's stages and end to the main thread.
 */
parentPort?.on("message", ({ id, request }: SessionThreadRequest) => {
  // The credential is redacted here too, so no line that carries it leaves this thread.
  const secrets = request.auth
    ? [request.auth.user, "pass" in request.auth ? request.auth.pass : request.auth.accessToken]
    : []
  const redact = createRedactor(secrets)
  const tracker = new StageTracker(redact, (event) => {
    if (event.type === "stage") outbox.stage(id, event.stage)
  })
  // Every line goes to the main thread with the end, where the transcript keeps to the limit and
  // counts the rest. One message for them all, not one a line: the main thread is the web
  // server's, and the browser gets the transcript with the outcome anyway.
  const transcript = new Transcript(redact, undefined, { limited: false })
  void runSession(request, tracker, transcript).then((end) =>
    outbox.end(id, end, transcript.list())
  )
})

// Before any test arrives: tests of Microsoft 365 all verify against the system's CAs.
prepareSystemTlsContext()
