// Figure 5: Lighthouse performance and accessibility of a page, desktop preset, median of runs.
import { spawn } from "node:child_process"
import path from "node:path"

import { chromiumLaunchOptions } from "../test-support/chromium.mjs"
import { median } from "./stats.mjs"
import { ROOT } from "./ts-modules.mjs"

const LIGHTHOUSE = path.join(ROOT, "node_modules/.bin/lighthouse")
export const LIGHTHOUSE_RUNS = 3
const RUN_TIMEOUT_MS = 120_000
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]

/** One Lighthouse run; resolves with the scores (0-100) of both categories. */
function runLighthouse(url) {
  const args = [
    url,
    "--preset=desktop",
    "--only-categories=performance,accessibility",
    "--output=json",
    "--output-path=stdout",
    "--quiet",
    `--chrome-flags=${CHROME_FLAGS.join(" ")}`,
  ]
  return new Promise((resolve, reject) => {
    const child = spawn(LIGHTHOUSE, args, {
      // Lighthouse 12's CLI takes the browser from CHROME_PATH (it has no flag for it).
      env: { ...process.env, CHROME_PATH: chromiumLaunchOptions.executablePath },
      stdio: ["ignore", "pipe", "pipe"],
    })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (chunk) => (stdout += chunk))
    child.stderr.on("data", (chunk) => (stderr = (stderr + chunk).slice(-2000)))
    const timer = setTimeout(() => child.kill("SIGKILL"), RUN_TIMEOUT_MS)
    child.on("close", (code) => {
      clearTimeout(timer)
      try {
        const report = JSON.parse(stdout)
        if (report.runtimeError) throw new Error(report.runtimeError.message)
        const score = (id) => {
          const value = report.categories[id]?.score
          if (typeof value !== "number") throw new Error(`no ${id} score`)
          return Math.round(value * 100)
        }
        resolve({ performance: score("performance"), accessibility: score("accessibility") })
      } catch (error) {
        reject(new Error(`lighthouse failed (exit ${code}): ${error.message}\n${stderr}`))
      }
    })
  })
}

/** Median scores of LIGHTHOUSE_RUNS runs, and every run's. */
export async function measureLighthouse(url) {
  const runs = []
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) runs.push(await runLighthouse(url))
  return {
    performance: median(runs.map((run) => run.performance)),
    accessibility: median(runs.map((run) => run.accessibility)),
    runs,
  }
}
