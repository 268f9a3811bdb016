// Figure 2: what the product adds to an SMTP conversation. The success scenario three ways, runs
// interleaved so machine noise hits all three alike: the server action over HTTP, runDiagnosedTest
// in this process (the product's library without HTTP), and the same conversation driven directly.
import { directSend } from "./direct-conversation.mjs"
import { HOST, SCENARIOS, wizardValues } from "./scenarios.mjs"
import { sendTestOverHttp } from "./send-test.mjs"
import { median, timed } from "./stats.mjs"
import { importTs } from "./ts-modules.mjs"

export const OVERHEAD_RUNS = 20

/** Medians of OVERHEAD_RUNS runs of each way, in ms. */
export async function measureOverhead({ app, actionId, port, ca }) {
  const { runDiagnosedTest } = await importTs("lib/actions/test-send.ts")
  const values = wizardValues(
    SCENARIOS.find((scenario) => scenario.id === "success"),
    port
  )
  const times = { action: [], library: [], direct: [] }
  for (let i = 0; i < OVERHEAD_RUNS; i++) {
    const action = await timed(() => sendTestOverHttp(app.url, actionId, values))
    if (!action.result.verdict.ok)
      throw new Error(`The action failed: ${action.result.verdict.failure}`)
    const library = await timed(() => runDiagnosedTest(values, { allowedHosts: [HOST] }))
    if (!library.result.ok)
      throw new Error(`runDiagnosedTest failed: ${library.result.failure?.message}`)
    const direct = await timed(() => directSend(port, ca))
    times.action.push(action.ms)
    times.library.push(library.ms)
    times.direct.push(direct.ms)
  }
  return {
    action: median(times.action),
    library: median(times.library),
    direct: median(times.direct),
  }
}
