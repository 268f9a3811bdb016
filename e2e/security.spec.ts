import http from "node:http"

import { expect, test } from "./fixtures"
import { startAppServer } from "./support/app-server"

// What every response promises the browser (proxy.ts and next.config.ts), checked on the built app.
const PAGES = ["/", "/diagnose", "/guide/basic-auth", "/guide/relay", "/sheet", "/entra-checklist"]

/** The headers every response carries: pages, redirects and refusals alike. */
function expectSecurityHeaders(headers: Record<string, string | string[] | undefined>) {
  const csp = String(headers["content-security-policy"] ?? "")
  const scriptSrc = csp.split(";").find((directive) => directive.trim().startsWith("script-src"))
  expect(csp).toMatch(/'nonce-[^']+'/)
  expect(scriptSrc).toContain("'strict-dynamic'")
  expect(scriptSrc).not.toContain("'unsafe-inline'")
  expect(csp).toContain("frame-ancestors 'none'")
  expect(csp).toContain("object-src 'none'")
  expect(headers["cache-control"]).toContain("no-store")
  expect(headers).toMatchObject({
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
  })
  expect(headers["permissions-policy"]).toContain("camera=()")
}

test.describe("Security headers", () => {
  for (const page of PAGES) {
    test(`${page} carries a nonce CSP, no-store and the fixed headers, and runs without a CSP violation`, async ({
      page: browser,
      request,
    }) => {
      const [first, second] = [await request.get(page), await request.get(page)]
      expect(first.status()).toBe(200)
      expectSecurityHeaders(first.headers())
      const nonce = /'nonce-([^']+)'/.exec(first.headers()["content-security-policy"] ?? "")?.[1]
      // A fresh nonce per response, on the scripts Next.js rendered.
      expect(second.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`)
      expect(await first.text()).toContain(`nonce="${nonce}"`)

      const violations: string[] = []
      browser.on("console", (message) => {
        if (/content security policy/i.test(message.text())) violations.push(message.text())
      })
      browser.on("pageerror", (error) => violations.push(error.message))
      await browser.goto(page)
      // Hydrated: React's scripts ran (they were allowed) and took over the page.
      await expect
        .poll(() => browser.evaluate(() => document.querySelectorAll("script[nonce]").length))
        .toBeGreaterThan(0)
      await browser.waitForLoadState("networkidle")
      expect(violations).toEqual([])
    })
  }

  test("a trailing-slash redirect carries the nonce CSP, no-store and the fixed headers", async ({
    request,
  }) => {
    const redirects: Array<[string, string]> = [
      ["/diagnose/", "/diagnose"],
      ["/guide/relay/?from=link", "/guide/relay?from=link"],
      ["/icon.svg/", "/icon.svg"],
      ["/nothing/", "/nothing"],
    ]
    for (const [from, to] of redirects) {
      const response = await request.get(from, { maxRedirects: 0, failOnStatusCode: false })
      expect(response.status(), from).toBe(308)
      const location = new URL(response.headers()["location"] ?? "", "http://127.0.0.1")
      expect(`${location.pathname}${location.search}`, from).toBe(to)
      expectSecurityHeaders(response.headers())
    }
  })

  test("Next.js's own redirect of repeated slashes carries the fixed headers", async ({
    request,
  }) => {
    for (const from of ["/diagnose//x", "/guide//relay"]) {
      const response = await request.get(from, { maxRedirects: 0, failOnStatusCode: false })
      expect(response.status(), from).toBe(308)
      expect(response.headers(), from).toMatchObject({
        "x-frame-options": "DENY",
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
      })
      expect(response.headers()["permissions-policy"], from).toContain("camera=()")
    }
  })

  test("the test-send action's answer is never cached, streams uncompressed and carries the CSP", async ({
    wizard,
    page,
    simulators,
  }) => {
    const answers: Array<Record<string, string>> = []
    page.on("response", (response) => {
      if (response.request().headers()["next-action"]) answers.push(response.headers())
    })
    await wizard.sendSmtpAuthTest({
      port: simulators.submission.port,
      user: "sender@contoso.com",
      password: "wrong-password-for-cache-check",
    })
    await expect(page.getByRole("alert")).toBeVisible()
    expect(answers.length).toBeGreaterThan(0)
    for (const headers of answers) {
      expect(headers["cache-control"]).toContain("no-store")
      expect(headers["content-encoding"]).toBeUndefined()
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'")
    }
  })
})

/** A second `next start` of the same build, with more configuration (an access password, say). */
function startServer(configuration: Record<string, string>) {
  return startAppServer({ ...configuration, SMTP365_PRACTICE: "off" })
}

interface RawResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/**
 * A request sent with the given Host header, as a browser sends it for a page whose name points at
 * this machine (a browser, and Playwright's client, set Host themselves).
 */
function requestAs(
  url: string,
  host: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: init.method ?? "GET", headers: { ...init.headers, Host: host }, timeout: 15_000 },
      (response) => {
        let body = ""
        response.setEncoding("utf8")
        response.on("data", (chunk: string) => (body += chunk))
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body })
        )
      }
    )
    request.on("timeout", () => request.destroy(new Error(`${url} as ${host}: no answer`)))
    request.on("error", reject)
    request.end(init.body)
  })
}

/** The refusal of a host name smtp365 does not serve: a 421 that says what to set. */
function expectMisdirected(response: RawResponse, what: string) {
  expect(response.status, what).toBe(421)
  expect(response.body).toContain("SMTP365_ACCESS_PASSWORD")
  expect(response.body).toContain("SMTP365_HOSTNAMES")
  expectSecurityHeaders(response.headers)
}

test.describe("Host names (DNS rebinding)", () => {
  test("without an access password, answers only to loopback names, and tells another name what to set", async ({
    baseURL,
  }) => {
    const { port } = new URL(baseURL ?? "")
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, "localhost"]) {
      const response = await requestAs(`${baseURL}/`, host)
      expect(response.status, host).toBe(200)
      expect(response.body).toContain("smtp365")
    }
    const rebound = `rebound.example:${port}`
    for (const route of ["/", "/diagnose", "/icon.svg", "/nothing"]) {
      expectMisdirected(await requestAs(`${baseURL}${route}`, rebound), route)
    }
    // A header a page can set changes nothing: only Host counts.
    expectMisdirected(
      await requestAs(`${baseURL}/`, rebound, {
        headers: { "X-Forwarded-Host": `127.0.0.1:${port}` },
      }),
      "X-Forwarded-Host"
    )
    // Nor can the page call an action: it is refused before Next.js sees it.
    const action = await requestAs(`${baseURL}/diagnose`, rebound, {
      method: "POST",
      headers: { "Next-Action": "7f".padEnd(42, "0"), "Content-Type": "text/plain;charset=UTF-8" },
      body: '[{"text":"550 5.7.708"}]',
    })
    expectMisdirected(action, "action")
    expect(action.body).toContain("rebound.example")
  })

  test("serves the names in SMTP365_HOSTNAMES besides the loopback names", async () => {
    const server = await startServer({ SMTP365_HOSTNAMES: "wizard.contoso.test, 10.0.0.7" })
    try {
      for (const host of [`wizard.contoso.test:${server.port}`, "10.0.0.7", "localhost"]) {
        expect((await requestAs(`${server.url}/`, host)).status, host).toBe(200)
      }
      expectMisdirected(await requestAs(`${server.url}/`, "rebound.example"), "rebound.example")
    } finally {
      await server.stop()
    }
  })

  test("with an access password, answers to any host name once the password is given", async () => {
    const password = "Tundra-Quill-Access-8"
    const server = await startServer({ SMTP365_ACCESS_PASSWORD: password })
    try {
      const rebound = `rebound.example:${server.port}`
      expect((await requestAs(`${server.url}/`, rebound)).status).toBe(401)
      const authorization = `Basic ${Buffer.from(`admin:${password}`).toString("base64")}`
      const page = await requestAs(`${server.url}/`, rebound, {
        headers: { Authorization: authorization },
      })
      expect(page.status).toBe(200)
    } finally {
      await server.stop()
    }
  })
})

test.describe("Access password", () => {
  const password = "Tundra-Quill-Access-8"

  test("asks every route for the password, and lets it in with the right one", async ({
    playwright,
  }) => {
    const server = await startServer({ SMTP365_ACCESS_PASSWORD: password })
    try {
      const anonymous = await playwright.request.newContext({ baseURL: server.url })
      for (const route of [
        "/",
        "/diagnose",
        "/sheet",
        "/entra-checklist",
        "/guide/relay",
        "/icon.svg",
        "/nothing",
      ]) {
        const response = await anonymous.get(route, { failOnStatusCode: false })
        expect(response.status(), route).toBe(401)
        expect(response.headers()["www-authenticate"]).toBe(
          'Basic realm="smtp365", charset="UTF-8"'
        )
        expect(await response.text()).not.toContain(password)
      }
      const action = await anonymous.post("/", {
        headers: { "Next-Action": "00", "Content-Type": "text/plain;charset=UTF-8" },
        data: "[]",
        failOnStatusCode: false,
      })
      expect(action.status()).toBe(401)
      await anonymous.dispose()

      const basic = (user: string, secret: string) =>
        `Basic ${Buffer.from(`${user}:${secret}`).toString("base64")}`
      const wrong = await playwright.request.newContext({
        baseURL: server.url,
        extraHTTPHeaders: { Authorization: basic("admin", `${password}!`) },
      })
      expect((await wrong.get("/", { failOnStatusCode: false })).status()).toBe(401)
      await wrong.dispose()

      const allowed = await playwright.request.newContext({
        baseURL: server.url,
        extraHTTPHeaders: { Authorization: basic("anyone", password) },
      })
      const page = await allowed.get("/")
      expect(page.status()).toBe(200)
      expect(await page.text()).toContain("smtp365")
      await allowed.dispose()
    } finally {
      await server.stop()
    }
  })
})
