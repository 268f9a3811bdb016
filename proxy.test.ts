import { NextRequest } from "next/server"
import { beforeAll, describe, expect, test, vi } from "vitest"

// The proxy as Next.js calls it, configured as the end-to-end server is: no access password, no
// extra host names. What Next.js adds around it (next.config.ts's headers) is checked end to end.
beforeAll(() => {
  vi.stubEnv("SMTP365_ACCESS_PASSWORD", "")
  vi.stubEnv("SMTP365_HOSTNAMES", "")
})

const ORIGIN = "http://127.0.0.1:3100"
const ACTION_ID = "7f3f5d201e04f03f60bdb299ab059013b586f8dc25"

async function send(path: string, init: { host?: string; method?: string; body?: string } = {}) {
  const { proxy } = await import("./proxy")
  const headers = new Headers({ host: init.host ?? "127.0.0.1:3100" })
  if (init.body !== undefined) {
    headers.set("next-action", ACTION_ID)
    headers.set("content-type", "text/plain;charset=UTF-8")
  }
  const method = init.method ?? (init.body === undefined ? "GET" : "POST")
  return proxy(new NextRequest(`${ORIGIN}${path}`, { method, headers, body: init.body }))
}

/** Where a redirect points, on this origin. */
function target(response: Response): string {
  const location = new URL(response.headers.get("location") ?? "", ORIGIN)
  return `${location.pathname}${location.search}`
}

function expectSecurityHeaders(response: Response) {
  expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'")
  expect(response.headers.get("cache-control")).toBe("no-store")
}

describe("proxy", () => {
  test("redirects a trailing slash itself, so the redirect carries the CSP and no-store", async () => {
    for (const method of ["GET", "POST"]) {
      const response = await send("/diagnose/?host=smtp.office365.com", { method })
      expect(response.status).toBe(308)
      expect(target(response)).toBe("/diagnose?host=smtp.office365.com")
      expectSecurityHeaders(response)
    }
    // Runs of slashes become one: the target never names another host ("//example.com").
    expect(target(await send("/guide/relay//"))).toBe("/guide/relay")
    expect(target(await send("/%2F%2Fexample.com/"))).toBe("/%2F%2Fexample.com")
    // A path without a trailing slash goes on to Next.js.
    expect((await send("/diagnose")).headers.get("x-middleware-next")).toBe("1")
  })

  test.each(["127.0.0.1:3100", "localhost:3100", "[::1]:3100", "LOCALHOST", "127.0.0.1"])(
    "without an access password, serves the loopback name %j",
    async (host) => {
      const response = await send("/", { host })
      expect(response.headers.get("x-middleware-next")).toBe("1")
      expectSecurityHeaders(response)
    }
  )

  test.each(["rebound.example:3100", "127.0.0.2:3100", "localhost.example", ""])(
    "without an access password, answers the host name %j with 421 and what to set",
    async (host) => {
      for (const init of [{ host }, { host, body: "[]" }]) {
        const response = await send("/", init)
        expect(response.status).toBe(421)
        expect(await response.text()).toMatch(/SMTP365_ACCESS_PASSWORD.*SMTP365_HOSTNAMES/s)
        expectSecurityHeaders(response)
      }
    }
  )

  test("lets a health probe through under any host name, and nothing else at that name", async () => {
    for (const method of ["GET", "HEAD"]) {
      const response = await send("/api/health", { host: "smtp365-7f9c.internal:3000", method })
      expect(response.headers.get("x-middleware-next")).toBe("1")
      expectSecurityHeaders(response)
    }
    expect((await send("/", { host: "smtp365-7f9c.internal:3000" })).status).toBe(421)
    expect((await send("/api/health/", { host: "smtp365-7f9c.internal" })).status).toBe(421)
    expect((await send("/api/health", { host: "smtp365-7f9c.internal", body: "[]" })).status).toBe(
      421
    )
  })

  test("leaves server actions to the action gate, and refuses any other multipart POST", async () => {
    // Next.js runs the proxy only for requests its matcher takes: never one with Next-Action
    // (lib/security/action-gate.ts checks those before Next.js sees them).
    const { config } = await import("./proxy")
    expect(config.matcher).toEqual([
      { source: "/:path*", missing: [{ type: "header", key: "next-action" }] },
    ])
    const { proxy } = await import("./proxy")
    const upload = await proxy(
      new NextRequest(`${ORIGIN}/diagnose`, {
        method: "POST",
        headers: { host: "127.0.0.1:3100", "content-type": "multipart/form-data; boundary=x" },
        body: "--x--",
      })
    )
    expect(upload.status).toBe(400)
    expectSecurityHeaders(upload)
  })
})
