import { spawn, type ChildProcess } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import os from "node:os"
import path from "node:path"

import { freePort } from "./free-port"

/** Debian's redis-server on 127.0.0.1, started by a test (`.ci/run` installs it). */
export interface RunningRedis {
  /** redis://127.0.0.1:<port>, for SMTP365_REDIS_URL. */
  url: string
  port: number
  /** Stops the server as a crash would (SIGKILL) and waits until it is gone. */
  stop(): Promise<void>
  /** Starts it again on the same port, empty (it keeps nothing on disk). */
  restart(): Promise<void>
  /** Freezes it (SIGSTOP): connections stay open, and nothing is answered. */
  freeze(): void
  /** Lets a frozen server go on (SIGCONT). */
  thaw(): void
  /** Stops it for good and removes its directory. */
  close(): Promise<void>
}

const READY_TIMEOUT_MS = 10_000

/**
 * redis-server on a free loopback port, in a temporary directory, keeping nothing on disk (`--save
 * ""`, `--appendonly no`): a restart starts empty, as a Redis without persistence does.
 */
export async function startRedisServer(): Promise<RunningRedis> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "smtp365-redis-"))
  const port = await freePort()
  let child: ChildProcess | undefined

  const launch = async () => {
    const started = spawn(
      "redis-server",
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--dir",
        dir,
        "--save",
        "",
        "--appendonly",
        "no",
      ],
      { cwd: dir, stdio: ["ignore", "pipe", "pipe"] }
    )
    child = started
    let output = ""
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`redis-server did not start:\n${output}`)),
        READY_TIMEOUT_MS
      )
      started.once("error", (error) => {
        clearTimeout(timer)
        reject(new Error(`redis-server could not run (install Debian's redis-server): ${error}`))
      })
      started.once("exit", (code) => {
        clearTimeout(timer)
        reject(new Error(`redis-server exited with ${code}:\n${output}`))
      })
      started.stdout?.on("data", (chunk: Buffer) => {
        output += chunk.toString()
        if (output.includes("Ready to accept connections")) {
          clearTimeout(timer)
          resolve()
        }
      })
    })
    started.removeAllListeners("exit")
  }

  const stop = async () => {
    const running = child
    child = undefined
    if (!running || running.exitCode !== null || running.signalCode !== null) return
    const exited = new Promise((resolve) => running.once("exit", resolve))
    running.kill("SIGKILL")
    await exited
  }

  await launch()
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    restart: launch,
    freeze: () => child?.kill("SIGSTOP"),
    thaw: () => child?.kill("SIGCONT"),
    async close() {
      await stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
