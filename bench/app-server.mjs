// Builds and starts a Next.js app with `next build` and `next start`, and reads its memory.
import { spawn } from "node:child_process"
import { readFileSync, readdirSync } from "node:fs"
import net from "node:net"
import path from "node:path"

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
 * The fields of /proc/<pid>/stat after the command name in parentheses (which may hold spaces):
 * [0] state, [1] parent pid, [11] utime, [12] stime. Null once the process has ended.
 */
function statFields(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")
  } catch {
    return null
  }
}

/** The process and all its descendants, from /proc. */
function processTree(pid) {
  const children = new Map()
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    const fields = statFields(entry)
    // Null: the process ended while we looked.
    if (!fields) continue
    const ppid = Number(fields[1])
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)])
  }
  const tree = [pid]
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []))
  return tree
}

/** CPU time (user + system) the process has used so far, in ms (clock ticks of 10 ms). */
function cpuMs(pid) {
  const fields = statFields(pid)
  return fields ? (Number(fields[11]) + Number(fields[12])) * 10 : 0
}

function rssKb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8")
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0)
  } catch {
    return 0
  }
}

/**
 * `next start -H 127.0.0.1 -p port` in `cwd`, resolved once it answers GET /. The returned object
 * reads the resident memory and CPU time of the server's processes and stops them.
 */
export async function startNextApp({ cwd, port, env = {} }) {
  await assertPortFree(port)
  const child = spawn(
    process.execPath,
    [NEXT_BIN, "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      cwd,
      env: { ...process.env, NODE_ENV: "production", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    }
  )
  let output = ""
  const keep = (chunk) => (output = (output + chunk).slice(-4000))
  child.stdout.on("data", keep)
  child.stderr.on("data", keep)
  const exited = new Promise((resolve) => child.once("exit", resolve))
  const url = `http://127.0.0.1:${port}`

  const app = {
    url,
    pid: child.pid,
    /** The server's process and its child processes, from /proc. */
    processes: () => processTree(child.pid),
    /**
     * Resident memory of the server and its child processes, in kB. A sampler passes `tree` (from
     * processes()): walking /proc reads every process's stat file, which takes a millisecond.
     */
    rssKb: (tree = processTree(child.pid)) => tree.reduce((sum, pid) => sum + rssKb(pid), 0),
    /** CPU time used so far by the server and its child processes, in ms. */
    cpuMs: () => processTree(child.pid).reduce((sum, pid) => sum + cpuMs(pid), 0),
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
