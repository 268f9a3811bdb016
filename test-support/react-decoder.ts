import { execFile } from "node:child_process"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"

// React's own encoder and decoder of server action arguments, as Next.js bundles them (the
// Turbopack build's copies, which `next build` uses): what the browser sends, and what the server
// makes of it.
const COMPILED = path.join(
  fileURLToPath(new URL("..", import.meta.url)),
  "node_modules/next/dist/compiled/react-server-dom-turbopack/cjs"
)

/** The request body the browser sends for an action called with `args` (React's encodeReply). */
export async function encodeReply(args: unknown[]): Promise<string> {
  const client = createRequire(import.meta.url)(
    path.join(COMPILED, "react-server-dom-turbopack-client.node.production.js")
  ) as { encodeReply: (value: unknown) => Promise<string | FormData> }
  const body = await client.encodeReply(args)
  if (typeof body !== "string") throw new Error("encodeReply wrote a multipart body")
  return body
}

// The decoder only loads under the "react-server" condition, so it runs in a child process.
const DECODE = `
const { decodeReply } = require(${JSON.stringify(path.join(COMPILED, "react-server-dom-turbopack-server.node.production.js"))})
let input = ""
process.stdin.setEncoding("utf8").on("data", (chunk) => (input += chunk)).on("end", async () => {
  const results = []
  for (const body of JSON.parse(input)) {
    try {
      await decodeReply(body, {}, {})
      results.push(null)
    } catch (error) {
      results.push(String(error && error.message))
    }
  }
  process.stdout.write(JSON.stringify(results))
})
`

/**
 * Decodes each body with React's decodeReply, as Next.js does for a text action body: null for a
 * body it decodes, the error's message for one it throws on (which Next.js answers with a 500).
 */
export function decodeWithReact(bodies: readonly string[]): Promise<Array<string | null>> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ["--conditions=react-server", "-e", DECODE],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => {
        if (error) reject(error)
        else resolve(JSON.parse(stdout) as Array<string | null>)
      }
    )
    child.stdin?.end(JSON.stringify(bodies))
  })
}
