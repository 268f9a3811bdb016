import { afterAll, beforeAll, describe, expect, test } from "vitest"

import { smtpAuthValues } from "@/test-support/setup-values"
import { testServerTls } from "@/test-support/test-ca"
import { runDiagnosedTest } from "@/lib/actions/test-send"
import { startSimulator, type RunningSimulator } from "@/lib/practice/simulator"
import {
  endingInError,
  PROGRESS_INTERVAL_MS,
  streamProgress,
  withStage,
  type TestProgress,
} from "./progress"
import type { StageResult } from "./types"

const PASSWORD = "Tidal-Compass-9|progress"
let submission: RunningSimulator
let silent: RunningSimulator

beforeAll(async () => {
  const tls = testServerTls()
  ;[submission, silent] = await Promise.all([
    startSimulator({ role: "submission", tls, password: PASSWORD }),
    startSimulator({ role: "submission", tls, silent: true }),
  ])
})
afterAll(() => Promise.all([submission.close(), silent.close()]))

const account = { user: "sender@contoso.com", pass: PASSWORD }

/** The stage events of the streamed items, in order. */
function streamedStages(items: readonly TestProgress[]): StageResult[] {
  return items.flatMap((item) =>
    item.type === "events"
      ? item.events.flatMap((event) => (event.type === "stage" ? [event.stage] : []))
      : []
  )
}

describe("streamed progress", () => {
  test("a passing test streams its stages as they happen, in updates at most every interval, then the outcome", async () => {
    const items: { at: number; item: TestProgress }[] = []
    for await (const item of streamProgress((onEvent) =>
      runDiagnosedTest(smtpAuthValues({ port: submission.port }, account), {
        allowedHosts: ["localhost"],
        onEvent,
      })
    )) {
      items.push({ at: performance.now(), item })
    }
    const done = items.at(-1)?.item
    expect(done?.type).toBe("done")
    if (done?.type !== "done") return
    const updateTimes = items.filter(({ item }) => item.type === "events").map(({ at }) => at)
    // The simulator greets after 100 ms: the first stages show before it, the greeting after.
    expect(updateTimes.length).toBeGreaterThanOrEqual(2)
    const gaps = updateTimes.slice(1).map((at, i) => at - updateTimes[i]!)
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(PROGRESS_INTERVAL_MS - 1)
    const streamed = streamedStages(items.map(({ item }) => item))
    // Each stage was first announced as running, and the outcome has every stage's final state.
    const firstStates = new Map<string, string>()
    for (const stage of streamed)
      if (!firstStates.has(stage.id)) firstStates.set(stage.id, stage.status)
    expect(firstStates.get("resolve")).toBe("running")
    expect(firstStates.get("connect")).toBe("running")
    expect(streamed).toContainEqual(expect.objectContaining({ id: "greeting", status: "passed" }))
    const rebuilt = streamed.reduce<StageResult[]>(withStage, [])
    for (const stage of rebuilt) expect(done.outcome.stages.map(({ id }) => id)).toContain(stage.id)
    expect(done.outcome.stages.map((stage) => stage.status)).not.toContain("running")
    expect(done.outcome.stages.at(-1)).toMatchObject({ id: "data", status: "passed" })
    expect(JSON.stringify(items)).not.toContain(PASSWORD)
  })

  test("a server that never greets: connect is reported passed long before the verdict", async () => {
    const startedAt = performance.now()
    let connectedAt: number | undefined
    let outcomeAt: number | undefined
    for await (const item of streamProgress((onEvent) =>
      runDiagnosedTest(smtpAuthValues({ port: silent.port }, account), {
        allowedHosts: ["localhost"],
        timeouts: { stepMs: 1_500, totalMs: 5_000 },
        onEvent,
      })
    )) {
      const now = performance.now() - startedAt
      if (
        streamedStages([item]).some((stage) => stage.id === "connect" && stage.status === "passed")
      )
        connectedAt = now
      if (item.type === "done") {
        outcomeAt = now
        expect(item.outcome.ok).toBe(false)
        expect(item.outcome.failure?.stage).toBe("greeting")
        // The outcome the browser gets is diagnosed.
        expect(item.outcome.diagnosis?.id).toBe("greeting-timeout")
      }
    }
    expect(connectedAt).toBeLessThan(1_000)
    expect(outcomeAt).toBeGreaterThanOrEqual(1_500)
  })
})

describe("a stream ending in an error item", () => {
  const first: TestProgress = { type: "events", events: [] }
  const MESSAGE = "smtp365 hit an unexpected error"

  test("the stream's own error becomes an error item, reported once", async () => {
    const failure = new Error("a bug")
    async function* failing(): AsyncGenerator<TestProgress> {
      yield first
      throw failure
    }
    const reported: unknown[] = []
    const items: TestProgress[] = []
    for await (const item of endingInError(failing(), MESSAGE, (error) => reported.push(error))) {
      items.push(item)
    }
    expect(items).toEqual([first, { type: "error", error: MESSAGE }])
    expect(reported).toEqual([failure])
  })

  test("what the consumer throws in (the browser has gone) ends the stream and its source, unreported", async () => {
    let sourceClosed = false
    async function* endless(): AsyncGenerator<TestProgress> {
      try {
        for (;;) yield first
      } finally {
        sourceClosed = true
      }
    }
    const reported: unknown[] = []
    const stream = endingInError(endless(), MESSAGE, (error) => reported.push(error))
    expect(await stream.next()).toEqual({ done: false, value: first })
    const aborted = Object.assign(new Error(""), { name: "ResponseAborted" })
    await expect(stream.throw(aborted)).rejects.toBe(aborted)
    expect(reported).toEqual([])
    expect(sourceClosed).toBe(true)
  })
})
