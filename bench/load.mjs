// How the bench puts load on smtp365 and on the direct reference alike: many sends at once, or a
// steady rate. Both the bench's process (smtp365, over HTTP) and the reference's (direct) use it.
// A send resolves with { failure?, firstByteMs? }; one that throws counts as a failure too.
import { median, percentile, timed } from "./stats.mjs"

function settle(promise, since) {
  return promise.then(
    (result) => ({ ms: performance.now() - since, ...result }),
    (error) => ({ ms: Number.NaN, failure: error instanceof Error ? error.message : String(error) })
  )
}

/** Starts `count` sends in the same turn of the event loop; resolves with every run's time. */
export function atOnce(count, send) {
  const start = performance.now()
  return Promise.all(Array.from({ length: count }, () => settle(send(), start)))
}

/** `count` sends one after the other; resolves with their times (ms). */
export async function oneAtATime(count, send) {
  const runs = []
  for (let i = 0; i < count; i++) {
    const { ms, result } = await timed(send)
    runs.push({ ms, ...result })
  }
  return runs
}

/**
 * Starts sends at a steady `rate` a second for `durationMs`, on schedule whether or not the earlier
 * ones have finished (an open loop, as independent users arrive). Each run's time counts from when
 * it was due, so a send started late because the process was busy shows that delay. Resolves once
 * every send has ended.
 */
export async function atSteadyRate(rate, durationMs, send) {
  const interval = 1000 / rate
  const count = Math.max(1, Math.round((rate * durationMs) / 1000))
  const start = performance.now()
  const runs = []
  await new Promise((resolve) => {
    const tick = () => {
      while (runs.length < count) {
        const due = start + runs.length * interval
        if (due > performance.now()) return setTimeout(tick, due - performance.now())
        runs.push(settle(send(), due))
      }
      resolve()
    }
    tick()
  })
  return Promise.all(runs)
}

/**
 * Median and p95 of the successful runs' times (and first bytes, when the runs have them), and the
 * failures: how many, and the first one's reason.
 */
export function summarize(runs) {
  const passed = runs.filter((run) => !run.failure)
  const failed = runs.filter((run) => run.failure)
  const stat = (values, pick) => (values.length ? pick(values) : Number.NaN)
  const times = passed.map((run) => run.ms)
  const firstBytes = passed.map((run) => run.firstByteMs).filter((ms) => ms !== undefined)
  return {
    sends: runs.length,
    median: stat(times, median),
    p95: stat(times, (values) => percentile(values, 95)),
    firstByteP95: stat(firstBytes, (values) => percentile(values, 95)),
    errors: failed.length,
    firstError: failed[0]?.failure,
  }
}
