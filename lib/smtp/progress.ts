import type { SessionEvent, StageResult, TestOutcome } from "./types"

/** What a running test streams to the browser: each event as it happens, then the outcome. */
export type TestProgress =
  | { type: "event"; event: SessionEvent }
  | { type: "done"; outcome: TestOutcome }
  /** A bug, not an SMTP failure (those are outcomes): the message says so, the log has the details. */
  | { type: "error"; error: string }

/**
 * Runs `run` and yields its events as they happen, then its outcome. `run` never rejects in normal
 * use (failures are outcomes); if it does, the generator rethrows after the events so far.
 */
export async function* streamProgress(
  run: (emit: (event: SessionEvent) => void) => Promise<TestOutcome>
): AsyncGenerator<TestProgress> {
  const queue: SessionEvent[] = []
  let wake: (() => void) | undefined
  let finished = false
  const result = run((event) => {
    queue.push(event)
    wake?.()
  }).finally(() => {
    finished = true
    wake?.()
  })
  // Without this, a rejection before the loop reaches `await result` would be reported as unhandled.
  result.catch(() => {})
  while (true) {
    const event = queue.shift()
    if (event) {
      yield { type: "event", event }
      continue
    }
    if (finished) break
    await new Promise<void>((resolve) => (wake = resolve))
    wake = undefined
  }
  yield { type: "done", outcome: await result }
}

/**
 * Ends the stream with an `error` item instead of throwing through it (a thrown error would reach
 * the browser as an unreadable failure); `report` logs what went wrong.
 */
export async function* endingInError(
  progress: AsyncIterable<TestProgress>,
  message: string,
  report: (error: unknown) => void
): AsyncGenerator<TestProgress> {
  try {
    yield* progress
  } catch (error) {
    report(error)
    yield { type: "error", error: message }
  }
}

/** The stage list after a stage event: a stage replaces its earlier state, a new one is appended. */
export function withStage(stages: readonly StageResult[], stage: StageResult): StageResult[] {
  const index = stages.findIndex((known) => known.id === stage.id)
  return index === -1 ? [...stages, stage] : stages.map((known, i) => (i === index ? stage : known))
}
