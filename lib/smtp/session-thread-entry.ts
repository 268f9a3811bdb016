import { parentPort } from "node:worker_threads"

import { createRedactor } from "./redact"
import { runSession } from "./session"
import type { SessionThreadReply, SessionThreadRequest } from "./session-thread-protocol"
import { StageTracker } from "./stage-tracker"
import { Transcript } from "./transcript"
import type { SessionEvent } from "./types"

/**
 * The session thread (lib/smtp/session-thread.ts starts it): runs SMTP sessions, any number at
 * once, and reports each one's events and end to the main thread.
 */
parentPort?.on("message", ({ id, request }: SessionThreadRequest) => {
  const reply = (message: SessionThreadReply) => parentPort?.postMessage(message)
  const emit = (event: SessionEvent) => reply({ id, event })
  // The credential is redacted here too, so no line that carries it leaves this thread.
  const secrets = request.auth
    ? [request.auth.user, "pass" in request.auth ? request.auth.pass : request.auth.accessToken]
    : []
  // A Buffer crosses threads as a plain Uint8Array.
  const message = Buffer.from(
    request.message.buffer,
    request.message.byteOffset,
    request.message.byteLength
  )
  void runSession(
    { ...request, message },
    new StageTracker(emit),
    new Transcript(createRedactor(secrets), emit)
  ).then((end) => reply({ id, end }))
})
