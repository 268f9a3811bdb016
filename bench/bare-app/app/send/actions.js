"use server"

// The bench's "Next.js alone": a server action that does what smtp365's test send does around its
// SMTP conversation and nothing else. It hands the direct reference's conversation to a worker
// thread (bench/floor-worker.mjs, started with the server by instrumentation.js, as smtp365 starts
// its session thread) and streams each step as a row, then the outcome, in the shape smtp365's
// action answers (bench/send-test.mjs reads both alike). No proxy, no validation, no rate limit, no
// diagnosis: what it costs beyond the direct reference is Next.js's, and the thread's hand-over.
import { startFloorWorker } from "../../floor-thread.js"

let worker
let nextId = 1
const listeners = new Map()

function thread() {
  if (worker) return worker
  worker = startFloorWorker()
  worker.on("message", (message) => listeners.get(message.id)?.(message))
  return worker
}

/** The conversation's steps as rows as they happen, then its outcome. */
async function* progress(port) {
  const id = nextId++
  const waiting = []
  let wake
  listeners.set(id, (message) => {
    waiting.push(message)
    wake?.()
  })
  thread().postMessage({ id, port })
  try {
    for (;;) {
      if (waiting.length === 0) await new Promise((resolve) => (wake = resolve))
      const message = waiting.shift()
      if ("step" in message) {
        yield {
          type: "events",
          events: [{ type: "stage", stage: { id: message.step, status: "passed" } }],
        }
      } else if ("end" in message) {
        yield { type: "done", outcome: { ok: true, response: message.end } }
        return
      } else {
        yield {
          type: "done",
          outcome: { ok: false, failure: { code: "EBENCH", message: message.error } },
        }
        return
      }
    }
  } finally {
    listeners.delete(id)
  }
}

export async function sendThroughWorker({ port }) {
  return { ok: true, data: { progress: progress(port) } }
}
