// Builds and starts a Next.js app with `next build` and `next start`, and reads its memory and CPU.
import { spawn } from "node:child_process"
import net from "node:net"
import path from "node:path"

import { cpuMs, mainThreadCpuMs, processTree, rssKb } from "./machine.mjs"
import { inspectorUrlFrom } from "./server-inspector.mjs"
import { ROOT } from "./ts-modules.mjs"

// `next` is run directly, not through npx, so that stopping its process stops the server too.
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next")
const READY_TIMEOUT_MS = 60_000
const STOP_TIMEOUT_MS = 5_000

/** Runs a command to completion; rejects with the end of its output when it fails. */
function run(args, { cwd, env = {}, timeoutMs }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    })
    let output = ""
    const keep = (chunk) => (output = (output + chunk).slice(-4000))
    child.stdout.on("data", keep)
    child.stderr.on("data", keep)
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs)
    child.on("close", (code, signal) => {
      clearTimeout(timer)
      if (code === 0) resolve(output)
      else reject(new Error(`${args.join(" ")} failed (${signal ?? `exit ${code}`}):\n${output}`))
    })
  })
}

/** `next build` in `cwd`; a build that fails once is retried (concurrent builds can collide). */
export async function buildNextApp(cwd) {
  const build = () => run([NEXT_BIN, "build"], { cwd, timeoutMs: 300_000 })
  try {
    await build()
  } catch {
    await build()
  }
}

function assertPortFree(port) {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", () =>
      reject(new Error(`Port ${port} is in use: stop what listens there.`))
    )
    server.listen(port, "127.0.0.1", () => server.close(() => resolve()))
  })
}

/**
 * `next start -H 127.0.0.1 -p port` in `cwd`, resolved once it answers GET /. The returned object
 * reads the resident memory and CPU time of the server's processes and stops them. With `inspect`,
 * the server opens Node's inspector on a free loopback port (NODE_OPTIONS, the bench's
 * configuration only), and `inspectorUrl` is its WebSocket address.
 */
export async function startNextApp({ cwd, port, env = {}, inspect = false }) {
  await assertPortFree(port)
  const nodeOptions = [process.env.NODE_OPTIONS, inspect ? "--inspect=127.0.0.1:0" : ""]
  const child = spawn(
    process.execPath,
    [NEXT_BIN, "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      cwd,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NODE_OPTIONS: nodeOptions.filter(Boolean).join(" "),
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    }
  )
  let output = ""
  let inspectorUrl = null
  const keep = (chunk) => {
    output = (output + chunk).slice(-4000)
    inspectorUrl ??= inspectorUrlFrom(output)
  }
  child.stdout.on("data", keep)
  child.stderr.on("data", keep)
  const exited = new Promise((resolve) => child.once("exit", resolve))
  const url = `http://127.0.0.1:${port}`

  const app = {
    url,
    pid: child.pid,
    get inspectorUrl() {
      return inspectorUrl
    },
    /** The server's process and its child processes, from /proc. */
    processes: () => processTree(child.pid),
    /**
     * Resident memory of the server and its child processes, in kB. A sampler passes `tree` (from
     * processes()): walking /proc reads every process's stat file, which takes a millisecond.
     */
    rssKb: (tree = processTree(child.pid)) => tree.reduce((sum, pid) => sum + rssKb(pid), 0),
    /** CPU time used so far by the server and its child processes, in ms. */
    cpuMs: () => processTree(child.pid).reduce((sum, pid) => sum + cpuMs(pid), 0),
    /**
     * CPU time used so far by the server's main thread alone, in ms: the web server's JavaScript
     * (Next.js, the action), as apart from its other threads (the SMTP session thread, V8's, libuv's).
     */
    mainThreadCpuMs: () => mainThreadCpuMs(child.pid),
    async stop() {
      const pids = processTree(child.pid).reverse()
      for (const pid of pids) {
        try {
          process.kill(pid, "SIGTERM")
        } catch {
          // Already gone.
        }
      }
      const timer = setTimeout(() => {
        for (const pid of pids) {
          try {
            process.kill(pid, "SIGKILL")
          } catch {
            // Already gone.
          }
        }
      }, STOP_TIMEOUT_MS)
      await exited
      clearTimeout(timer)
    },
  }

  const deadline = Date.now() + READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) })
      await response.arrayBuffer()
      if (response.ok) return app
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  await app.stop()
  throw new Error(`next start on port ${port} did not answer GET / in time:\n${output}`)
}
