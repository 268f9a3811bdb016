// 25 test sends at once (the success scenario). The budget's figure holds smtp365 against the same
// 25 conversations driven directly (bench/direct-reference.mjs), in alternating blocks of rounds
// on the warm server: the machine's noise (other work on its two cores, a slow minute) falls on
// both alike, and the ratio of their p95s is what smtp365 adds. Also, for information, the rounds
// right after the server started, and each side's p95 against its own single send.
import { CONCURRENT_SENDS, REFERENCE_BLOCKS } from "./budgets.mjs"
import { atOnce, oneAtATime, summarize } from "./load.mjs"
import { watchOtherWork } from "./machine.mjs"
import { sized } from "./quick.mjs"
import { median } from "./stats.mjs"

/**
 * Rounds of 25 sends at once in each block, and blocks of each side (at least REFERENCE_BLOCKS).
 * One block's ratio to the reference moved from 0.97 to 1.49 within a run on the same code, and
 * the median of five from 1.10 to 1.19 between runs: eleven blocks, about 25 s more, narrow the
 * median's spread without moving its middle.
 */
export const ROUNDS_PER_BLOCK = sized(5, 2)
export const BLOCKS = sized(Math.max(11, REFERENCE_BLOCKS), REFERENCE_BLOCKS)

/** Measured rounds right after the start (after one warm-up round). */
export const JUST_STARTED_ROUNDS = sized(5, 2)

/** Sends one at a time whose median is a side's single send. */
export const SINGLE_RUNS = sized(20, 5)

/**
 * Right after the server started: a warm-up round, then JUST_STARTED_ROUNDS rounds of 25 at once.
 * Resolves with the median round by p95 (its median, p95 and first bytes), the worst and the first
 * round's p95, the errors of every round, the warm-up's included, the server's CPU time per send and
 * the share of the CPUs other work took meanwhile.
 */
export async function measureJustStarted({ app, send }) {
  const cpuBefore = app.cpuMs()
  const otherWork = watchOtherWork()
  const rounds = []
  for (let i = 0; i < 1 + JUST_STARTED_ROUNDS; i++) {
    rounds.push(summarize(await atOnce(CONCURRENT_SENDS, send)))
  }
  const sends = rounds.length * CONCURRENT_SENDS
  const byP95 = rounds.slice(1).sort((a, b) => a.p95 - b.p95)
  return {
    ...byP95[Math.floor(byP95.length / 2)],
    worstP95: byP95.at(-1).p95,
    firstP95: rounds[0].p95,
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
    firstError: rounds.find((round) => round.firstError)?.firstError,
    sends,
    serverCpuPerSendMs: (app.cpuMs() - cpuBefore) / sends,
    otherWork: otherWork(),
  }
}

/**
 * On the warm server: each side's single send (the median of SINGLE_RUNS), then BLOCKS blocks of
 * each side in turn (smtp365, direct, Next.js alone, smtp365, …), each ROUNDS_PER_BLOCK rounds of 25
 * at once. A block's p95 is over all its sends. "Next.js alone" (`floor`) is bench/bare-app's
 * action: the same conversation on a worker thread behind a bare server action, what any Next.js
 * server action that does smtp365's work costs before smtp365's own code. Resolves with the sides'
 * blocks, the median of their p95s and smtp365's and Next.js alone's ratios to direct, the errors,
 * the CPU time per send of the server (and of its main thread) and of the reference, and the share
 * of the machine's CPU time other work took during each side's blocks.
 */
export async function measureAgainstReference({ app, send, reference, floor }) {
  const singles = {
    smtp365: median((await oneAtATime(SINGLE_RUNS, send)).map((run) => run.ms)),
    direct: median((await reference.oneAtATime(SINGLE_RUNS)).runs.map((run) => run.ms)),
    floor: median((await oneAtATime(SINGLE_RUNS, floor)).map((run) => run.ms)),
  }
  const blocks = { smtp365: [], direct: [], floor: [] }
  let serverCpuMs = 0
  let mainThreadCpuMs = 0
  let referenceCpuMs = 0
  for (let block = 0; block < BLOCKS; block++) {
    const cpuBefore = app.cpuMs()
    const mainBefore = app.mainThreadCpuMs()
    let otherWork = watchOtherWork()
    const runs = []
    for (let round = 0; round < ROUNDS_PER_BLOCK; round++) {
      runs.push(...(await atOnce(CONCURRENT_SENDS, send)))
    }
    serverCpuMs += app.cpuMs() - cpuBefore
    mainThreadCpuMs += app.mainThreadCpuMs() - mainBefore
    blocks.smtp365.push({ ...summarize(runs), otherWork: otherWork() })

    otherWork = watchOtherWork()
    const directRuns = []
    for (let round = 0; round < ROUNDS_PER_BLOCK; round++) {
      const { runs: roundRuns, cpuMs } = await reference.atOnce(CONCURRENT_SENDS)
      directRuns.push(...roundRuns)
      referenceCpuMs += cpuMs
    }
    blocks.direct.push({ ...summarize(directRuns), otherWork: otherWork() })

    otherWork = watchOtherWork()
    const floorRuns = []
    for (let round = 0; round < ROUNDS_PER_BLOCK; round++) {
      floorRuns.push(...(await atOnce(CONCURRENT_SENDS, floor)))
    }
    blocks.floor.push({ ...summarize(floorRuns), otherWork: otherWork() })
  }
  const side = (name) => {
    const p95 = median(blocks[name].map((block) => block.p95))
    return {
      blocks: blocks[name],
      p95,
      single: singles[name],
      errors: blocks[name].reduce((sum, block) => sum + block.errors, 0),
      firstError: blocks[name].find((block) => block.firstError)?.firstError,
      firstByteP95: median(blocks[name].map((block) => block.firstByteP95)),
      otherWork: median(blocks[name].map((block) => block.otherWork)),
    }
  }
  const sends = BLOCKS * ROUNDS_PER_BLOCK * CONCURRENT_SENDS
  const smtp365 = side("smtp365")
  const direct = side("direct")
  const nextAlone = side("floor")
  return {
    smtp365,
    direct,
    floor: nextAlone,
    ratio: smtp365.p95 / direct.p95,
    floorRatio: nextAlone.p95 / direct.p95,
    blockRatios: blocks.smtp365.map((block, i) => block.p95 / blocks.direct[i].p95),
    serverCpuPerSendMs: serverCpuMs / sends,
    mainThreadCpuPerSendMs: mainThreadCpuMs / sends,
    referenceCpuPerSendMs: referenceCpuMs / sends,
  }
}
