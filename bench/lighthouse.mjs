// Lighthouse 12.2.3's performance and accessibility of pages with its desktop preset and with its
// default settings (a mobile phone on a slow 4G network, simulated throttling), with the Core Web
// Vitals it measures: the median of runs, the pages and presets in turn.
import { spawn } from "node:child_process"
import path from "node:path"

import { chromiumLaunchOptions } from "../test-support/chromium.mjs"
import { sized } from "./quick.mjs"
import { median } from "./stats.mjs"
import { ROOT } from "./ts-modules.mjs"

const LIGHTHOUSE = path.join(ROOT, "node_modules/.bin/lighthouse")
export const LIGHTHOUSE_RUNS = sized(3, 1)
const RUN_TIMEOUT_MS = 120_000
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]

/** The presets compared: desktop (--preset=desktop) and Lighthouse's default, a mobile phone. */
export const PRESETS = {
  desktop: ["--preset=desktop"],
  mobile: [],
}

/** Audits whose numeric value is reported beside the scores (ms, and CLS without a unit). */
const METRICS = {
  lcp: "largest-contentful-paint",
  tbt: "total-blocking-time",
  cls: "cumulative-layout-shift",
}

/** One Lighthouse run; resolves with the scores (0-100) of both categories and the metrics. */
function runLighthouse(url, preset) {
  const args = [
    url,
    ...PRESETS[preset],
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
        const metric = (id) => {
          const value = report.audits[id]?.numericValue
          if (typeof value !== "number") throw new Error(`no ${id} value`)
          return value
        }
        resolve({
          performance: score("performance"),
          accessibility: score("accessibility"),
          ...Object.fromEntries(Object.entries(METRICS).map(([key, id]) => [key, metric(id)])),
        })
      } catch (error) {
        reject(new Error(`lighthouse ${preset} failed (exit ${code}): ${error.message}\n${stderr}`))
      }
    })
  })
}

/**
 * LIGHTHOUSE_RUNS runs of each `[name, url, preset]`, in turn. Resolves with, for each name and
 * preset, the median of each score and metric, and every run's: { [name]: { [preset]: … } }.
 */
export async function measureLighthouse(pages) {
  const runs = pages.map(() => [])
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
    for (const [j, [, url, preset]] of pages.entries()) {
      // A run that could not load the page measured nothing: Chromium sometimes stops one with an
      // interstitial that the same page, asked again, does not show. One more try.
      const run = await runLighthouse(url, preset).catch((error) => {
        console.error(`bench: ${error.message.split("\n", 1)[0]}; trying once more`)
        return runLighthouse(url, preset)
      })
      runs[j].push(run)
    }
  }
  const keys = ["performance", "accessibility", ...Object.keys(METRICS)]
  const results = {}
  for (const [j, [name, , preset]] of pages.entries()) {
    const medians = keys.map((key) => [key, median(runs[j].map((run) => run[key]))])
    results[name] = {
      ...results[name],
      [preset]: { ...Object.fromEntries(medians), runs: runs[j] },
    }
  }
  return results
}
