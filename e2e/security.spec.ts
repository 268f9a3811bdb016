import { spawn, type ChildProcess } from "node:child_process"
import net from "node:net"
import path from "node:path"

import { expect, test } from "./fixtures"

// What every response promises the browser (proxy.ts and next.config.ts), checked on the built app.
const PAGES = ["/", "/diagnose", "/guide/basic-auth", "/guide/relay", "/sheet", "/entra-checklist"]

test.describe("Security headers", () => {
  for (const page of PAGES) {
    test(`${page} carries a nonce CSP, no-store and the fixed headers, and runs without a CSP violation`, async ({
      page: browser,
      request,
    }) => {
      const [first, second] = [await request.get(page), await request.get(page)]
      expect(first.status()).toBe(200)
      const csp = first.headers()["content-security-policy"] ?? ""
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
      expect(nonce).toBeTruthy()
      const scriptSrc = csp
        .split(";")
        .find((directive) => directive.trim().startsWith("script-src"))
      expect(scriptSrc).toContain("'strict-dynamic'")
      expect(scriptSrc).not.toContain("'unsafe-inline'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("object-src 'none'")
      // A fresh nonce per response, on the scripts Next.js rendered.
      expect(second.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`)
      expect(await first.text()).toContain(`nonce="${nonce}"`)
      expect(first.headers()["cache-control"]).toContain("no-store")
      expect(first.headers()).toMatchObject({
        "x-frame-options": "DENY",
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
      })
      expect(first.headers()["permissions-policy"]).toContain("camera=()")

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

  test("the test-send action's answer is never cached, and streams uncompressed", async ({
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
    }
  })
})

/** A second `next start` of the same build, with an access password set. */
async function startProtectedServer(password: string) {
  const port = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
  const root = path.join(__dirname, "..")
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(root, "node_modules/next/dist/bin/next"),
      "start",
      "-H",
      "127.0.0.1",
      "-p",
      String(port),
    ],
    {
      cwd: root,
      env: { ...process.env, SMTP365_ACCESS_PASSWORD: password, SMTP365_PRACTICE: "off" },
      stdio: ["ignore", "pipe", "pipe"],
    }
  )
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`next start exited with ${code}`)))
    child.stdout?.on("data", (chunk: Buffer) => {
      if (/Ready in/i.test(chunk.toString())) resolve()
    })
  })
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() }
}

test.describe("Access password", () => {
  const password = "Tundra-Quill-Access-8"

  test("asks every route for the password, and lets it in with the right one", async ({
    playwright,
  }) => {
    const server = await startProtectedServer(password)
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
      server.stop()
    }
  })
})
