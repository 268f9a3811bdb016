// Figure 1: time to a verdict per scenario, through the running app, swaks and nodemailer.
import { sized } from "./quick.mjs"
import { runNodemailer, runSwaks } from "./reference-clients.mjs"
import { isExpectedVerdict, SCENARIOS, TARGETS, wizardValues } from "./scenarios.mjs"
import { sendTestOverHttp } from "./send-test.mjs"
import { median, timed } from "./stats.mjs"

/** Runs of each fast scenario per client; the silent port runs once (it is timeout-bound). */
export const RUNS = sized(3, 1)
/** Where a client still waiting is stopped and reported as "> cap". */
export const CLIENT_CAP_MS = 150_000

/**
 * Median time to a verdict of each client in each scenario. `ports` maps TARGETS to the ports
 * run.mjs opened; the silent scenario runs its three clients side by side to save half a minute.
 */
export async function measureVerdictTimes({ app, actionId, ports, ca, caFile }) {
  const clients = {
    smtp365: async (scenario, port) => {
      const { ms, result } = await timed(() =>
        sendTestOverHttp(app.url, actionId, wizardValues(scenario, port))
      )
      return { ms, verdict: result.verdict }
    },
    swaks: (scenario, port) => runSwaks(scenario, port, caFile, CLIENT_CAP_MS),
    nodemailer: (scenario, port) => runNodemailer(scenario, port, ca, CLIENT_CAP_MS),
  }
  const rows = []
  for (const scenario of SCENARIOS) {
    const port = ports[scenario.target]
    const runs = scenario.target === TARGETS.silent ? 1 : RUNS
    const measure = async (client) => {
      const results = []
      for (let i = 0; i < runs; i++) results.push(await clients[client](scenario, port))
      const last = results.at(-1)
      return {
        ms: median(results.map((result) => result.ms)),
        capped: results.some((result) => result.capped),
        verdict: last.verdict,
        expected: !last.capped && isExpectedVerdict(scenario, last.verdict),
      }
    }
    const names = Object.keys(clients)
    const measured = []
    if (scenario.target === TARGETS.silent)
      measured.push(...(await Promise.all(names.map(measure))))
    else for (const name of names) measured.push(await measure(name))
    rows.push({ scenario, ...Object.fromEntries(names.map((name, i) => [name, measured[i]])) })
  }
  return rows
}
