// The direct reference's own process (bench/direct-reference.mjs forks it): the same SMTP
// conversations as smtp365's test sends, without HTTP or Next.js, driven from a Node process of
// their own as the server's are. The simulator runs in the bench's process; so do the HTTP client
// that drives smtp365 and what the bench measures smtp365 with. Each request from the bench is a
// message ({ id, op, … }) and its answer a message ({ id, … }); times are measured here.
import { directSend } from "./direct-conversation.mjs"
import { atOnce, atSteadyRate, oneAtATime } from "./load.mjs"
import { HOST, SCENARIOS, wizardValues } from "./scenarios.mjs"
import { importTs } from "./ts-modules.mjs"

const port = Number(process.argv[2])
const success = SCENARIOS.find((scenario) => scenario.id === "success")

const send = async () => {
  await directSend(port)
  return {}
}

/** runDiagnosedTest, the product's library, in this process: no HTTP, no Next.js. */
let runDiagnosedTest
const library = async () => {
  runDiagnosedTest ??= (await importTs("lib/actions/test-send.ts")).runDiagnosedTest
  const outcome = await runDiagnosedTest(wizardValues(success, port), { allowedHosts: [HOST] })
  return outcome.ok ? {} : { failure: outcome.failure?.message ?? "failed" }
}

const OPS = {
  atOnce: ({ count }) => atOnce(count, send),
  oneAtATime: ({ count, way }) => oneAtATime(count, way === "library" ? library : send),
  atSteadyRate: ({ rate, durationMs }) => atSteadyRate(rate, durationMs, send),
}

process.on("message", async ({ id, op, ...args }) => {
  const cpuBefore = process.cpuUsage()
  try {
    const runs = await OPS[op](args)
    const cpu = process.cpuUsage(cpuBefore)
    process.send({ id, runs, cpuMs: (cpu.user + cpu.system) / 1000 })
  } catch (error) {
    process.send({ id, error: error instanceof Error ? error.message : String(error) })
  }
})
process.send({ ready: true })
