import { describe, expect, test } from "vitest"

import type { SessionEnd } from "./session"
import type { SessionThreadMessage } from "./session-thread-protocol"
import { SessionThreadOutbox } from "./session-thread-outbox"
import type { StageResult } from "./types"

const INTERVAL_MS = 40

const running = (id: StageResult["id"]): StageResult => ({ id, label: id, status: "running" })
const passed = (id: StageResult["id"]): StageResult => ({ id, label: id, status: "passed", ms: 1 })
const END: SessionEnd = { ok: true, tls: null, response: "250 OK" }

/** An outbox whose messages are recorded with when they left; next() waits for the next one. */
function recorded() {
  const messages: { at: number; message: SessionThreadMessage }[] = []
  let waiting: (() => void) | undefined
  const outbox = new SessionThreadOutbox((message) => {
    messages.push({ at: performance.now(), message })
    waiting?.()
  }, INTERVAL_MS)
  const next = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (messages.length >= count) resolve()
        else waiting = check
      }
      check()
    })
  return { outbox, messages, next }
}

describe("the session thread's outbox", () => {
  test("a quiet thread's first change leaves at once, later ones together after the interval, each stage in its latest state", async () => {
    const { outbox, messages, next } = recorded()
    const start = performance.now()
    outbox.stage(1, running("connect"))
    await next(1)
    outbox.stage(1, passed("connect"))
    outbox.stage(1, running("greeting"))
    outbox.stage(2, running("connect"))
    outbox.stage(1, passed("greeting"))
    await next(2)
    expect(messages[0]!.message).toEqual([{ id: 1, stages: [running("connect")] }])
    expect(messages[0]!.at - start).toBeLessThan(INTERVAL_MS)
    // Stage order is the order each first changed; a stage that changed twice is sent once.
    expect(messages[1]!.message).toEqual([
      { id: 1, stages: [passed("connect"), passed("greeting")] },
      { id: 2, stages: [running("connect")] },
    ])
    expect(messages[1]!.at - messages[0]!.at).toBeGreaterThanOrEqual(INTERVAL_MS - 1)
  })

  test("a session's end leaves at the next turn, without waiting out the interval, with its last stage changes and transcript", async () => {
    const { outbox, messages, next } = recorded()
    outbox.stage(1, running("data"))
    await next(1)
    outbox.stage(1, passed("data"))
    outbox.stage(2, running("auth"))
    const transcript = [{ at: 3, direction: "server" as const, text: "250 OK" }]
    outbox.end(1, END, transcript)
    await next(2)
    expect(messages[1]!.at - messages[0]!.at).toBeLessThan(INTERVAL_MS)
    // Other sessions' changes leave with it rather than wait.
    expect(messages[1]!.message).toEqual([
      { id: 2, stages: [running("auth")] },
      { id: 1, stages: [passed("data")], end: END, transcript },
    ])
    // What has left is not sent again.
    outbox.end(3, END, [])
    await next(3)
    expect(messages[2]!.message).toEqual([{ id: 3, stages: [], end: END, transcript: [] }])
  })
})
