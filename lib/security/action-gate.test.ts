// The gate in front of Next.js for server actions, on a real HTTP server: what it refuses never
// reaches the handler behind it, and what it lets through reaches it byte for byte, as Next.js
// reads a request's body. (The access password, read once per process, is asked of actions end to
// end: e2e/security.spec.ts.)
import http from "node:http"
import type { AddressInfo } from "node:net"
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest"

import { HOSTILE_ACTION_BODIES } from "@/test-support/hostile-action-bodies"

import { gateAction, readWhole } from "./action-gate"

const ACTION_ID = "7f3f5d201e04f03f60bdb299ab059013b586f8dc25"
const VALID = '[{"text":"550 5.7.708 Service unavailable. Access denied, traffic not accepted"}]'

/** What the handler behind the gate saw: the body as it read it, and two headers. */
interface Seen {
  body: string
  authorization: string | null
  acceptEncoding: string | null
}

let server: http.Server
let base: string
const seen: Seen[] = []

beforeAll(async () => {
  vi.stubEnv("SMTP365_ACCESS_PASSWORD", "")
  vi.stubEnv("SMTP365_HOSTNAMES", "")
  server = http.createServer((request, response) => {
    const pass = (verdict: boolean) => {
      if (!verdict) return
      // As Next.js reads an action's body: the stream, to its end.
      const chunks: Buffer[] = []
      request.on("data", (chunk: Buffer) => chunks.push(chunk))
      request.on("end", () => {
        seen.push({
          body: Buffer.concat(chunks).toString("utf8"),
          authorization: request.headers.authorization ?? null,
          acceptEncoding: request.headers["accept-encoding"] ?? null,
        })
        response.end("handled")
      })
    }
    const verdict = gateAction(request, response)
    if (typeof verdict === "boolean") pass(verdict)
    else void verdict.then(pass)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  vi.unstubAllEnvs()
  await new Promise((resolve) => server.close(resolve))
})

/** One request with node:http, its body written in `parts` (a pause between them). */
function post(
  body: string | null,
  {
    headers = {},
    parts = 1,
    method = "POST",
    chunks = [],
  }: {
    headers?: http.OutgoingHttpHeaders
    parts?: number
    method?: string
    /** With no body: written one by one, without a Content-Length (chunked). */
    chunks?: string[]
  } = {}
): Promise<{ status: number; text: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${base}/diagnose`, {
      method,
      headers: {
        "Next-Action": ACTION_ID,
        "Content-Type": "text/plain;charset=UTF-8",
        ...(body === null ? {} : { "Content-Length": Buffer.byteLength(body) }),
        ...headers,
      },
    })
    request.on("error", reject)
    request.on("response", (response) => {
      let text = ""
      response.setEncoding("utf8")
      response.on("data", (chunk: string) => (text += chunk))
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, text, headers: response.headers })
      )
    })
    if (body === null) {
      const writeChunk = (index: number) => {
        if (index === chunks.length) return request.end()
        request.write(chunks[index])
        setImmediate(() => writeChunk(index + 1))
      }
      return writeChunk(0)
    }
    const bytes = Buffer.from(body)
    const size = Math.ceil(bytes.length / parts)
    let at = 0
    const writeNext = () => {
      request.write(bytes.subarray(at, (at += size)))
      if (at >= bytes.length) request.end()
      else setImmediate(writeNext)
    }
    writeNext()
  })
}

describe("the server action gate", () => {
  test("lets a well-formed action through with its body whole, without the password or compression", async () => {
    seen.length = 0
    const response = await post(VALID, {
      parts: 7,
      headers: { Authorization: "Basic YWRtaW46c2VjcmV0", "Accept-Encoding": "gzip, br" },
    })
    expect(response.status).toBe(200)
    expect(response.text).toBe("handled")
    expect(response.headers["cache-control"]).toBe("no-store")
    expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'")
    expect(seen).toEqual([{ body: VALID, authorization: null, acceptEncoding: null }])
  })

  test("lets an action with an empty argument list through", async () => {
    seen.length = 0
    expect((await post("[]")).status).toBe(200)
    expect(seen.map((request) => request.body)).toEqual(["[]"])
  })

  test("refuses each hostile body before the handler sees it", async () => {
    seen.length = 0
    for (const { name, body, status } of HOSTILE_ACTION_BODIES) {
      const response = await post(body, { parts: 3 })
      expect(response.status, name).toBe(status)
      expect(response.headers["content-security-policy"], name).toContain("frame-ancestors 'none'")
      expect(response.headers["cache-control"], name).toBe("no-store")
    }
    expect(seen).toEqual([])
  })

  test("refuses a host name smtp365 does not serve and a GET", async () => {
    seen.length = 0
    const misdirected = await post(VALID, { headers: { Host: "rebound.example" } })
    expect(misdirected.status).toBe(421)
    expect(misdirected.text).toContain("SMTP365_HOSTNAMES")
    expect((await post(null, { method: "GET" })).status).toBe(400)
    expect(seen).toEqual([])
  })

  test("reads a chunked body whole, and refuses one past the limit", async () => {
    seen.length = 0
    const chunked = { "Transfer-Encoding": "chunked" }
    const response = await post(null, {
      headers: chunked,
      chunks: [VALID.slice(0, 20), VALID.slice(20)],
    })
    expect(response.status).toBe(200)
    expect(seen.map((request) => request.body)).toEqual([VALID])
    const huge = `["${"x".repeat(600_000)}"]`
    const tooLarge = await post(null, { headers: chunked, chunks: [huge, huge] })
    expect(tooLarge.status).toBe(413)
    expect(seen).toHaveLength(1)
  })

  test("lets every request without a Next-Action header through at once, unread", () => {
    const request = { headers: {} } as http.IncomingMessage
    expect(gateAction(request, {} as http.ServerResponse)).toBe(true)
  })
})

describe("readWhole", () => {
  test("gives up on a body shorter than its Content-Length", async () => {
    const results: (Buffer | null)[] = []
    const slow = http.createServer((request, response) => {
      void readWhole(request, Number(request.headers["content-length"]), 200).then((body) => {
        results.push(body)
        response.end()
      })
    })
    await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve))
    const { port } = slow.address() as AddressInfo
    const request = http.request({
      port,
      host: "127.0.0.1",
      method: "POST",
      headers: { "Content-Length": 10 },
    })
    request.on("error", () => {})
    request.write("[1,")
    await new Promise((resolve) => request.on("response", resolve))
    request.destroy()
    await new Promise((resolve) => slow.close(resolve))
    expect(results).toEqual([null])
  })
})
