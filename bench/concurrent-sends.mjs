// Figure 4: 25 test sends at once (success scenario), and the server's memory around them. The
// same 25 conversations driven directly, at once, show what the SMTP and TLS work alone costs when
// it shares this machine's cores (the simulator runs in the bench's process).
import { CONCURRENT_SENDS } from "./budgets.mjs"
import { directSend } from "./direct-conversation.mjs"
import { SCENARIOS, wizardValues } from "./scenarios.mjs"
import { sendTestOverHttp } from "./send-test.mjs"
import { median, percentile, timed } from "./stats.mjs"

const RSS_SAMPLE_MS = 20

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
 * Through the app: median and p95 time, p95 of the first byte (the first stage shown), errors, the
 * server's CPU time per send, and its resident memory (kB) before, at peak and after. Directly:
 * median and p95 time.
 */
export async function measureConcurrentSends({ app, actionId, port, ca }) {
  const values = wizardValues(
    SCENARIOS.find((scenario) => scenario.id === "success"),
    port
  )
  const rssBefore = app.rssKb()
  const cpuBefore = app.cpuMs()
  let rssPeak = rssBefore
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, app.rssKb())), RSS_SAMPLE_MS)
  const action = await atOnce(CONCURRENT_SENDS, async () => {
    const { verdict, firstByteMs } = await sendTestOverHttp(app.url, actionId, values)
    // A failed send counts as an error, with its reason.
    return verdict.ok ? { firstByteMs } : { failure: verdict.failure }
  })
  clearInterval(sampler)
  const serverCpuPerSendMs = (app.cpuMs() - cpuBefore) / CONCURRENT_SENDS
  const rssAfter = app.rssKb()
  const direct = await atOnce(CONCURRENT_SENDS, async () => {
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
