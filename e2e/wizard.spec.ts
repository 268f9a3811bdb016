import { readFile } from "node:fs/promises"

import { startSimulator } from "../lib/practice/simulator"
import { testServerTls } from "../test-support/test-ca"
import { TEST_PASSWORD, expect, test } from "./fixtures"
import { SERVER_UNREACHABLE_MESSAGE } from "../lib/action-result"
import { refuseServerActions } from "./support/server-actions"
import { SERVER_LOG } from "./support/test-secrets"

test.describe("SMTP AUTH, end to end", () => {
  test("sends a real test email and shows every stage with a redacted transcript", async ({
    wizard,
    simulators,
    page,
  }) => {
    await wizard.goto()
    await expect(wizard.heading("Sending method")).toBeVisible()
    await expect(page.getByRole("radio", { name: /^SMTP AUTH/ })).toBeChecked()
    await wizard.next()

    await expect(wizard.heading("Server")).toBeFocused()
    await expect(page.getByLabel("Server", { exact: true })).toHaveValue("smtp.office365.com")
    await expect(page.getByLabel("Port")).toHaveValue("587")
    await expect(page.getByRole("radio", { name: /^STARTTLS/ })).toBeChecked()
    await wizard.fillServer({ host: "localhost", port: simulators.submission.port })
    await wizard.next()

    await wizard.fillAccount("sender@contoso.com", TEST_PASSWORD)
    // The password is an uncontrolled input: its value is never in the page's HTML.
    expect(await page.content()).not.toContain(TEST_PASSWORD)
    await wizard.next()

    await expect(page.getByLabel("From address")).toHaveValue("sender@contoso.com")
    await wizard.fillSender({ name: "Front desk scanner" })
    await wizard.next()
    await wizard.next()

    const before = simulators.submission.messages.length
    await wizard.sendTest("it-team@contoso.com")

    await expect(wizard.success).toContainText("Test email sent")
    await expect(page.getByRole("alert")).toHaveCount(0)
    for (const label of ["Connect", "TLS", "EHLO", "AUTH", "MAIL FROM", "RCPT TO", "DATA"]) {
      await expect(wizard.stage(label)).toContainText(/passed/i)
    }
    expect(simulators.submission.messages).toHaveLength(before + 1)
    expect(simulators.submission.messages.at(-1)?.raw).toContain(
      "From: Front desk scanner <sender@contoso.com>"
    )

    await page.getByText("Transcript").click()
    await expect(page.getByText("C: AUTH LOGIN", { exact: true })).toBeVisible()
    const html = await page.content()
    expect(html).not.toContain(TEST_PASSWORD)
    expect(html).not.toContain(Buffer.from(TEST_PASSWORD).toString("base64"))
  })

  test("explains 535 5.7.139 with the PowerShell fix for the user's own mailbox", async ({
    wizard,
    simulators,
    page,
    context,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"])
    await wizard.sendSmtpAuthTest({
      port: simulators.submission.port,
      user: "auth-disabled-tenant@contoso.com",
      password: TEST_PASSWORD,
    })

    await expect(wizard.failure).toContainText("SMTP AUTH is turned off for your whole tenant")
    await expect(wizard.failure).toContainText(
      "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant."
    )
    await expect(page.getByRole("status")).toHaveCount(0)
    await expect(
      page.getByText(
        "Set-CASMailbox -Identity 'auth-disabled-tenant@contoso.com' -SmtpClientAuthenticationDisabled $false"
      )
    ).toBeVisible()
    await expect(wizard.stage("AUTH")).toContainText(/failed/i)
    await expect(wizard.stage("MAIL FROM")).toContainText("Not reached")
    await expect(
      page.getByRole("link", { name: /MFA, Basic authentication and SMTP AUTH/ })
    ).toHaveAttribute("href", "/guide/basic-auth")

    // The report an admin hands to whoever owns the fix: everything but the password.
    await page.getByRole("button", { name: "Copy report" }).click()
    const report = await page.evaluate(() => navigator.clipboard.readText())
    expect(report).toContain("# smtp365 test report")
    expect(report).toContain("Set-CASMailbox -Identity 'auth-disabled-tenant@contoso.com'")
    expect(report).not.toContain(TEST_PASSWORD)
  })
})

test.describe("Direct Send", () => {
  test("guesses the MX host from the domain and explains a relay denial", async ({
    wizard,
    simulators,
    page,
  }) => {
    await wizard.goto()
    await wizard.chooseMethod("Direct Send")
    await wizard.next()
    await expect(page.getByLabel("Port")).toHaveValue("25")
    // Without a domain there is no guess: the empty Server asks for the MX endpoint.
    await wizard.next()
    const server = page.getByLabel("Server", { exact: true })
    await expect(server).toHaveAccessibleDescription(
      /Enter your domain's MX endpoint, for example contoso-com\.mail\.protection\.outlook\.com/
    )
    await expect(server).toBeFocused()
    await wizard.fillServer({ domain: "contoso.co.uk" })
    await expect(server).toHaveValue("contoso-co-uk.mail.protection.outlook.com")
    await wizard.fillServer({ host: "localhost", port: simulators.mx.port })
    // A server the user typed is never overwritten by the guess.
    await wizard.fillServer({ domain: "contoso.com" })
    await expect(server).toHaveValue("localhost")
    await wizard.next()

    // No account step: Direct Send does not sign in.
    await expect(wizard.heading("Sender")).toBeVisible()
    await wizard.fillSender({ address: "scanner@contoso.com" })
    await wizard.next()
    await wizard.next()
    await wizard.sendTest("someone@gmail.com")

    await expect(wizard.failure).toContainText("Relaying to that recipient is not allowed")
    await expect(wizard.failure).toContainText(
      "550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain"
    )
    await expect(wizard.stage("RCPT TO")).toContainText(/failed/i)
  })
})

test.describe("Validation and navigation", () => {
  test("refuses a bare user name at the field and keeps values across Back and Next", async ({
    wizard,
    page,
  }) => {
    // Tall enough that the page does not scroll: then nothing keeps Next in place when the error
    // appears as the mouse press leaves the field.
    await page.setViewportSize({ width: 1280, height: 1000 })
    await wizard.goto()
    await wizard.next()
    await wizard.fillServer({ port: "2525" })
    await wizard.next()
    // The user name last: its check runs when the press on Next leaves it.
    await page.getByLabel("Password", { exact: true }).fill("whatever")
    await page.getByLabel("Username").fill("scanner")
    await wizard.next()
    const username = page.getByLabel("Username")
    await expect(username).toHaveAttribute("aria-invalid", "true")
    await expect(username).toHaveAccessibleDescription(/full email address/)
    // The press on Next was not lost: it moved focus to the field to fix, so the error is read out.
    await expect(username).toBeFocused()
    await expect(wizard.heading("Account")).toBeVisible()

    await wizard.back()
    await expect(page.getByLabel("Port")).toHaveValue("2525")
    await wizard.next()
    await expect(username).toHaveValue("scanner")
  })

  test("refuses a From address whose domain DNS cannot hold, at the field", async ({
    wizard,
    page,
  }) => {
    await wizard.practiceUpToSender()
    // A label may not end with a hyphen: an email address check alone lets it through.
    await wizard.fillSender({ address: "sender@contoso-.com" })
    await wizard.next()
    const from = page.getByLabel("From address")
    await expect(from).toHaveAttribute("aria-invalid", "true")
    await expect(from).toHaveAccessibleDescription(/The domain after @ is not a valid domain name/)
    await expect(wizard.heading("Sender")).toBeVisible()
  })
})

test.describe("Settings", () => {
  test("shows the tested settings with copy buttons, never the password", async ({
    wizard,
    simulators,
    page,
    context,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"])
    await wizard.sendSmtpAuthTest({
      port: simulators.submission.port,
      user: "sender@contoso.com",
      password: TEST_PASSWORD,
    })
    await expect(wizard.success).toBeVisible()
    await wizard.next()

    await expect(wizard.heading("Settings")).toBeVisible()
    const table = page.getByRole("table")
    await expect(table).toContainText("localhost")
    await expect(table).toContainText(String(simulators.submission.port))
    await expect(table).toContainText("sender@contoso.com")

    await page.getByRole("button", { name: /Copy .env/ }).click()
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toContain("SMTP_HOST=localhost")
    expect(copied).toContain("SMTP_PASSWORD=\n")

    // Other software, as a file with its usual name.
    await page.getByLabel("Framework or language").selectOption({ label: "Python (smtplib)" })
    await expect(page.getByText("smtp.starttls(context=context)")).toBeVisible()
    const download = page.waitForEvent("download")
    await page.getByRole("button", { name: "Download send_mail.py" }).click()
    expect((await download).suggestedFilename()).toBe("send_mail.py")

    // Commands to rerun the test from the device's own network, certificate checks on.
    await expect(page.getByText(/--tls-verify/)).toBeVisible()
    expect(await page.content()).not.toContain(TEST_PASSWORD)
  })
})

test.describe("Practice mode", () => {
  test("practice server: a success and a diagnosis without a tenant", async ({ wizard, page }) => {
    await wizard.goto()
    await wizard.next()
    const practice = page.getByLabel(/Practice server/)
    await expect(practice).not.toBeChecked()
    await practice.check()
    await wizard.next()
    await wizard.fillAccount("sender@contoso.com", "practice")
    await wizard.next()
    await wizard.next()
    await wizard.next()
    await wizard.sendTest("it-team@contoso.com")
    await expect(wizard.success).toContainText("Test email sent")

    await wizard.back()
    await wizard.back()
    await wizard.back()
    await page.getByLabel("Username").fill("security-defaults@contoso.com")
    await wizard.next()
    await page.getByLabel("From address").fill("security-defaults@contoso.com")
    await wizard.next()
    await wizard.next()
    await page.getByRole("button", { name: "Send test email" }).click()
    await expect(wizard.failure).toContainText("Security defaults block SMTP AUTH")
  })
})

test.describe("Server not answering", () => {
  test("the Test step says smtp365's server did not answer, and sends once it does", async ({
    wizard,
    page,
  }) => {
    await wizard.practiceUpToSender()
    await wizard.next()
    await wizard.next()
    const answerAgain = await refuseServerActions(page)
    await wizard.sendTest("it-team@contoso.com")
    // The failure takes focus, so that it is read out.
    await expect(page.locator(":focus")).toHaveText(SERVER_UNREACHABLE_MESSAGE)

    await answerAgain()
    await page.getByRole("button", { name: "Send test email" }).click()
    await expect(wizard.success).toContainText("Test email sent")
    await expect(page.getByText("smtp365's server did not answer")).toHaveCount(0)
  })
})

test.describe("Guides", () => {
  test("explain MFA and Basic auth, and relay, each section with its sources", async ({ page }) => {
    await page.goto("/guide/basic-auth")
    await expect(
      page.getByRole("heading", { level: 1, name: "MFA, Basic authentication and SMTP AUTH" })
    ).toBeVisible()
    await expect(page.getByText("Set-CASMailbox -Identity '<mailbox>'")).toBeVisible()
    await page.goto("/guide/relay")
    await expect(
      page.getByRole("heading", { level: 2, name: /Port 25 from cloud hosts/ })
    ).toBeVisible()
    expect((await page.goto("/guide/nope"))?.status()).toBe(404)
  })
})

test.describe("Reload and Start over", () => {
  test("a reload keeps the non-secret values and the step, never the password; Start over clears all", async ({
    wizard,
    page,
  }) => {
    await wizard.goto()
    await wizard.next()
    await wizard.fillServer({ host: "localhost", port: 2525 })
    await wizard.next()
    await wizard.fillAccount("scanner@contoso.com", TEST_PASSWORD)
    await wizard.next()
    await wizard.fillSender({ name: "Front desk scanner" })
    // The address follows the form (debounced), then the page comes back as it was.
    await expect(page).toHaveURL(/name=Front\+desk\+scanner/)
    expect(page.url()).not.toContain(TEST_PASSWORD)
    await page.reload()
    await expect(page.locator("[data-hydrated]")).toBeAttached()

    await expect(wizard.heading("Sender")).toBeVisible()
    await expect(page.getByLabel("From address")).toHaveValue("scanner@contoso.com")
    await expect(page.getByLabel("From name")).toHaveValue("Front desk scanner")
    await wizard.back()
    await expect(page.getByLabel("Username")).toHaveValue("scanner@contoso.com")
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue("")
    await wizard.back()
    await expect(page.getByLabel("Server", { exact: true })).toHaveValue("localhost")
    await expect(page.getByLabel("Port")).toHaveValue("2525")

    await page.getByRole("button", { name: "Start over" }).click()
    await expect(wizard.heading("Sending method")).toBeVisible()
    // Nothing entered: the plain address, and after a reload no note about a shared link.
    await expect(page).toHaveURL(/\/$/)
    await page.reload()
    await expect(page.locator("[data-hydrated]")).toBeAttached()
    await expect(page.getByText("Settings from a shared link")).toBeHidden()
    await wizard.next()
    await expect(page.getByLabel("Server", { exact: true })).toHaveValue("smtp.office365.com")
    await expect(page.getByLabel("Port")).toHaveValue("587")
    await wizard.next()
    await expect(page.getByLabel("Username")).toHaveValue("")
  })
})

test.describe("Progress", () => {
  test("a slow test shows each stage as it happens, before the verdict", async ({
    wizard,
    page,
  }) => {
    // A server that accepts the connection and never greets: the verdict waits for the 8 s timeout.
    const silent = await startSimulator({ role: "submission", tls: testServerTls(), silent: true })
    try {
      await wizard.sendSmtpAuthTest({
        port: silent.port,
        user: "sender@contoso.com",
        password: TEST_PASSWORD,
      })

      const progress = page.getByRole("region", { name: "Testing…" })
      await expect(progress.locator("[data-stage=connect]")).toHaveAttribute(
        "data-status",
        "passed"
      )
      await expect(progress.locator("[data-stage=greeting]")).toHaveAttribute(
        "data-status",
        "running"
      )
      await expect(wizard.failure).toBeHidden()

      await expect(wizard.failure).toBeVisible({ timeout: 20_000 })
      await expect(progress).toBeHidden()
      await expect(wizard.stage("Greeting")).toHaveAttribute("data-status", "failed")
    } finally {
      await silent.close()
    }
  })

  test("a browser that leaves mid-test: the test still ends on the server, which logs no error", async ({
    wizard,
    page,
  }) => {
    const submission = await startSimulator({
      role: "submission",
      tls: testServerTls(),
      password: TEST_PASSWORD,
    })
    try {
      // The test send's response: its headers come with the first stages.
      const streaming = page.waitForResponse(
        (response) =>
          response.request().method() === "POST" &&
          (response.request().postData() ?? "").includes("it-team@contoso.com")
      )
      await wizard.sendSmtpAuthTest({
        port: submission.port,
        user: "sender@contoso.com",
        password: TEST_PASSWORD,
      })
      // The stages have begun to stream (the simulator greets 100 ms after the connection): leave.
      await streaming
      await page.close()

      // The message still arrives: the server's test runs to its end without the browser.
      await expect.poll(() => submission.messages.length).toBe(1)
      // The stages the browser no longer reads are no error of smtp365's.
      expect(await readFile(SERVER_LOG, "utf8")).not.toContain("failed unexpectedly")
    } finally {
      await submission.close()
    }
  })
})
