import "server-only"

import { Worker } from "node:worker_threads"

import type { SessionEnd, SessionRequest } from "./session"
import type {
  SessionThreadMessage,
  SessionThreadReply,
  SessionThreadRequest,
} from "./session-thread-protocol"
import type { StageTracker } from "./stage-tracker"
import type { Transcript } from "./transcript"

/** Beyond the session's own total timeout, how long to wait for the thread before giving up. */
const THREAD_GRACE_MS = 5_000

interface Pending {
  tracker: StageTracker
  transcript: Transcript
  /** When the session was handed to the thread (performance.now() on this thread). */
  postedAt: number
  resolve: (end: SessionEnd) => void
}

/** The thread this copy of the module runs its sessions on, and how to stop listening to it. */
let thread: { worker: Worker; detach: () => void } | undefined
let nextId = 1
const pending = new Map<number, Pending>()

/** Ends a session the thread cannot finish, as a failure of the stage that was running. */
function abandon(id: number, message: string) {
  const session = pending.get(id)
  if (!session) return
  pending.delete(id)
  const stage = session.tracker.failRunning({ detail: message }) ?? "connect"
  session.resolve({ ok: false, tls: null, failure: { stage, code: "ETHREAD", message } })
}

/** Replays one of the thread's replies on its session. */
function receive(reply: SessionThreadReply) {
  const session = pending.get(reply.id)
  if (!session) return
  for (const stage of reply.stages) session.tracker.apply(stage)
  if (!("end" in reply)) return
  pending.delete(reply.id)
  session.transcript.addFrom(reply.transcript, session.postedAt)
  session.resolve(reply.end)
}

/**
 * Where startSessionThreadEarly leaves the thread for the first test to take. On globalThis, as
 * instrumentation.ts and the server action can each have their own copy of this module; the first
 * test takes the thread out, so a copy that `next dev` reloads later starts a fresh one.
 */
const EARLY = Symbol.for("smtp365.session-thread.early")
const early = globalThis as { [EARLY]?: { worker: Worker; release: () => void } }

function newThread(): Worker {
  const worker = new Worker(new URL("./session-thread-entry.ts", import.meta.url))
  // The thread never keeps the server alive on its own.
  worker.unref()
  return worker
}

/** Leaves `worker` on globalThis for the next test to take, in whichever copy of this module. */
function leave(worker: Worker) {
  // A thread that stops while it waits is simply not taken.
  const forget = () => {
    if (early[EARLY]?.worker === worker) delete early[EARLY]
  }
  worker.on("error", forget)
  worker.on("exit", forget)
  early[EARLY] = {
    worker,
    // What the copy that takes the thread calls: it listens to the thread itself.
    release: () => {
      worker.off("error", forget)
      worker.off("exit", forget)
    },
  }
}

/**
 * Starts the session thread when the server starts (instrumentation.ts), so that the first test
 * doesn't wait for a new thread to boot and load nodemailer (100 to 200 ms: bench/results.md).
 */
export function startSessionThreadEarly() {
  if (thread || early[EARLY]) return
  leave(newThread())
}

/**
 * Leaves the thread this copy of the module took for the next test, once its sessions are over:
 * the warm-up at start (lib/actions/warm-up.ts) runs in instrumentation.ts's copy, and the server
 * action's copy would otherwise start a thread of its own, cold, at the first test.
 */
export function handOverSessionThread() {
  if (!thread || pending.size > 0 || early[EARLY]) return
  thread.detach()
  leave(thread.worker)
  thread = undefined
}

/** The thread startSessionThreadEarly started, once: later calls (and copies) start their own. */
function takeEarlyThread(): Worker | undefined {
  const waiting = early[EARLY]
  if (!waiting) return undefined
  delete early[EARLY]
  waiting.release()
  return waiting.worker
}

function sessionThread(): Worker {
  if (thread) return thread.worker
  const worker = takeEarlyThread() ?? newThread()
  const onMessage = (replies: SessionThreadMessage) => replies.forEach(receive)
  const lost = (reason: string) => {
    if (thread?.worker === worker) thread = undefined
    for (const id of [...pending.keys()]) abandon(id, `The SMTP session thread stopped (${reason})`)
  }
  const onError = (error: Error) => lost(error.message)
  const onExit = (code: number) => lost(`exit code ${code}`)
  worker.on("message", onMessage)
  worker.on("error", onError)
  worker.on("exit", onExit)
  thread = {
    worker,
    detach: () => {
      worker.off("message", onMessage)
      worker.off("error", onError)
      worker.off("exit", onExit)
    },
  }
  return worker
}

/**
 * Runs an SMTP session (lib/smtp/session.ts) on a worker thread, so the TLS handshakes and the
 * SMTP and MIME work of many tests at once use another core than the web server's. The thread's
 * stages are replayed on `tracker` as they change (their latest states, at most every
 * PROGRESS_INTERVAL_MS, as the browser is updated), so a caller sees the same progress as with
 * runSession in this thread; its transcript lines are added to `transcript` when the session
 * ends (if the thread stops under it, the transcript keeps the lines recorded on this thread).
 */
export function runSessionOnThread(
  request: SessionRequest,
  tracker: StageTracker,
  transcript: Transcript
): Promise<SessionEnd> {
  const id = nextId++
  return new Promise<SessionEnd>((resolve) => {
    const timer = setTimeout(
      () => abandon(id, "The SMTP session thread did not answer in time"),
      request.timeouts.totalMs + THREAD_GRACE_MS
    )
    pending.set(id, {
      tracker,
      transcript,
      postedAt: performance.now(),
      resolve: (end) => {
        clearTimeout(timer)
        resolve(end)
      },
    })
    const message: SessionThreadRequest = { id, request }
    sessionThread().postMessage(message)
  })
}
