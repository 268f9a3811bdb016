import { Worker } from "node:worker_threads"

// Started once when the server starts (instrumentation.js), as smtp365 starts its session thread,
// and taken over by the action (app/send/actions.js) at its first call.
const EARLY = Symbol.for("bench.floor-worker")

function newWorker() {
  // bench/floor-worker.mjs, run as plain Node: its path comes from the bench at run time
  // (BENCH_FLOOR_WORKER), as Turbopack would bundle a file it can find while building.
  const worker = new Worker(process.env.BENCH_FLOOR_WORKER)
  worker.unref()
  return worker
}

/**
 * Resolves once the worker has loaded what the conversation needs: instrumentation.js waits for it,
 * so that the server answers only then (floor-worker.mjs compiles TypeScript as it loads).
 */
export function startFloorWorkerEarly() {
  const worker = (globalThis[EARLY] ??= newWorker())
  return new Promise((resolve, reject) => {
    worker.once("error", reject)
    worker.once("message", () => resolve())
  })
}

export function startFloorWorker() {
  const early = globalThis[EARLY]
  delete globalThis[EARLY]
  return early ?? newWorker()
}
