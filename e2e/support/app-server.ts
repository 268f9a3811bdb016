import { spawn } from "node:child_process"
import { cp } from "node:fs/promises"
import path from "node:path"

import { freePort } from "../../test-support/free-port"

const ROOT = path.join(__dirname, "..", "..")
const READY_TIMEOUT_MS = 60_000
/** The folder `output: "standalone"` builds, with server.js, as a container image would copy it. */
const STANDALONE = path.join(ROOT, ".next", "standalone")

/** Another server of the build Playwright's webServer made, on a free port of 127.0.0.1. */
export interface AppServer {
  url: string
  port: number
  /** What it printed so far (stdout and stderr). */
  output(): string
  /** Resolves with the exit code once the process has ended (null when a signal ended it). */
  exited: Promise<number | null>
  /** SIGTERM, or SIGKILL for a crash; resolves once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>
}

/**
 * Starts `next start` on the build (several can share it), or with `standalone` the standalone
 * server.js as its README section runs it, with the given configuration besides the runner's
 * environment. Resolves once it says it is ready.
 */
export async function startAppServer(
  configuration: Record<string, string>,
  { standalone = false } = {}
): Promise<AppServer> {
  const port = await freePort()
  if (standalone) await copyStandaloneAssets()
  const command = standalone
    ? [path.join(STANDALONE, "server.js")]
    : [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1"]
  const child = spawn(process.execPath, standalone ? command : [...command, "-p", String(port)], {
    cwd: standalone ? STANDALONE : ROOT,
    // The standalone server reads its address from PORT and HOSTNAME.
    env: { ...process.env, ...configuration, PORT: String(port), HOSTNAME: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  })
  let output = ""
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The server did not start in time:\n${output}`)),
      READY_TIMEOUT_MS
    )
    const keep = (chunk: Buffer) => {
      output += chunk.toString()
      if (/Ready in/i.test(output)) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout.on("data", keep)
    child.stderr.on("data", keep)
    void exited.then(() => {
      clearTimeout(timer)
      reject(new Error(`The server exited before it was ready:\n${output}`))
    })
  })
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    output: () => output,
    exited,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
}

/**
 * What Next.js's standalone output leaves to the deployment (its docs: "Automatically Copying
 * Traced Files"): the built static files and public/, copied next to server.js.
 */
async function copyStandaloneAssets(): Promise<void> {
  await cp(path.join(ROOT, ".next", "static"), path.join(STANDALONE, ".next", "static"), {
    recursive: true,
  })
  await cp(path.join(ROOT, "public"), path.join(STANDALONE, "public"), { recursive: true })
}
