import type { SessionEvent, StageResult, TestOutcome } from "./types"

/**
 * How often a running test sends the browser what happened since its last update, at most: 20 a
 * second still shows each stage as it happens, and each update costs the server a response row.
 */
export const PROGRESS_INTERVAL_MS = 50

/** What a running test streams to the browser: its events as they happen, then the outcome. */
export type TestProgress =
  | { type: "events"; events: SessionEvent[] }
  | { type: "done"; outcome: TestOutcome }
  /** A bug, not an SMTP failure (those are outcomes): the message says so, the log has the details. */
  | { type: "error"; error: string }

/**
 * Starts `run` at once and yields its events as they happen, then its outcome. The first events
 * leave at once, later ones together at most every `intervalMs`. Events still waiting when the
 * outcome is ready are left out: the outcome holds every stage's final state. `run` never rejects
 * in normal use (failures are outcomes); if it does, the generator rethrows after the events so far.
 * The test does not wait for the stream to be read: React reads it once it has written the
 * action's first answer, and under load, after other requests' work (bench/results.md).
 */
export function streamProgress(
  run: (emit: (event: SessionEvent) => void) => Promise<TestOutcome>,
  intervalMs = PROGRESS_INTERVAL_MS
): AsyncGenerator<TestProgress> {
  let queue: SessionEvent[] = []
  let wake: (() => void) | undefined
  let finished = false
  const result = run((event) => {
    queue.push(event)
    wake?.()
  }).finally(() => {
    finished = true
    wake?.()
  })
  // Without this, a rejection before the stream reaches `await result` would be reported as unhandled.
  result.catch(() => {})
  // Resolves on the next event (if `untilEvent`), at the outcome, or after `ms`.
  const pause = (ms: number, untilEvent: boolean) =>
    new Promise<void>((resolve) => {
      const timer = ms === Infinity ? undefined : setTimeout(() => resolve(), ms)
      wake = () => {
        if (!untilEvent && !finished) return
        clearTimeout(timer)
        resolve()
      }
    }).finally(() => (wake = undefined))
  return (async function* () {
    let sentAt = -Infinity
    while (!finished) {
      if (queue.length === 0) {
        await pause(Infinity, true)
        continue
      }
      const wait = sentAt + intervalMs - performance.now()
      if (wait > 0) {
        await pause(wait, false)
        continue
      }
      const events = queue
      queue = []
      sentAt = performance.now()
      yield { type: "events", events }
    }
    yield { type: "done", outcome: await result }
  })()
}

/**
 * Ends the stream with an `error` item instead of throwing through it (a thrown error would reach
 * the browser as an unreadable failure); `report` logs what went wrong. Only `progress`'s own
 * errors are reported: what the consumer throws in (React does when the browser has gone, as
 * Next.js's ResponseAborted) ends the stream, and `progress` with it, without a report.
 */
export async function* endingInError(
  progress: AsyncIterable<TestProgress>,
  message: string,
  report: (error: unknown) => void
): AsyncGenerator<TestProgress> {
  const iterator = progress[Symbol.asyncIterator]()
  try {
    for (;;) {
      let step: IteratorResult<TestProgress>
      try {
        step = await iterator.next()
      } catch (error) {
        report(error)
        yield { type: "error", error: message }
        return
      }
      if (step.done) return
      yield step.value
    }
  } finally {
    await iterator.return?.()
  }
}

/** The stage list after a stage event: a stage replaces its earlier state, a new one is appended. */
export function withStage(stages: readonly StageResult[], stage: StageResult): StageResult[] {
  const index = stages.findIndex((known) => known.id === stage.id)
  return index === -1 ? [...stages, stage] : stages.map((known, i) => (i === index ? stage : known))
}
