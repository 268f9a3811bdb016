// npm run bench: measures what users feel against the budgets of issue 8 and prints one table
// (also written to bench/results.md). Builds and starts the app itself on port 3400, a bare
// Next.js page on 3401, and the Microsoft 365 simulators in this process. A few minutes.
import { cp, readFile, rm } from "node:fs/promises"
import net from "node:net"
import path from "node:path"

import { buildNextApp, startNextApp } from "./app-server.mjs"
import * as budgets from "./budgets.mjs"
import {
  CONCURRENT_ROUNDS,
  measureConcurrentSends,
  WARM_SINGLE_RUNS,
  WARM_UP_SENDS,
} from "./concurrent-sends.mjs"
import { measureFirstLoadJs } from "./first-load-js.mjs"
import { measureLighthouse, LIGHTHOUSE_RUNS } from "./lighthouse.mjs"
import { measureOverhead, OVERHEAD_RUNS } from "./overhead.mjs"
import { runNodemailer, runSwaks } from "./reference-clients.mjs"
import { formatBytes, formatMb, formatMs, passFail, textTable, writeMarkdown } from "./report.mjs"
import { SCENARIOS, TARGETS, wizardValues } from "./scenarios.mjs"
import { findActionId, sendTestOverHttp } from "./send-test.mjs"
import { importTs, ROOT } from "./ts-modules.mjs"
import { CLIENT_CAP_MS, measureVerdictTimes } from "./verdict-times.mjs"

const APP_PORT = 3400
const BARE_PORT = 3401
const BARE_TEMPLATE = path.join(ROOT, "bench/bare-app")
const BARE_BUILD = path.join(ROOT, "bench/.bare-build")
const RESULTS = path.join(ROOT, "bench/results.md")
const CA_DIR = path.join(ROOT, ".test-ca")

const NOTES = [
  "Time to a verdict: smtp365 from the POST of the server action to the end of its response; swaks to its exit; nodemailer to sendMail settling. Median of 3 runs after one warm-up; the silent port runs once, its three clients side by side. swaks and nodemailer run at their default timeouts.",
  "The silent simulator accepts the TCP connection and never greets: nodemailer stops at its 30 s greeting timeout and swaks at its 30 s default. Where a port drops packets instead, nodemailer waits its 2 min connection timeout, and a server that goes quiet after greeting its 10 min socket timeout.",
  `Overhead: median of ${OVERHEAD_RUNS} interleaved runs of the success scenario. "direct" is nodemailer's SMTPConnection with the same steps and message; "runDiagnosedTest" is the product's library in the bench's process (no HTTP, no Next.js).`,
  "First-load JavaScript: encoded (as received) body bytes of every script response on a fresh browser context until network idle, with Debian's Chromium through Playwright; next start compresses with gzip. The HTML and its inline React Server Components payload are not counted. The bare page is bench/bare-app, built in the same run with the same Next.js.",
  `Concurrent sends: ${budgets.CONCURRENT_SENDS} sends of the success scenario started at once, in rounds. "Just started": a warm-up round and then ${CONCURRENT_ROUNDS} rounds, right after the overhead figure's runs, against its median action as the single send. "Warm server": after ${WARM_UP_SENDS.toLocaleString("en")} more sends (in rounds of ${budgets.CONCURRENT_SENDS}), the median of ${WARM_SINGLE_RUNS} sends one at a time as the single send, then ${CONCURRENT_ROUNDS} rounds. The server's CPU time per send falls by a third to a half over its first ${WARM_UP_SENDS.toLocaleString("en")} sends, as V8 compiles the code they run to optimized machine code, then holds: the budget is held against the warm server, as load is measured after a warm-up; the just-started figure shows a server that has just been (re)started. The figures are the median round's (by p95), beside the worst round's and the first round's p95; errors count every round's sends, the warm-up's included. "first byte" is the p95 of when each response began, as the first stage reaches the wizard. "direct, ${budgets.CONCURRENT_SENDS} at once" is the same conversation without the product, started as many times at once (a warm-up round and ${CONCURRENT_ROUNDS} rounds) from the bench's process, where the simulator runs too: what the SMTP and TLS work alone costs on this machine, for reference.`,
  "Server CPU: user and system time of the next start process (all its threads: the web server's, the SMTP session thread and V8's) and its children, from /proc, during the rounds of each line (the just-started line's warm-up round included), divided by their sends.",
  "The bench's HTTP client is node:http: it shares the cores with the server it measures, and takes a fraction of fetch's CPU time.",
  "Memory: VmRSS of the next start process and its children from /proc, sampled every 20 ms for the peak.",
  `Lighthouse 12.2.3, --preset=desktop, Debian's Chromium (headless=new), median of ${LIGHTHOUSE_RUNS} runs of the wizard's first page.`,
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

const LABEL_MAX = 48

/** "sent", a reply's codes ("535 5.7.139") or the start of the client's error. */
function verdictLabel(verdict) {
  if (verdict.ok) return "sent"
  const codes = /^\d{3}(?: \d\.\d{1,3}\.\d{1,3})?/.exec(verdict.reply ?? "")?.[0]
  const label = codes ?? (verdict.failure ?? "").replace(/\s+/g, " ").trim()
  return label.length > LABEL_MAX ? `${label.slice(0, LABEL_MAX - 1)}…` : label
}

function clientCell(name, measured) {
  if (measured.capped) return `${name} > ${formatMs(CLIENT_CAP_MS)} (cap)`
  const mark = measured.expected ? "" : " UNEXPECTED"
  return `${name} ${formatMs(measured.ms)} (${verdictLabel(measured.verdict)}${mark})`
}

function verdictRows(rows) {
  return rows.map((row) => {
    const silent = row.scenario.target === TARGETS.silent
    const withinBudget = row.smtp365.ms <= budgets.SILENT_PORT_VERDICT_MS
    return {
      figure: `Verdict: ${row.scenario.label}`,
      measured: clientCell("smtp365", row.smtp365),
      compared: [clientCell("swaks", row.swaks), clientCell("nodemailer", row.nodemailer)].join(
        " · "
      ),
      budget: silent ? `smtp365 ≤ ${formatMs(budgets.SILENT_PORT_VERDICT_MS)}` : "",
      // A figure measured on the wrong outcome is no figure.
      result: !row.smtp365.expected ? "FAIL (verdict)" : silent ? passFail(withinBudget) : "",
    }
  })
}

/** The measured cell of a concurrent sends line: its median round, other rounds, errors and CPU. */
function concurrentMeasured(line) {
  const firstError = line.firstError ? ` (${line.firstError})` : ""
  return `median ${formatMs(line.median)} · p95 ${formatMs(line.p95)} (first byte ${formatMs(line.firstByteP95)}; worst round ${formatMs(line.worstP95)}, first ${formatMs(line.firstP95)}) · ${line.errors} errors${firstError} · server CPU ${formatMs(line.serverCpuPerSendMs)} a send`
}

async function main() {
  if (!process.env.NODE_EXTRA_CA_CERTS) {
    throw new Error(
      "Run the bench with `npm run bench` (it trusts the test CA for the direct runs)."
    )
  }
  const startedAt = new Date()
  const tls = {
    key: await readFile(path.join(CA_DIR, "server.key"), "utf8"),
    cert: await readFile(path.join(CA_DIR, "server.pem"), "utf8"),
  }
  const caFile = path.join(CA_DIR, "ca.pem")
  const ca = await readFile(caFile, "utf8")

  log("next build of the wizard")
  await buildNextApp(ROOT)
  log("next build of the bare page")
  await rm(BARE_BUILD, { recursive: true, force: true })
  await cp(BARE_TEMPLATE, BARE_BUILD, { recursive: true })
  await buildNextApp(BARE_BUILD)

  const { startSimulator } = await importTs("lib/practice/simulator.ts")
  const simulators = [
    await startSimulator({ role: "submission", tls }),
    await startSimulator({ role: "mx", tls }),
    await startSimulator({ role: "submission", tls, silent: true }),
  ]
  const [submission, mx, silent] = simulators
  const ports = {
    [TARGETS.submission]: submission.port,
    [TARGETS.mx]: mx.port,
    [TARGETS.silent]: silent.port,
    [TARGETS.closed]: await closedPort(),
  }
  const servers = []
  try {
    log(`next start on ${APP_PORT}`)
    const app = await startNextApp({
      cwd: ROOT,
      port: APP_PORT,
      env: {
        // The simulators listen on loopback, which the host guard refuses unless listed.
        SMTP365_ALLOWED_HOSTS: "localhost,127.0.0.1",
        // Every send comes from 127.0.0.1 to one recipient: the abuse limit is not measured here.
        SMTP365_RATE_LIMIT: "100000",
        NODE_EXTRA_CA_CERTS: caFile,
      },
    })
    servers.push(app)
    const actionId = await findActionId(ROOT)

    log("warm-up")
    const success = SCENARIOS.find((scenario) => scenario.id === "success")
    const warmUp = await sendTestOverHttp(app.url, actionId, wizardValues(success, submission.port))
    if (!warmUp.verdict.ok) throw new Error(`The warm-up send failed: ${warmUp.verdict.failure}`)
    await runSwaks(success, submission.port, caFile, CLIENT_CAP_MS)
    await runNodemailer(success, submission.port, ca, CLIENT_CAP_MS)

    log("1/5 time to a verdict (the silent port takes about 30 s)")
    const verdicts = await measureVerdictTimes({ app, actionId, ports, ca, caFile })
    log("2/5 overhead")
    const overhead = await measureOverhead({ app, actionId, port: submission.port, ca })
    log("4/5 concurrent sends")
    const concurrent = await measureConcurrentSends({ app, actionId, port: submission.port, ca })

    log(`3/5 first-load JavaScript (bare page on ${BARE_PORT})`)
    const bare = await startNextApp({ cwd: BARE_BUILD, port: BARE_PORT })
    servers.push(bare)
    const js = await measureFirstLoadJs([`${app.url}/`, `${bare.url}/`])
    await bare.stop()
    servers.pop()

    log("5/5 Lighthouse")
    const lighthouse = await measureLighthouse(`${app.url}/`)

    const wizardJs = js[`${app.url}/`]
    const bareJs = js[`${bare.url}/`]
    const jsRatio = wizardJs.bytes / bareJs.bytes
    const overheadMs = overhead.action - overhead.direct
    const { justStarted, warm } = concurrent
    const p95Ratio = warm.p95 / warm.single
    const errors = justStarted.errors + warm.errors
    const rows = [
      ...verdictRows(verdicts),
      {
        figure: `Overhead (median of ${OVERHEAD_RUNS})`,
        measured: `${formatMs(overheadMs)} = action ${formatMs(overhead.action)} − direct ${formatMs(overhead.direct)}`,
        compared: `runDiagnosedTest in process ${formatMs(overhead.library)}`,
        budget: `< ${budgets.OVERHEAD_MEDIAN_MS} ms`,
        result: passFail(overheadMs < budgets.OVERHEAD_MEDIAN_MS),
      },
      {
        figure: "First-load JavaScript",
        measured: `wizard ${formatBytes(wizardJs.bytes)} in ${wizardJs.files} files (${wizardJs.encodings.join(", ")})`,
        compared: `bare page ${formatBytes(bareJs.bytes)} in ${bareJs.files} files: ${jsRatio.toFixed(2)}×`,
        budget: `≤ ${budgets.FIRST_LOAD_JS_RATIO}× bare`,
        result: passFail(jsRatio <= budgets.FIRST_LOAD_JS_RATIO),
      },
      {
        figure: `${budgets.CONCURRENT_SENDS} concurrent sends, warm server`,
        measured: concurrentMeasured(warm),
        compared: `single send ${formatMs(warm.single)}: p95 ${p95Ratio.toFixed(2)}× · direct, ${budgets.CONCURRENT_SENDS} at once: p95 ${formatMs(concurrent.direct.p95)}, ${(concurrent.direct.p95 / overhead.direct).toFixed(2)}× its single ${formatMs(overhead.direct)}`,
        budget: `p95 ≤ ${budgets.CONCURRENT_P95_RATIO}× single, 0 errors`,
        result: passFail(p95Ratio <= budgets.CONCURRENT_P95_RATIO && errors === 0),
      },
      {
        figure: `${budgets.CONCURRENT_SENDS} concurrent sends, just started`,
        measured: concurrentMeasured(justStarted),
        compared: `single send ${formatMs(overhead.action)}: p95 ${(justStarted.p95 / overhead.action).toFixed(2)}×`,
        budget: "",
        result: "",
      },
      {
        figure: "Server memory (RSS)",
        measured: `before ${formatMb(concurrent.rssBefore)} · peak ${formatMb(concurrent.rssPeak)} · after ${formatMb(concurrent.rssAfter)}`,
        compared: `around the ${concurrent.sends.toLocaleString("en")} sends of the concurrent figures`,
        budget: "",
        result: "",
      },
      {
        figure: "Lighthouse performance",
        measured: `${lighthouse.performance}`,
        compared: `runs ${lighthouse.runs.map((run) => run.performance).join(", ")}`,
        budget: `≥ ${budgets.LIGHTHOUSE_PERFORMANCE_MIN}`,
        result: passFail(lighthouse.performance >= budgets.LIGHTHOUSE_PERFORMANCE_MIN),
      },
      {
        figure: "Lighthouse accessibility",
        measured: `${lighthouse.accessibility}`,
        compared: `runs ${lighthouse.runs.map((run) => run.accessibility).join(", ")}`,
        budget: `${budgets.LIGHTHOUSE_ACCESSIBILITY_MIN}`,
        result: passFail(lighthouse.accessibility >= budgets.LIGHTHOUSE_ACCESSIBILITY_MIN),
      },
    ]
    const durationMs = Date.now() - startedAt.getTime()
    console.log(textTable(rows))
    await writeMarkdown(RESULTS, rows, { startedAt, durationMs, notes: NOTES })
    log(`wrote ${path.relative(process.cwd(), RESULTS)} (${formatMs(durationMs)})`)
  } finally {
    for (const server of servers) await server.stop()
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
