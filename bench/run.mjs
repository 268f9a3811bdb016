// npm run bench: measures what users feel against the budgets of issues 8 and 23 and prints one
// table (also written to bench/results.md). Builds and starts the app itself on port 3400, a bare
// Next.js page on 3401, the Microsoft 365 simulators in this process and the direct reference in a
// process of its own. About ten minutes; BENCH_QUICK=1 shortens every figure's runs (quick.mjs),
// and BENCH_REUSE_BUILD=1 keeps the wizard's existing build, for working on the bench itself.
// BENCH_PROFILE=1 also records a CPU profile of the server's threads during the blocks of 25 sends
// at once against the reference, in bench/results/ (Chrome DevTools opens them).
import { cp, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises"
import net from "node:net"
import os from "node:os"
import path from "node:path"

import { buildNextApp, startNextApp } from "./app-server.mjs"
import * as budgets from "./budgets.mjs"
import { findCapacity, HOLD_MS, PROBE_MS } from "./capacity.mjs"
import {
  BLOCKS,
  JUST_STARTED_ROUNDS,
  measureAgainstReference,
  measureJustStarted,
  ROUNDS_PER_BLOCK,
  SINGLE_RUNS,
} from "./concurrent-sends.mjs"
import { startDirectReference } from "./direct-reference.mjs"
import { measureFirstLoadJs } from "./first-load-js.mjs"
import { LIGHTHOUSE_RUNS, measureLighthouse } from "./lighthouse.mjs"
import { atOnce, atSteadyRate, summarize } from "./load.mjs"
import { BASELINE_SENDS, measureMemory, SAMPLE_EVERY, SENDS as MEMORY_SENDS } from "./memory.mjs"
import {
  DIRECT_RUNS,
  measureFirstTests,
  measureWarmOverhead,
  STARTS,
  WARM_RUNS,
} from "./overhead.mjs"
import { QUICK, sized } from "./quick.mjs"
import { runNodemailer, runSwaks } from "./reference-clients.mjs"
import { formatMs, textTable, writeMarkdown } from "./report.mjs"
import {
  capacityRow,
  concurrentRows,
  firstLoadJsRow,
  lighthouseRows,
  memoryRows,
  overheadRow,
  verdictRows,
} from "./rows.mjs"
import { SCENARIOS, TARGETS, wizardValues } from "./scenarios.mjs"
import { profileThreads } from "./server-inspector.mjs"
import { BARE_ACTION, findActionId, sendTestOverHttp, testSender } from "./send-test.mjs"
import { importTs, ROOT } from "./ts-modules.mjs"
import { CLIENT_CAP_MS, measureVerdictTimes, RUNS as VERDICT_RUNS } from "./verdict-times.mjs"

const APP_PORT = 3400
const BARE_PORT = 3401
const BARE_TEMPLATE = path.join(ROOT, "bench/bare-app")
const BARE_BUILD = path.join(ROOT, "bench/.bare-build")
const RESULTS = path.join(ROOT, "bench/results.md")
const PROFILES = path.join(ROOT, "bench/results")
const CA_DIR = path.join(ROOT, ".test-ca")

/** Sends (in rounds of 25 at once) that warm the reference process up before it is measured. */
const REFERENCE_WARM_UP_SENDS = sized(1_000, 100)

/** Sends (in rounds of 25 at once) between the memory figure's last collection and the warm figures. */
const REWARM_SENDS = sized(1_000, 100)

/** REWARM_SENDS sends through `send`, in rounds of 25 at once. */
async function rewarm(send) {
  for (let sent = 0; sent < REWARM_SENDS; sent += budgets.CONCURRENT_SENDS) {
    await atOnce(budgets.CONCURRENT_SENDS, send)
  }
}

const count = (n) => n.toLocaleString("en")

const NOTES = [
  `The machine: two CPUs, often shared with other work (builds, tests) while the bench runs; the load average above says how busy it was (above 2, more threads wanted to run than there were cores), and the concurrency figure says how much of the CPUs' time other work took during its blocks. The budgets of issue 23 compare smtp365 with a reference measured beside it in the same run, so that what the machine does to one it does to the other.`,
  `Time to a verdict: smtp365 from the POST of the server action to the end of its response; swaks to its exit; nodemailer to sendMail settling. Median of ${VERDICT_RUNS} runs after one warm-up; the silent port runs once, its three clients side by side. swaks and nodemailer run at their default timeouts.`,
  "The silent simulator accepts the TCP connection and never greets: nodemailer stops at its 30 s greeting timeout and swaks at its 30 s default. Where a port drops packets instead, nodemailer waits its 2 min connection timeout, and a server that goes quiet after greeting its 10 min socket timeout.",
  `The direct reference ("direct"): the success scenario's SMTP conversation without the product, no HTTP and no Next.js: nodemailer's SMTPConnection with the steps lib/smtp/session.ts takes (connect, STARTTLS, AUTH LOGIN, MAIL FROM, RCPT TO, DATA) and the message lib/smtp/test-message.ts composes, composed while it connects, with one TLS context made once, as the product does. It runs in a Node process of its own (bench/reference-process.mjs), as smtp365's conversations run in the server's, and not in the bench's process, where the simulators and the HTTP client that drives smtp365 run; it measures its own times. It is warmed up with ${count(REFERENCE_WARM_UP_SENDS)} sends before any figure.`,
  `"Next.js alone": bench/bare-app's server action (on its page /send, apart from the bare page), built and run like the wizard with next start. Its worker thread, started with the server (instrumentation.js) and ready before it answers, runs the direct reference's conversation (bench/floor-worker.mjs, the same code as the reference process) and reports each step done; the action streams a row for each, then the outcome, in the shape of smtp365's answer. No proxy, no validation, no rate limit, no diagnosis: what it costs beyond the direct reference is what any Next.js server action that hands an SMTP conversation to a thread costs on this machine, before smtp365's own code. It is warmed up with ${count(REWARM_SENDS)} sends, and measured beside smtp365 in the overhead and concurrency figures.`,
  `Overhead, first test after a start: ${STARTS} times, next start is started afresh and, once it has answered GET / (the wizard's page, as a browser loads it before a test), the first test send is timed; the median of ${DIRECT_RUNS} direct conversations right after it is subtracted. The figure is the median of the starts' overheads. Next.js alone's first test: the same, with fresh starts of the bare app. "Warm server": after the memory figure's sends, ${WARM_RUNS} runs each of the action, Next.js alone, the direct conversation and runDiagnosedTest (the product's library without HTTP, in the reference's process), interleaved; medians.`,
  "First-load JavaScript: encoded (as received) body bytes of every script response on a fresh browser context until network idle, with Debian's Chromium through Playwright; next start compresses with gzip. The HTML and its inline React Server Components payload are not counted. The bare page is bench/bare-app, built in the same run with the same Next.js.",
  `${budgets.CONCURRENT_SENDS} sends at once, against the direct reference: on the warm server (after the memory figure's ${count(MEMORY_SENDS)} sends), ${BLOCKS} blocks each of smtp365, the direct reference and Next.js alone, in turn (smtp365, direct, Next.js alone, smtp365, …); a block is ${ROUNDS_PER_BLOCK} rounds of ${budgets.CONCURRENT_SENDS} sends started at once, each round after the last has ended, and its p95 is over its ${ROUNDS_PER_BLOCK * budgets.CONCURRENT_SENDS} sends. The figure is the median of smtp365's blocks' p95 divided by the median of the reference's; "blocks" are each pair's ratio. Errors count every send of the blocks. "Against a single send": each side's p95 divided by the median of ${SINGLE_RUNS} sends one at a time, measured just before the blocks (the budget of issue 8, kept for information). "First byte": when each response began, as the first stage reaches the wizard (median of the blocks' p95). CPU a send: user and system time during the blocks, divided by their sends: of the next start process and its children (all their threads) from /proc, of its main thread alone ("web server thread": Next.js and the action, from /proc/<pid>/task/<pid>), and of the reference process from process.cpuUsage(). "Other work on the machine": the share of both CPUs' time, from /proc/stat, that went to processes other than the bench's own (the bench, the servers it started and the reference) during each side's blocks, their median: if the machine's other work fell on one side more than on the other, this says so.`,
  `Just started: right after the verdicts, the first rounds of the server's life: one warm-up round and ${JUST_STARTED_ROUNDS} rounds of ${budgets.CONCURRENT_SENDS} at once; the median round by p95, beside the worst and the first round's p95. The server's CPU time per send falls by a third to a half over its first 3,000 sends, as V8 compiles the code they run to optimized machine code, then holds: the budget is held on the warm server.`,
  `Memory: ${count(MEMORY_SENDS)} sends in rounds of ${budgets.CONCURRENT_SENDS} at once, after the just-started rounds. Before the first and after every ${count(SAMPLE_EVERY)}: a full garbage collection in each of the server's threads (the web server's and its worker threads, the SMTP session thread among them), the kind V8 makes when memory runs low, which also hands the pages it frees back to the system; then the V8 heap the threads still use and the server's resident memory (VmRSS of the next start process and its children, from /proc). Without the collection, the resident memory swings by a third from one sample to the next as V8 grows and shrinks its heap, and says nothing about a leak. The collections are forced through the inspector protocol: the bench's next start alone is started with NODE_OPTIONS=--inspect=127.0.0.1:0, and the bench connects only to take a sample; no code path of the product is involved. The budget compares the sample at the end with the one after ${count(BASELINE_SENDS)} sends; the slope is the least-squares line through the samples from ${count(BASELINE_SENDS)} sends to the end, per 1,000 sends. The peak is sampled every 20 ms, without collections. Then ${count(REWARM_SENDS)} more sends, before the warm figures, so that the last collection (which can also drop compiled code) is behind them.`,
  `Lighthouse 12.2.3 with Debian's Chromium (headless=new), the wizard's first page: --preset=desktop, and Lighthouse's default settings (a mobile phone: Moto G Power's screen, a slow 4G network and a 4× slower CPU, simulated from an unthrottled load); ${LIGHTHOUSE_RUNS} runs of each, alternating, and the median of each score and metric (LCP: Largest Contentful Paint, TBT: Total Blocking Time, CLS: Cumulative Layout Shift).`,
  `Capacity (a figure, not a budget): sends started at a steady rate whether or not the earlier ones have ended (an open loop, as independent users arrive), each timed from when it was due. Probes of ${formatMs(PROBE_MS)} double the rate from 8 a second until one fails (p95 of ${formatMs(budgets.CAPACITY_P95_MS)} or more, or any error), then halve the gap to within 10%; the best rate is then held for ${formatMs(HOLD_MS)} (if it fails, a rate 10% lower is held instead). smtp365 through its action, then the direct reference from its process; the simulators run in the bench's process for both. "Other work": the share of the CPUs' time other processes took during the hold (as in the concurrency figure): what the machine left to the two.`,
  "The bench's HTTP client is node:http: it shares the cores with the server it measures, and takes a fraction of fetch's CPU time.",
]

const log = (message) => console.error(`bench: ${message}`)

/** A loopback port that nothing listens on (it was free a moment ago). */
function closedPort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** BENCH_PROFILE=1: the server's threads' CPU profiles, main thread first, in bench/results/. */
async function writeProfiles(profiles) {
  await mkdir(PROFILES, { recursive: true })
  for (const [i, profile] of profiles.entries()) {
    const file = path.join(
      PROFILES,
      i === 0 ? "server-main.cpuprofile" : `server-worker-${i}.cpuprofile`
    )
    await writeFile(file, JSON.stringify(profile))
    log(`wrote ${path.relative(process.cwd(), file)}`)
  }
}

/** Whether BENCH_REUSE_BUILD=1 asks to keep the wizard's build, and there is one to keep. */
async function reuseBuild() {
  if (process.env.BENCH_REUSE_BUILD !== "1") return false
  return stat(path.join(ROOT, ".next/BUILD_ID")).then(
    () => true,
    () => false
  )
}

async function main() {
  if (!process.env.NODE_EXTRA_CA_CERTS) {
    throw new Error(
      "Run the bench with `npm run bench` (it trusts the test CA for the direct runs)."
    )
  }
  const startedAt = new Date()
  const loadAtStart = os.loadavg()
  const tls = {
    key: await readFile(path.join(CA_DIR, "server.key"), "utf8"),
    cert: await readFile(path.join(CA_DIR, "server.pem"), "utf8"),
  }
  const caFile = path.join(CA_DIR, "ca.pem")
  const ca = await readFile(caFile, "utf8")

  if (await reuseBuild()) log("BENCH_REUSE_BUILD=1: the wizard's existing build")
  else {
    log("next build of the wizard")
    await buildNextApp(ROOT)
  }
  log("next build of the bare page")
  await rm(BARE_BUILD, { recursive: true, force: true })
  await cp(BARE_TEMPLATE, BARE_BUILD, { recursive: true })
  await buildNextApp(BARE_BUILD)

  const { startSimulator } = await importTs("lib/practice/simulator.ts")
  // Recording nothing: the bench reads no message, and tens of thousands of kept ones (a capacity
  // search's probes and holds send 60,000 and more) slowed this process, the simulators' and the
  // HTTP client's, as its heap grew.
  const simulators = [
    await startSimulator({ role: "submission", tls, record: false }),
    await startSimulator({ role: "mx", tls, record: false }),
    await startSimulator({ role: "submission", tls, silent: true, record: false }),
  ]
  const [submission, mx, silent] = simulators
  const ports = {
    [TARGETS.submission]: submission.port,
    [TARGETS.mx]: mx.port,
    [TARGETS.silent]: silent.port,
    [TARGETS.closed]: await closedPort(),
  }
  const reference = await startDirectReference(submission.port)
  const servers = []
  try {
    const startApp = (options = {}) =>
      startNextApp({
        cwd: ROOT,
        port: APP_PORT,
        env: {
          // The simulators listen on loopback, which the host guard refuses unless listed.
          SMTP365_ALLOWED_HOSTS: "localhost,127.0.0.1",
          // Every send comes from 127.0.0.1 to one recipient: the abuse limit is not measured here.
          SMTP365_RATE_LIMIT: "100000",
          NODE_EXTRA_CA_CERTS: caFile,
        },
        ...options,
      })
    // Next.js alone: the bare app's action, whose worker thread runs the reference's conversation.
    const startBare = () =>
      startNextApp({
        cwd: BARE_BUILD,
        port: BARE_PORT,
        env: {
          BENCH_FLOOR_WORKER: path.join(ROOT, "bench/floor-worker.mjs"),
          NODE_EXTRA_CA_CERTS: caFile,
        },
      })
    const bareActionId = await findActionId(BARE_BUILD, BARE_ACTION)
    const floorThrough = (bare) =>
      testSender(bare.url, bareActionId, { port: submission.port }, BARE_ACTION.path)
    const actionId = await findActionId(ROOT)
    const success = SCENARIOS.find((scenario) => scenario.id === "success")
    const successValues = wizardValues(success, submission.port)
    const sendThrough = (app) => testSender(app.url, actionId, successValues)

    log(`warming the direct reference up (${REFERENCE_WARM_UP_SENDS} sends)`)
    for (let sent = 0; sent < REFERENCE_WARM_UP_SENDS; sent += budgets.CONCURRENT_SENDS) {
      const { errors, firstError } = summarize(
        (await reference.atOnce(budgets.CONCURRENT_SENDS)).runs
      )
      if (errors) throw new Error(`The direct reference failed: ${firstError}`)
    }

    log(`1/8 first test after a start (${STARTS} starts)`)
    const firstTests = await measureFirstTests({
      startApp,
      sendFirst: (app) => sendThrough(app)(),
      reference,
    })
    const floorFirstTests = await measureFirstTests({
      startApp: startBare,
      sendFirst: (bare) => floorThrough(bare)(),
      reference,
    })

    log(`next start on ${APP_PORT}, with its inspector open`)
    const app = await startApp({ inspect: true })
    servers.push(app)
    const send = sendThrough(app)
    const warmUp = await sendTestOverHttp(app.url, actionId, successValues)
    if (!warmUp.verdict.ok) throw new Error(`The warm-up send failed: ${warmUp.verdict.failure}`)
    await runSwaks(success, submission.port, caFile, CLIENT_CAP_MS)
    await runNodemailer(success, submission.port, ca, CLIENT_CAP_MS)

    log("2/8 time to a verdict (the silent port takes about 30 s)")
    const verdicts = await measureVerdictTimes({ app, actionId, ports, ca, caFile })
    log("3/8 25 sends at once, just started")
    const justStarted = await measureJustStarted({ app, send })
    log(`4/8 memory over ${MEMORY_SENDS.toLocaleString("en")} sends`)
    const memory = await measureMemory({ app, send })
    await rewarm(send)
    log("5/8 overhead and 25 sends at once on the warm server, against the direct reference")
    const bare = await startBare()
    servers.push(bare)
    const floor = floorThrough(bare)
    // Next.js alone, warmed up as smtp365 was.
    await rewarm(floor)
    const warmOverhead = await measureWarmOverhead({ send, reference, floor })
    const stopProfiling =
      process.env.BENCH_PROFILE === "1" ? await profileThreads(app.inspectorUrl) : null
    const against = await measureAgainstReference({ app, send, reference, floor })
    if (stopProfiling) await writeProfiles(await stopProfiling())

    log(`6/8 first-load JavaScript (bare page on ${BARE_PORT})`)
    const js = await measureFirstLoadJs([`${app.url}/`, `${bare.url}/`])

    log("7/8 Lighthouse, desktop and mobile (and the bare page on mobile)")
    const lighthouse = await measureLighthouse([
      ["wizard", `${app.url}/`, "desktop"],
      ["wizard", `${app.url}/`, "mobile"],
      ["bare", `${bare.url}/`, "mobile"],
    ])
    await bare.stop()
    servers.pop()

    log(`8/8 capacity (probes of ${formatMs(PROBE_MS)}, then ${formatMs(HOLD_MS)} held)`)
    const capacity = {
      smtp365: await findCapacity((rate, ms) => atSteadyRate(rate, ms, send)),
    }
    capacity.direct = await findCapacity(
      async (rate, ms) => (await reference.atSteadyRate(rate, ms)).runs
    )

    const rows = [
      ...verdictRows(verdicts),
      overheadRow(firstTests, { ...warmOverhead, runs: WARM_RUNS }, floorFirstTests),
      firstLoadJsRow(js[`${app.url}/`], js[`${bare.url}/`]),
      ...concurrentRows(against, justStarted),
      ...memoryRows(memory),
      ...lighthouseRows(lighthouse),
      capacityRow(capacity.smtp365, capacity.direct, HOLD_MS),
    ]
    const durationMs = Date.now() - startedAt.getTime()
    console.log(textTable(rows))
    for (const side of ["smtp365", "direct", "floor"]) {
      const blocks = against[side].blocks.map(
        (block) => `p95 ${formatMs(block.p95)} (other work ${Math.round(block.otherWork * 100)}%)`
      )
      log(`blocks of ${side}: ${blocks.join("; ")}`)
    }
    for (const [name, found] of Object.entries(capacity)) {
      const tried = found.tried.map(
        (probe) =>
          `${probe.rate}/s ${formatMs(probe.durationMs)}: p95 ${formatMs(probe.p95)}, ${probe.errors} errors, other work ${Math.round(probe.otherWork * 100)}%`
      )
      log(`capacity ${name} tried ${tried.join("; ")}`)
    }
    const machine = { loadAtStart, cpus: os.cpus().length }
    if (QUICK) {
      log("BENCH_QUICK=1: shortened runs, not the budgets' figures; bench/results.md is unchanged")
      return
    }
    await writeMarkdown(RESULTS, rows, { startedAt, durationMs, machine, notes: NOTES })
    log(`wrote ${path.relative(process.cwd(), RESULTS)} (${formatMs(durationMs)})`)
  } finally {
    for (const server of servers) await server.stop()
    await reference.stop()
    await Promise.all(simulators.map((simulator) => simulator.close()))
    // The bare build holds Next.js output that lint and format would otherwise walk into.
    await rm(BARE_BUILD, { recursive: true, force: true })
  }
}

main().then(
  // nodemailer's capped sends and keep-alive sockets would hold the process open.
  () => process.exit(0),
  (error) => {
    console.error(`bench: ${error instanceof Error ? error.message : error}`)
    process.exit(1)
  }
)
