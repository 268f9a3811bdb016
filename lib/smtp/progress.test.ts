import { afterAll, beforeAll, describe, expect, test } from "vitest"

import { smtpAuthValues } from "@/e2e/support/setup-values"
import { testServerTls } from "@/e2e/support/test-ca"
import { startSimulator, type RunningSimulator } from "@/lib/practice/simulator"
import { streamProgress, withStage, type TestProgress } from "./progress"
import { runSmtpTest } from "./run-test"
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

describe("streamed progress", () => {
  test("a passing test streams every stage as it happens, then the outcome", async () => {
    const items: TestProgress[] = []
    for await (const item of streamProgress((onEvent) =>
      runSmtpTest(smtpAuthValues({ port: submission.port }, account), {
        allowedHosts: ["localhost"],
        onEvent,
      })
    )) {
      items.push(item)
    }
    const done = items.at(-1)
    expect(done?.type).toBe("done")
    if (done?.type !== "done") return
    let stages: StageResult[] = []
    for (const item of items) {
      if (item.type === "event" && item.event.type === "stage")
        stages = withStage(stages, item.event.stage)
    }
    // The stages rebuilt from the stream are the outcome's stages.
    expect(stages).toEqual(done.outcome.stages)
    expect(stages.map((stage) => stage.status)).not.toContain("running")
    // Each stage was first announced as running.
    const firstStates = new Map<string, string>()
    for (const item of items) {
      if (item.type === "event" && item.event.type === "stage")
        if (!firstStates.has(item.event.stage.id))
          firstStates.set(item.event.stage.id, item.event.stage.status)
    }
    expect(firstStates.get("connect")).toBe("running")
    expect(firstStates.get("data")).toBe("running")
    expect(JSON.stringify(items)).not.toContain(PASSWORD)
  })

  test("a server that never greets: connect is reported passed long before the verdict", async () => {
    const startedAt = performance.now()
    let connectedAt: number | undefined
    let outcomeAt: number | undefined
    for await (const item of streamProgress((onEvent) =>
      runSmtpTest(smtpAuthValues({ port: silent.port }, account), {
        allowedHosts: ["localhost"],
        timeouts: { stepMs: 1_500, totalMs: 5_000 },
        onEvent,
      })
    )) {
      const now = performance.now() - startedAt
      if (item.type === "event" && item.event.type === "stage") {
        if (item.event.stage.id === "connect" && item.event.stage.status === "passed")
          connectedAt = now
      }
      if (item.type === "done") {
        outcomeAt = now
        expect(item.outcome.ok).toBe(false)
        expect(item.outcome.failure?.stage).toBe("greeting")
      }
    }
    expect(connectedAt).toBeLessThan(1_000)
    expect(outcomeAt).toBeGreaterThanOrEqual(1_500)
  })
})
