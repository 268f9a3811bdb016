// What the product adds to an SMTP conversation: the server action's time minus the same
// conversation driven directly by the reference process (bench/direct-reference.mjs). The budget's
// figure is the first test after a start, as someone who has just started smtp365 feels it; the
// warm server's figure stands beside it, with runDiagnosedTest (the product's library without HTTP
// or Next.js) in the reference process.
import { FIRST_TEST_STARTS } from "./budgets.mjs"
import { sized } from "./quick.mjs"
import { median, timed } from "./stats.mjs"

/** Fresh starts whose first test is measured (at least FIRST_TEST_STARTS). */
export const STARTS = sized(FIRST_TEST_STARTS, 2)

/** Direct conversations run right after each first test; their median is its "direct". */
export const DIRECT_RUNS = 3

/** Interleaved runs of each way on the warm server. */
export const WARM_RUNS = sized(20, 5)

/**
 * For each of STARTS fresh starts (startApp() resolves once the server answers GET /, as the
 * wizard's page is loaded before a test), the first test's time through `sendFirst(app)`, and the
 * median of DIRECT_RUNS direct conversations right after it. Resolves with each start's action,
 * direct and overhead, and the median overhead.
 */
export async function measureFirstTests({ startApp, sendFirst, reference }) {
  const starts = []
  for (let i = 0; i < STARTS; i++) {
    const app = await startApp()
    try {
      const { ms, result } = await timed(() => sendFirst(app))
      if (result.failure) throw new Error(`The first test after a start failed: ${result.failure}`)
      const { runs } = await reference.oneAtATime(DIRECT_RUNS)
      const direct = median(runs.map((run) => run.ms))
      starts.push({ action: ms, direct, overhead: ms - direct })
    } finally {
      await app.stop()
    }
  }
  return { starts, overhead: median(starts.map((start) => start.overhead)) }
}

/**
 * WARM_RUNS runs of each way, interleaved so machine noise hits them alike: the action over HTTP
 * (`send`), Next.js alone (`floor`, bench/bare-app's action), the direct conversation and
 * runDiagnosedTest in the reference process. Medians, in ms.
 */
export async function measureWarmOverhead({ send, reference, floor }) {
  const times = { action: [], direct: [], library: [], floor: [] }
  for (let i = 0; i < WARM_RUNS; i++) {
    for (const [way, run] of [
      ["action", send],
      ["floor", floor],
    ]) {
      const sent = await timed(run)
      if (sent.result.failure) throw new Error(`The ${way} failed: ${sent.result.failure}`)
      times[way].push(sent.ms)
    }
    for (const way of ["direct", "library"]) {
      const [run] = (await reference.oneAtATime(1, way)).runs
      if (run.failure) throw new Error(`${way} failed: ${run.failure}`)
      times[way].push(run.ms)
    }
  }
  const medians = Object.fromEntries(Object.entries(times).map(([way, ms]) => [way, median(ms)]))
  return {
    ...medians,
    overhead: medians.action - medians.direct,
    floorOverhead: medians.floor - medians.direct,
  }
}
