"use client"

import { useCallback, useState } from "react"

import type { SetupValues } from "@/lib/schemas/setup"
import { withStage, type TestProgress } from "@/lib/smtp/progress"
import type { StageResult, TestOutcome } from "@/lib/smtp/types"
import { SERVER_UNREACHABLE_MESSAGE } from "@/lib/action-result"
import { sendTestEmail } from "@/app/actions"

/** The server refused the values: a message per field (react-hook-form paths), and a summary. */
export interface RefusedValues {
  error: string
  fieldErrors: Record<string, string>
}

/**
 * The Test step's test send: calls the action, shows each stage as the server reports it, then
 * the outcome. `error` is a test that could not run (the abuse limit, smtp365's server gone), not a
 * failed test: that is an outcome.
 */
export function useTestRun({ onOutcome }: { onOutcome?: (outcome: TestOutcome) => void } = {}) {
  const [outcome, setOutcome] = useState<TestOutcome | null>(null)
  // The stages of the test now running, as they happen; null when no test runs.
  const [liveStages, setLiveStages] = useState<StageResult[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  const clear = useCallback(() => {
    setOutcome(null)
    setError(null)
  }, [])

  /** Shows each stage as the server reports it, then the outcome. */
  async function follow(progress: AsyncIterable<TestProgress>) {
    setLiveStages([])
    try {
      for await (const item of progress) {
        if (item.type === "events") {
          // Transcript lines show in the result; while running, only the stages.
          const { events } = item
          setLiveStages((stages) =>
            events.reduce(
              (shown, event) => (event.type === "stage" ? withStage(shown, event.stage) : shown),
              stages ?? []
            )
          )
        } else if (item.type === "done") {
          setOutcome(item.outcome)
          onOutcome?.(item.outcome)
        } else setError(item.error)
      }
    } catch {
      setError(SERVER_UNREACHABLE_MESSAGE)
    } finally {
      setLiveStages(null)
    }
  }

  /** Runs one test. Answers the server's refusal of the values, for the form to show at its fields. */
  async function run(values: SetupValues): Promise<RefusedValues | null> {
    // Fetch the result's code while the test runs.
    void import("@/components/results/test-result")
    clear()
    let result
    try {
      result = await sendTestEmail(values)
    } catch {
      setError(SERVER_UNREACHABLE_MESSAGE)
      return null
    }
    if (result.ok) {
      await follow(result.data.progress)
      return null
    }
    if (!result.fieldErrors) {
      setError(result.error)
      return null
    }
    return { error: result.error, fieldErrors: result.fieldErrors }
  }

  return { outcome, liveStages, error, setError, clear, run }
}
