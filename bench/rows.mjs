// The rows of the bench's table, from the figures run.mjs measured: each figure with what it is
// compared with, its budget and pass or FAIL.
import * as budgets from "./budgets.mjs"
import { CLIENT_CAP_MS } from "./verdict-times.mjs"
import { formatBytes, formatMb, formatMs, passFail } from "./report.mjs"
import { TARGETS } from "./scenarios.mjs"

const LABEL_MAX = 48

const ratio = (value) => `${value.toFixed(2)}×`
// MB as formatMb counts them (2^20 bytes), for the heap as for the resident memory.
const megabytes = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`
const megabytesFromKb = (kb) => `${(kb / 1024).toFixed(1)} MB`
const signed = (text, value) => (value >= 0 ? `+${text}` : text)
const percent = (share) => `${Math.round(share * 100)}%`
const cpu = (ms) => `${ms.toFixed(1)} ms`
const count = (n) => n.toLocaleString("en")
const errorsCell = ({ errors, firstError }) =>
  `${errors} errors${firstError ? ` (${firstError})` : ""}`

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

export function verdictRows(rows) {
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

export function overheadRow(firstTests, warm, floorFirstTests) {
  const starts = (tests) =>
    tests.starts.map((start) => `${formatMs(start.action)} − ${formatMs(start.direct)}`).join(", ")
  return {
    figure: `Overhead, first test after a start (median of ${firstTests.starts.length} starts)`,
    measured: `${formatMs(firstTests.overhead)} (action − direct: ${starts(firstTests)})`,
    compared: `warm server ${formatMs(warm.overhead)} = action ${formatMs(warm.action)} − direct ${formatMs(warm.direct)} (medians of ${warm.runs}) · runDiagnosedTest ${formatMs(warm.library)} · Next.js alone: first test ${formatMs(floorFirstTests.overhead)} (${starts(floorFirstTests)}), warm ${formatMs(warm.floorOverhead)} = ${formatMs(warm.floor)} − ${formatMs(warm.direct)}`,
    budget: `< ${budgets.FIRST_TEST_OVERHEAD_MS} ms`,
    result: passFail(firstTests.overhead < budgets.FIRST_TEST_OVERHEAD_MS),
  }
}

export function firstLoadJsRow(wizard, bare) {
  const jsRatio = wizard.bytes / bare.bytes
  return {
    figure: "First-load JavaScript",
    measured: `wizard ${formatBytes(wizard.bytes)} in ${wizard.files} files (${wizard.encodings.join(", ")})`,
    compared: `bare page ${formatBytes(bare.bytes)} in ${bare.files} files: ${ratio(jsRatio)}`,
    budget: `≤ ${budgets.FIRST_LOAD_JS_RATIO}× bare`,
    result: passFail(jsRatio <= budgets.FIRST_LOAD_JS_RATIO),
  }
}

export function concurrentRows(against, justStarted) {
  const { smtp365, direct } = against
  const errors = smtp365.errors + direct.errors
  const blockRatios = against.blockRatios.map((value) => value.toFixed(2)).join(", ")
  const n = budgets.CONCURRENT_SENDS
  return [
    {
      figure: `${n} sends at once, against the direct reference (median of ${smtp365.blocks.length} blocks each)`,
      measured: `p95 smtp365 ${formatMs(smtp365.p95)} ÷ direct ${formatMs(direct.p95)} = ${ratio(against.ratio)} · ${errorsCell(smtp365)} · direct ${errorsCell(direct)}`,
      compared: `Next.js alone: p95 ${formatMs(against.floor.p95)} = ${ratio(against.floorRatio)} direct · ${errorsCell(against.floor)} · blocks ${blockRatios} · against a single send: smtp365 ${ratio(smtp365.p95 / smtp365.single)} its ${formatMs(smtp365.single)}, direct ${ratio(direct.p95 / direct.single)} its ${formatMs(direct.single)} · first byte p95 ${formatMs(smtp365.firstByteP95)} · CPU a send: server ${cpu(against.serverCpuPerSendMs)} (web server thread ${cpu(against.mainThreadCpuPerSendMs)}, other threads ${cpu(against.serverCpuPerSendMs - against.mainThreadCpuPerSendMs)}), reference ${cpu(against.referenceCpuPerSendMs)} · other work on the machine: ${percent(smtp365.otherWork)} of its CPU during smtp365's blocks, ${percent(direct.otherWork)} during the reference's`,
      budget: `p95 ≤ ${budgets.CONCURRENT_REFERENCE_P95_RATIO}× direct, 0 errors`,
      result: passFail(against.ratio <= budgets.CONCURRENT_REFERENCE_P95_RATIO && errors === 0),
    },
    {
      figure: `${n} sends at once, just started`,
      measured: `median ${formatMs(justStarted.median)} · p95 ${formatMs(justStarted.p95)} (first byte ${formatMs(justStarted.firstByteP95)}; worst round ${formatMs(justStarted.worstP95)}, first ${formatMs(justStarted.firstP95)}) · ${errorsCell(justStarted)} · server CPU ${formatMs(justStarted.serverCpuPerSendMs)} a send`,
      // Measured minutes before the reference's blocks: on a shared machine, no ratio to them holds.
      compared: `other work on the machine meanwhile: ${percent(justStarted.otherWork)} of its CPU`,
      budget: "",
      result: "",
    },
  ]
}

export function memoryRows(memory) {
  const { baseline, end, samples } = memory
  const growth = (pick) => pick(end) / pick(baseline)
  const within = (pick) => growth(pick) <= budgets.MEMORY_GROWTH_RATIO && memory.errors === 0
  const budget = `end ≤ ${budgets.MEMORY_GROWTH_RATIO}× at ${count(baseline.sent)}, 0 errors`
  const span = `${count(baseline.sent)} sends → ${count(end.sent)}`
  const rss = (point) => point.rssKb
  const heap = (point) => point.heap.total
  const every = samples[1]?.sent ?? 0
  const rssSlope = megabytesFromKb(memory.rssSlopeKb)
  const heapSlope = megabytes(memory.heapSlope)
  return [
    {
      figure: `Server memory (RSS) over ${count(end.sent)} sends`,
      measured: `${span}: ${formatMb(rss(baseline))} → ${formatMb(rss(end))} = ${ratio(growth(rss))} · slope ${signed(rssSlope, memory.rssSlopeKb)} per 1,000 sends · ${errorsCell(memory)}`,
      compared: `every ${count(every)} sends from the start: ${samples.map((point) => Math.round(point.rssKb / 1024)).join(", ")} MB · at the end, the web server thread's V8 heap ${megabytes(end.heap.memoryUsage.heapTotal)} committed, Buffers and other external memory ${megabytes(end.heap.memoryUsage.external)} · peak ${formatMb(memory.rssPeakKb)} without collections`,
      budget,
      result: passFail(within(rss)),
    },
    {
      figure: `V8 heap after a forced collection, over ${count(end.sent)} sends`,
      measured: `${span}: ${megabytes(heap(baseline))} → ${megabytes(heap(end))} = ${ratio(growth(heap))} · slope ${signed(heapSlope, memory.heapSlope)} per 1,000 sends`,
      compared: `every ${count(every)} sends: ${samples.map((point) => (point.heap.total / 2 ** 20).toFixed(1)).join(", ")} MB · at the end, web server thread ${megabytes(end.heap.main)}, ${end.heap.workers.length} worker threads ${megabytes(end.heap.workers.reduce((sum, n) => sum + n, 0))}`,
      budget,
      result: passFail(within(heap)),
    },
  ]
}

const vitals = (measured) =>
  `LCP ${formatMs(measured.lcp)} · TBT ${formatMs(measured.tbt)} · CLS ${measured.cls.toFixed(3)}`

/** Lighthouse's rows: the wizard's scores, beside the bare page's on a phone for information. */
export function lighthouseRows({ wizard, bare }) {
  const row = (preset, category, min) => {
    const measured = wizard[preset]
    const runs = `runs ${measured.runs.map((run) => run[category]).join(", ")}`
    const comparison = [runs]
    if (category === "performance") comparison.push(vitals(measured))
    if (preset === "mobile") comparison.push(`bare page ${bare.mobile[category]}`)
    if (preset === "mobile" && category === "performance") comparison.push(vitals(bare.mobile))
    return {
      figure: `Lighthouse ${preset} ${category}`,
      measured: `${measured[category]}`,
      compared: comparison.join(" · "),
      budget: min === 100 ? "100" : `≥ ${min}`,
      result: passFail(measured[category] >= min),
    }
  }
  return [
    row("desktop", "performance", budgets.LIGHTHOUSE_DESKTOP_PERFORMANCE_MIN),
    row("desktop", "accessibility", budgets.LIGHTHOUSE_DESKTOP_ACCESSIBILITY_MIN),
    row("mobile", "performance", budgets.LIGHTHOUSE_MOBILE_PERFORMANCE_MIN),
    row("mobile", "accessibility", budgets.LIGHTHOUSE_MOBILE_ACCESSIBILITY_MIN),
  ]
}

function capacityCell(name, capacity, holdMs) {
  if (!capacity.hold) {
    const holds = capacity.tried.filter((tried) => tried.durationMs === holdMs)
    return `${name}: no rate held (${holds.map((tried) => `${tried.rate} a second: p95 ${formatMs(tried.p95)}, ${tried.errors} errors`).join("; ")})`
  }
  const { hold } = capacity
  return `${name} ${capacity.rate} a second (p95 ${formatMs(hold.p95)}, median ${formatMs(hold.median)}, ${count(hold.sends)} sends; other work ${percent(hold.otherWork)} of the CPUs)`
}

export function capacityRow(smtp365, direct, holdMs) {
  return {
    figure: `Capacity: steady test sends a second for ${formatMs(holdMs)}, p95 < ${formatMs(budgets.CAPACITY_P95_MS)}, no errors`,
    measured: capacityCell("smtp365", smtp365, holdMs),
    compared: capacityCell("direct reference", direct, holdMs),
    budget: "",
    result: "",
  }
}
