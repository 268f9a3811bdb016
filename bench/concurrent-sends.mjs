// Figure 4: 25 test sends at once (success scenario), a warm-up round and then CONCURRENT_ROUNDS
// rounds like the other figures' runs, and the server's memory around them. The same 25
// conversations driven directly, at once, show what the SMTP and TLS work alone costs when it
// shares this machine's cores (the simulator runs in the bench's process).
import { CONCURRENT_SENDS } from "./budgets.mjs"
import { directSend } from "./direct-conversation.mjs"
import { SCENARIOS, wizardValues } from "./scenarios.mjs"
import { sendTestOverHttp } from "./send-test.mjs"
import { median, percentile, timed } from "./stats.mjs"

const RSS_SAMPLE_MS = 20

/** Measured rounds of 25 sends at once, after a warm-up round. */
export const CONCURRENT_ROUNDS = 5

/**
 * Starts `count` sends at once; `send` resolves with { failure?, firstByteMs? }. Resolves with the
 * median and p95 of the successful sends' times (and first bytes) and the failures.
 */
async function atOnce(count, send) {
  const runs = await Promise.all(
    Array.from({ length: count }, () =>
      timed(send).then(
        ({ ms, result }) => ({ ms, ...result }),
        (error) => ({ ms: Number.NaN, failure: error.message })
      )
    )
  )
  const passed = runs.filter((run) => !run.failure)
  const failures = runs.filter((run) => run.failure).map((run) => run.failure)
  const stat = (values, pick) => (values.length ? pick(values) : Number.NaN)
  const times = passed.map((run) => run.ms)
  const firstBytes = passed.map((run) => run.firstByteMs).filter((ms) => ms !== undefined)
  return {
    median: stat(times, median),
    p95: stat(times, (values) => percentile(values, 95)),
    firstByteP95: stat(firstBytes, (values) => percentile(values, 95)),
    errors: failures.length,
    firstError: failures[0],
  }
}

/**
 * A warm-up round, then CONCURRENT_ROUNDS rounds of atOnce(count, send). Resolves with the median
 * round by p95 (its median, p95 and first bytes), the worst round's p95 and the warm-up's, and the
 * errors of every round, the warm-up's included.
 */
async function rounds(count, send) {
  const warmUp = await atOnce(count, send)
  const measured = []
  for (let i = 0; i < CONCURRENT_ROUNDS; i++) {
    measured.push(await atOnce(count, send))
  }
  const byP95 = [...measured].sort((a, b) => a.p95 - b.p95)
  const all = [warmUp, ...measured]
  return {
    ...byP95[Math.floor(byP95.length / 2)],
    worstP95: byP95.at(-1).p95,
    warmUpP95: warmUp.p95,
    errors: all.reduce((sum, round) => sum + round.errors, 0),
    firstError: all.find((round) => round.firstError)?.firstError,
  }
}

/**
 * Through the app, from the median round: median and p95 time and p95 of the first byte (the first
 * stage shown); the worst and the warm-up round's p95; the errors of all rounds; the server's CPU
 * time per send and its resident memory (kB) before, at peak and after. Directly: the same rounds.
 */
export async function measureConcurrentSends({ app, actionId, port, ca }) {
  const values = wizardValues(
    SCENARIOS.find((scenario) => scenario.id === "success"),
    port
  )
  const rssBefore = app.rssKb()
  let rssPeak = rssBefore
  // The sampler shares this process with the simulator: it reads the server's status files only,
  // not all of /proc every 20 ms.
  const tree = app.processes()
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, app.rssKb(tree))), RSS_SAMPLE_MS)
  const cpuBefore = app.cpuMs()
  const action = await rounds(CONCURRENT_SENDS, async () => {
    const { verdict, firstByteMs } = await sendTestOverHttp(app.url, actionId, values)
    // A failed send counts as an error, with its reason.
    return verdict.ok ? { firstByteMs } : { failure: verdict.failure }
  })
  const serverCpuPerSendMs =
    (app.cpuMs() - cpuBefore) / ((CONCURRENT_ROUNDS + 1) * CONCURRENT_SENDS)
  clearInterval(sampler)
  const rssAfter = app.rssKb()
  const direct = await rounds(CONCURRENT_SENDS, async () => {
    await directSend(port, ca)
    return {}
  })
  return {
    ...action,
    serverCpuPerSendMs,
    rssBefore,
    rssPeak: Math.max(rssPeak, rssAfter),
    rssAfter,
    direct,
  }
}
