import { afterAll, expect, test } from "vitest"

import { practiceTarget, stopPracticeServers } from "@/lib/practice/practice-server"
import { runDiagnosedTest } from "./test-send"
import { warmUpValues } from "./warm-up"

afterAll(() => stopPracticeServers())

// The warm-up runs its session on the session thread, which only a Next.js build can start; here
// the same test runs in this thread. A warm-up that failed would leave the first test cold.
test("the warm-up at start is a passing practice test that goes as far as DATA", async () => {
  const outcome = await runDiagnosedTest(warmUpValues(), { allowedHosts: [], practiceTarget })
  expect(outcome.ok).toBe(true)
  expect(outcome.stages.map((stage) => [stage.id, stage.status])).toEqual(
    expect.arrayContaining([
      ["tls", "passed"],
      ["auth", "passed"],
      ["data", "passed"],
    ])
  )
})
