import { readFileSync } from "node:fs"
import path from "node:path"

import type { ActionResult } from "../../lib/action-result"
import type { TestOutcome } from "../../lib/smtp/types"

const MANIFEST = path.join(
  __dirname,
  "..",
  "..",
  ".next",
  "server",
  "server-reference-manifest.json"
)
const ACTION_TIMEOUT_MS = 45_000

/** The server actions the tests call over HTTP: the file that exports each, the page that uses it. */
const ACTIONS = {
  sendTestEmail: { file: "app/actions.ts", page: "/" },
  startDeviceCodeSignIn: { file: "app/oauth-actions.ts", page: "/" },
  checkDeviceCodeSignIn: { file: "app/oauth-actions.ts", page: "/" },
  cancelDeviceCodeSignIn: { file: "app/oauth-actions.ts", page: "/" },
  diagnosePastedText: { file: "app/diagnose/actions.ts", page: "/diagnose" },
} as const

export type ActionName = keyof typeof ACTIONS

/** An action's ID in the build, from Next.js's server reference manifest. */
function actionId(name: ActionName): string {
  const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>
  }
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.filename === ACTIONS[name].file && entry.exportedName === name
  )
  if (!found) throw new Error(`${name} is not in ${MANIFEST}`)
  return found[0]
}

/** What an action answered over HTTP: the status, the time it took, and its rows. */
export interface ActionAnswer<T> {
  status: number
  ms: number
  /** The action's ActionResult (the first row with `ok`). */
  result: ActionResult<T>
  /** With sendTestEmail: the test's outcome, streamed after the result. */
  outcome?: TestOutcome
  /** The response body as it came. */
  body: string
}

/**
 * Calls a server action as the browser does: a POST to its page with its ID in Next-Action and the
 * arguments as JSON text (what React's encodeReply sends for plain values), then reads the
 * response to its end.
 */
export async function callAction<T>(
  baseUrl: string,
  name: ActionName,
  input: unknown,
  headers: Record<string, string> = {}
): Promise<ActionAnswer<T>> {
  const start = performance.now()
  const response = await fetch(`${baseUrl}${ACTIONS[name].page}`, {
    method: "POST",
    headers: {
      ...headers,
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
      "Next-Action": actionId(name),
      Origin: baseUrl,
    },
    body: JSON.stringify([input]),
    signal: AbortSignal.timeout(ACTION_TIMEOUT_MS),
  })
  const body = await response.text()
  // React Server Components rows: "<id>:<json>", one a line.
  const rows = body
    .split("\n")
    .map((line) => line.slice(line.indexOf(":") + 1))
    .filter((json) => json.startsWith("{"))
    .flatMap((json) => {
      try {
        return [JSON.parse(json) as Record<string, unknown>]
      } catch {
        return []
      }
    })
  const result = (rows.find((row) => "ok" in row) ?? {
    ok: false,
    error: `HTTP ${response.status} without a result`,
  }) as ActionResult<T>
  const done = rows.find((row) => row.type === "done") as { outcome: TestOutcome } | undefined
  return {
    status: response.status,
    ms: performance.now() - start,
    result,
    outcome: done?.outcome,
    body,
  }
}
