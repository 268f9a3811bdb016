// Calls the wizard's sendTestEmail server action over HTTP, as the browser does (and the bare
// Next.js app's action that stands for Next.js alone, which answers in the same shape).
import { readFile } from "node:fs/promises"
import http from "node:http"
import path from "node:path"

/** The wizard's test send, posted to its page "/". */
export const WIZARD_ACTION = {
  filename: "app/actions.ts",
  exportedName: "sendTestEmail",
  path: "/",
}

/** Next.js alone: bench/bare-app's action, on its page "/send". */
export const BARE_ACTION = {
  filename: "app/send/actions.js",
  exportedName: "sendThroughWorker",
  path: "/send",
}
const REQUEST_TIMEOUT_MS = 60_000

/** The action's id in this build, from .next/server/server-reference-manifest.json. */
export async function findActionId(appDir, action = WIZARD_ACTION) {
  const file = path.join(appDir, ".next/server/server-reference-manifest.json")
  const manifest = JSON.parse(await readFile(file, "utf8"))
  for (const [id, entry] of Object.entries(manifest.node ?? {})) {
    // Named from the Turbopack root, which for the bare app's build is the repository's.
    const file = entry.filename.replace(/^bench\/\.bare-build\//, "")
    if (file === action.filename && entry.exportedName === action.exportedName) return id
  }
  throw new Error(`${action.exportedName} is not in ${file}`)
}

/** The rows of a React Server Components response ("<id>:<json>", one a line) that are objects. */
function objectRows(body) {
  const rows = []
  for (const line of body.split("\n")) {
    const json = line.slice(line.indexOf(":") + 1)
    if (!json.startsWith("{")) continue
    try {
      rows.push(JSON.parse(json))
    } catch {
      // A row of another shape.
    }
  }
  return rows
}

/**
 * The action's result: { ok: true, outcome } with the test's outcome, or { ok: false, error }. The
 * action answers { ok: true, data: { progress } } and streams its progress (stage events, then a
 * "done" item with the outcome, or an "error" item) in later rows of the same response.
 */
export function parseActionResult(body) {
  const rows = objectRows(body)
  const result = rows.find((row) => row && "ok" in row)
  if (!result) return { ok: false, error: "the response holds no result" }
  if (!result.ok) return result
  const end = rows.find((row) => row?.type === "done" || row?.type === "error")
  if (end?.type === "done") return { ok: true, outcome: end.outcome }
  return { ok: false, error: end?.error ?? "the progress stream ended without an outcome" }
}

/** A short verdict from the action's result: { ok, reply?, failure? }. */
export function actionVerdict(result) {
  if (!result.ok) return { ok: false, failure: `no test ran (${result.error})` }
  const { outcome } = result
  if (outcome.ok) return { ok: true, reply: outcome.response }
  const failure = outcome.failure ?? {}
  return {
    ok: false,
    reply: failure.reply,
    failure: [failure.code, failure.cause].filter(Boolean).join(" "),
  }
}

/**
 * One POST with node:http, read to its end: { status, firstByteMs, body }. The bench's client runs
 * on the same cores as the server it measures, and node:http takes a fraction of fetch's CPU time.
 */
function post(url, headers, body) {
  const start = performance.now()
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: "POST",
      headers: { ...headers, "Content-Length": Buffer.byteLength(body) },
      timeout: REQUEST_TIMEOUT_MS,
    })
    request.on("timeout", () => request.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS} ms`)))
    request.on("error", reject)
    request.on("response", (response) => {
      // The headers come with the first row of the stream: when the wizard can show the first stage.
      const firstByteMs = performance.now() - start
      let text = ""
      response.setEncoding("utf8")
      response.on("data", (chunk) => (text += chunk))
      response.on("error", reject)
      response.on("end", () => resolve({ status: response.statusCode, firstByteMs, body: text }))
    })
    request.end(body)
  })
}

/**
 * POSTs the values to the action (Next-Action header, arguments as a JSON text body, as React's
 * encodeReply sends plain values) and reads the response to its end. Resolves with the verdict,
 * the HTTP status and when the response began.
 */
export async function sendTestOverHttp(baseUrl, actionId, values, pagePath = "/") {
  const { status, firstByteMs, body } = await post(
    `${baseUrl}${pagePath}`,
    {
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
      "Next-Action": actionId,
      Origin: baseUrl,
    },
    JSON.stringify([values])
  )
  if (status < 200 || status > 299)
    return { status, firstByteMs, verdict: { ok: false, failure: `HTTP ${status}` } }
  return { status, firstByteMs, verdict: actionVerdict(parseActionResult(body)) }
}

/**
 * A send for load.mjs: the action with `values` (posted to `pagePath`), resolving with
 * { firstByteMs } when the test passed and { failure } otherwise.
 */
export function testSender(baseUrl, actionId, values, pagePath = "/") {
  return async () => {
    const { verdict, firstByteMs } = await sendTestOverHttp(baseUrl, actionId, values, pagePath)
    return verdict.ok ? { firstByteMs } : { failure: verdict.failure }
  }
}
