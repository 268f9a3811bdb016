// Figure 4: 25 test sends at once (success scenario), and the server's memory around them. Rounds
// right after the server started (a warm-up round, then CONCURRENT_ROUNDS), then, once the server
// has handled WARM_UP_SENDS sends, a single send and CONCURRENT_ROUNDS rounds of the warm server.
// The same 25 conversations driven directly, at once, show what the SMTP and TLS work alone costs
// when it shares this machine's cores (the simulator runs in the bench's process).
import { CONCURRENT_SENDS } from "./budgets.mjs"
import { directSend } from "./direct-conversation.mjs"
import { SCENARIOS, wizardValues } from "./scenarios.mjs"
import { sendTestOverHttp } from "./send-test.mjs"
import { median, percentile, timed } from "./stats.mjs"

const RSS_SAMPLE_MS = 20

/** Measured rounds of 25 sends at once. */
export const CONCURRENT_ROUNDS = 5

/**
 * Sends (in rounds of 25 at once) between the just-started rounds and the warm ones. The server's
 * CPU time per send falls by a third to a half over its first 3,000 sends, as V8 compiles the code
 * they run to optimized machine code, then holds: the warm rounds measure that steady state.
 */
export const WARM_UP_SENDS = 3_000

/** Sequential sends of the warm server whose median is its single send. */
export const WARM_SINGLE_RUNS = 20

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

/** The errors of rounds from atOnce: how many, and the first one's reason. */
function errorsOf(rounds) {
  return {
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
    firstError: rounds.find((round) => round.firstError)?.firstError,
  }
}

/**
 * `warmUp` rounds of atOnce(count, send), then CONCURRENT_ROUNDS measured ones. Resolves with the
 * median measured round by p95 (its median, p95 and first bytes), the worst measured round's p95,
 * the first round's, and the errors of every round, the warm-up's included.
 */
async function rounds(count, send, warmUp = 0) {
  const all = []
  for (let i = 0; i < warmUp + CONCURRENT_ROUNDS; i++) {
    all.push(await atOnce(count, send))
  }
  const byP95 = all.slice(warmUp).sort((a, b) => a.p95 - b.p95)
  return {
    ...byP95[Math.floor(byP95.length / 2)],
    worstP95: byP95.at(-1).p95,
    firstP95: all[0].p95,
    ...errorsOf(all),
  }
}

/**
 * Through the app: `justStarted`, the rounds right after the server started (a warm-up round and
 * CONCURRENT_ROUNDS), and `warm`, CONCURRENT_ROUNDS rounds after WARM_UP_SENDS more sends, with the
 * warm server's single send (the median of WARM_SINGLE_RUNS). Each: from the median round, median
 * and p95 time and p95 of the first byte (the first stage shown), the worst and the first round's
 * p95, the errors of all its rounds (the warm line's count the warm-up's too), and the server's CPU
 * time per send. Also the server's resident memory (kB) before, at peak and after, and directly: a
 * warm-up round and CONCURRENT_ROUNDS rounds.
 */
export async function measureConcurrentSends({ app, actionId, port, ca }) {
  const values = wizardValues(
    SCENARIOS.find((scenario) => scenario.id === "success"),
    port
  )
  const send = async () => {
    const { verdict, firstByteMs } = await sendTestOverHttp(app.url, actionId, values)
    // A failed send counts as an error, with its reason.
    return verdict.ok ? { firstByteMs } : { failure: verdict.failure }
  }
  /** rounds(…) through the app, with the server's CPU time per send over all of them. */
  const serverRounds = async (warmUp) => {
    const cpuBefore = app.cpuMs()
    const result = await rounds(CONCURRENT_SENDS, send, warmUp)
    const sends = (warmUp + CONCURRENT_ROUNDS) * CONCURRENT_SENDS
    return { ...result, sends, serverCpuPerSendMs: (app.cpuMs() - cpuBefore) / sends }
  }

  const rssBefore = app.rssKb()
  let rssPeak = rssBefore
  // The sampler shares this process with the simulator: it reads the server's status files only,
  // not all of /proc every 20 ms.
  const tree = app.processes()
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, app.rssKb(tree))), RSS_SAMPLE_MS)
  const justStarted = await serverRounds(1)
  const warmUp = []
  for (let sent = 0; sent < WARM_UP_SENDS; sent += CONCURRENT_SENDS) {
    warmUp.push(await atOnce(CONCURRENT_SENDS, send))
  }
  const singles = []
  for (let i = 0; i < WARM_SINGLE_RUNS; i++) {
    const { ms, result } = await timed(send)
    if (result.failure) throw new Error(`A warm single send failed: ${result.failure}`)
    singles.push(ms)
  }
  const warmRounds = await serverRounds(0)
  const warm = { ...warmRounds, ...errorsOf([...warmUp, warmRounds]), single: median(singles) }
  clearInterval(sampler)
  const rssAfter = app.rssKb()
  const direct = await rounds(
    CONCURRENT_SENDS,
    async () => {
      await directSend(port, ca)
      return {}
    },
    1
  )
  return {
    justStarted,
    warm,
    sends: justStarted.sends + warmUp.length * CONCURRENT_SENDS + singles.length + warm.sends,
    rssBefore,
    rssPeak: Math.max(rssPeak, rssAfter),
    rssAfter,
    direct,
  }
}
