import { streamProgress, type TestProgress } from "../lib/smtp/progress"
import type { SessionEvent, TestOutcome } from "../lib/smtp/types"

/** A test run as the action streams it: what went out, every event the engine emitted, the outcome. */
export interface StreamedTest {
  outcome: TestOutcome
  /** The stream's items before the outcome (events that came too late for one are left out). */
  streamed: TestProgress[]
  /** Every event the engine emitted, streamed or not. */
  events: SessionEvent[]
}

/** Runs `run` through streamProgress, as the test-send action does, and keeps everything it gave. */
export async function streamedTest(
  run: (onEvent: (event: SessionEvent) => void) => Promise<TestOutcome>
): Promise<StreamedTest> {
  const events: SessionEvent[] = []
  const items: TestProgress[] = []
  for await (const item of streamProgress((emit) =>
    run((event) => {
      events.push(event)
      emit(event)
    })
  )) {
    items.push(item)
  }
  const done = items.at(-1)
  if (done?.type !== "done") throw new Error("The stream did not end with an outcome")
  return { outcome: done.outcome, streamed: items.slice(0, -1), events }
}
