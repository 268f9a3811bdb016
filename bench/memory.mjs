// Memory stays flat: the server's V8 heaps and resident memory over MEMORY_SENDS sends in rounds of
// 25 at once, sampled every SAMPLE_EVERY sends, each time after a full collection in every thread,
// forced through the inspector the bench opens on its own server (server-inspector.mjs): what is
// left then is what the server keeps, and a leak shows as a slope. Read without the collection,
// the resident memory swings by a third between samples as V8 grows and shrinks its heap.
import { CONCURRENT_SENDS, MEMORY_BASELINE_SENDS, MEMORY_SENDS } from "./budgets.mjs"
import { atOnce, summarize } from "./load.mjs"
import { sized } from "./quick.mjs"
import { heapAfterCollection } from "./server-inspector.mjs"
import { slope } from "./stats.mjs"

export const SENDS = sized(MEMORY_SENDS, MEMORY_SENDS / 10)
export const BASELINE_SENDS = sized(MEMORY_BASELINE_SENDS, MEMORY_BASELINE_SENDS / 10)
export const SAMPLE_EVERY = sized(1_000, 100)
const PEAK_SAMPLE_MS = 20

/**
 * Sends SENDS sends through `send`, CONCURRENT_SENDS at once, and samples the server before the first
 * and after every SAMPLE_EVERY: after a forced collection, the heap its threads use (bytes) and its
 * resident memory (kB, all its processes). Resolves with the samples, the ones at
 * BASELINE_SENDS and at the end, the slopes per 1,000 sends from the baseline on, the peak resident
 * memory (sampled every 20 ms) and the errors.
 */
export async function measureMemory({ app, send }) {
  if (!app.inspectorUrl) throw new Error("The server was started without its inspector.")
  const samples = []
  const sample = async (sent) => {
    const heap = await heapAfterCollection(app.inspectorUrl)
    samples.push({ sent, heap, rssKb: app.rssKb() })
  }
  const tree = app.processes()
  let rssPeakKb = app.rssKb(tree)
  const sampler = setInterval(
    () => (rssPeakKb = Math.max(rssPeakKb, app.rssKb(tree))),
    PEAK_SAMPLE_MS
  )
  let errors = 0
  let firstError
  try {
    await sample(0)
    for (let sent = 0; sent < SENDS;) {
      const round = summarize(await atOnce(CONCURRENT_SENDS, send))
      errors += round.errors
      firstError ??= round.firstError
      sent += CONCURRENT_SENDS
      if (sent % SAMPLE_EVERY === 0) await sample(sent)
    }
  } finally {
    clearInterval(sampler)
  }
  const baseline = samples.find((point) => point.sent === BASELINE_SENDS)
  const end = samples.at(-1)
  const fromBaseline = samples.filter((point) => point.sent >= BASELINE_SENDS)
  const perThousand = (pick) =>
    slope(fromBaseline.map((point) => ({ x: point.sent / 1000, y: pick(point) })))
  return {
    samples,
    baseline,
    end,
    rssSlopeKb: perThousand((point) => point.rssKb),
    heapSlope: perThousand((point) => point.heap.total),
    rssPeakKb,
    errors,
    firstError,
  }
}
