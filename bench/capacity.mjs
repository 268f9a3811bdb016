// Capacity (a figure, not a budget): the highest steady rate of test sends a second that holds for
// CAPACITY_HOLD_MS with p95 under CAPACITY_P95_MS and no errors. Short probes find it (doubling
// from FIRST_RATE until one fails, then halving the gap to within RESOLUTION), and the rate found
// then runs for the whole hold; if the hold fails, a rate HOLD_STEP lower is held instead, up to
// HOLD_TRIES times (a queue that a 5 s probe hides can build up over a minute).
import { CAPACITY_HOLD_MS, CAPACITY_P95_MS } from "./budgets.mjs"
import { summarize } from "./load.mjs"
import { watchOtherWork } from "./machine.mjs"
import { sized } from "./quick.mjs"

export const PROBE_MS = sized(5_000, 1_500)
export const HOLD_MS = sized(CAPACITY_HOLD_MS, 5_000)
const FIRST_RATE = 8
const MAX_RATE = 4_000
/** Probes stop once the rate that failed is within 10% of the one that held. */
const RESOLUTION = 1.1
const HOLD_TRIES = 5
/** After a failed hold, the next is this much slower. */
const HOLD_STEP = 1.25
/** Between probes, so that the connections of one are closed before the next begins. */
const PAUSE_MS = 1_000

/**
 * `runAt(rate, durationMs)` resolves with the runs of sends started at `rate` a second for
 * `durationMs` (load.mjs's atSteadyRate). Resolves with the rate held (0 if no hold held), the
 * hold's summary, and every probe and hold tried, each with the share of the machine's
 * CPU time that other work took meanwhile (machine.mjs).
 */
export async function findCapacity(runAt) {
  const tried = []
  const holds = async (rate, durationMs) => {
    const otherWork = watchOtherWork()
    const summary = summarize(await runAt(rate, durationMs))
    const held = summary.errors === 0 && summary.p95 < CAPACITY_P95_MS
    tried.push({ rate, durationMs, held, ...summary, otherWork: otherWork() })
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS))
    return held
  }
  let low = 0
  let high = Infinity
  let rate = FIRST_RATE
  while (low === 0 || high === Infinity) {
    if (await holds(rate, PROBE_MS)) {
      low = rate
      rate *= 2
      if (rate > MAX_RATE) break
    } else {
      high = rate
      rate = Math.floor(rate / 2)
      if (rate < 1) break
    }
    if (low >= rate || high <= rate) break
  }
  while (low > 0 && high / low > RESOLUTION) {
    const middle = Math.round(Math.sqrt(low * high))
    if (middle <= low || middle >= high) break
    if (await holds(middle, PROBE_MS)) low = middle
    else high = middle
  }
  for (let i = 0; i < HOLD_TRIES && low > 0; i++) {
    if (await holds(low, HOLD_MS)) return { rate: low, hold: tried.at(-1), tried }
    low = Math.floor(low / HOLD_STEP)
  }
  return { rate: 0, hold: null, tried }
}
