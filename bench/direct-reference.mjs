// The product-free reference: the same SMTP conversation as smtp365's test send, driven directly
// (no HTTP, no Next.js) from a process of its own (bench/reference-process.mjs), as smtp365 runs
// its conversations in the server's process and not beside the simulator. It makes its TLS context
// once, as the product does. The bench measures both in the same run, side by side, so what the
// machine does to one it does to the other.
import { fork } from "node:child_process"
import path from "node:path"

import { ROOT } from "./ts-modules.mjs"

const ENTRY = path.join(ROOT, "bench/reference-process.mjs")

/**
 * Starts the reference process, talking to the submission simulator on `port`. Each method resolves
 * with the runs ([{ ms, failure? }]) and the process's CPU time over them (cpuMs).
 */
export async function startDirectReference(port) {
  const child = fork(ENTRY, [String(port)], { stdio: ["ignore", "inherit", "inherit", "ipc"] })
  const pending = new Map()
  let nextId = 1
  const exited = new Promise((resolve) => child.once("exit", resolve))
  void exited.then((code) => {
    for (const waiting of pending.values()) {
      waiting.reject(new Error(`the reference process exited (${code})`))
    }
  })
  await new Promise((resolve, reject) => {
    child.once("error", reject)
    child.once("exit", (code) => reject(new Error(`the reference process exited (${code})`)))
    child.on("message", (message) => {
      if (message.ready) return resolve()
      const waiting = pending.get(message.id)
      pending.delete(message.id)
      if (message.error) waiting?.reject(new Error(`direct reference: ${message.error}`))
      else waiting?.resolve(message)
    })
  })
  const request = (op, args) =>
    new Promise((resolve, reject) => {
      const id = nextId++
      pending.set(id, { resolve, reject })
      child.send({ id, op, ...args })
    })
  return {
    pid: child.pid,
    /** `count` conversations started at once. */
    atOnce: (count) => request("atOnce", { count }),
    /** `count` sends one after the other: "direct" conversations, or runDiagnosedTest ("library"). */
    oneAtATime: (count, way = "direct") => request("oneAtATime", { count, way }),
    /** Conversations started at a steady `rate` a second for `durationMs` (see load.mjs). */
    atSteadyRate: (rate, durationMs) => request("atSteadyRate", { rate, durationMs }),
    async stop() {
      child.kill("SIGTERM")
      await exited
    },
  }
}
