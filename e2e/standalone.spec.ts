import packageJson from "../package.json"
import { DEFAULT_PRACTICE_PASSWORD } from "../lib/practice/accounts"
import { smtpAuthValues } from "../test-support/setup-values"
import { expect, test } from "./fixtures"
import { callAction } from "./support/action-client"
import { startAppServer, type AppServer } from "./support/app-server"

// The standalone server the build also makes (next.config.ts's `output: "standalone"`), run with
// plain `node` as a container image would, its static files copied next to it.

test.describe("The standalone server", () => {
  let server: AppServer

  test.beforeAll(async () => {
    server = await startAppServer({}, { standalone: true })
  })

  test.afterAll(async () => {
    await server?.stop()
  })

  test("serves the wizard and its static files, answers the health probe, and completes a practice test", async () => {
    const page = await fetch(`${server.url}/`)
    const html = await page.text()
    expect(page.status).toBe(200)
    expect(html).toContain("smtp365")
    const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1]
    expect(script).toBeDefined()
    expect((await fetch(`${server.url}${script}`)).status).toBe(200)

    const health = await fetch(`${server.url}/api/health`)
    expect(health.status).toBe(200)
    expect(await health.json()).toEqual({ status: "ok", version: packageJson.version })

    // The practice simulator's SMTP AUTH endpoint, through the test-send action.
    const values = smtpAuthValues(
      { host: "smtp.office365.com", port: 587 },
      { user: "sender@contoso.com", pass: DEFAULT_PRACTICE_PASSWORD },
      { practice: true }
    )
    const sent = await callAction(server.url, "sendTestEmail", values)
    expect(sent.result.ok).toBe(true)
    expect(sent.outcome).toMatchObject({ ok: true, target: { practice: true } })
    expect(sent.outcome?.stages.map((stage) => stage.status)).not.toContain("failed")
  })
})
