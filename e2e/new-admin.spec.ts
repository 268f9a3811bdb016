import type { Page } from "@playwright/test"

import { expect, test } from "./fixtures"

// What a new admin trips over (issue 25): practice mode's words, phones, and a reload before
// sending. Everything here runs against the built-in practice server, as a trainee would.

test.describe("Practice mode says what happened in practice terms", () => {
  test("a port the practice server does not answer on is the port, not the network", async ({
    wizard,
    page,
  }) => {
    await wizard.practiceUpToTest({ port: 465 })
    await wizard.sendTest("it-team@contoso.com")

    await expect(wizard.failure).toContainText("The practice server does not answer on port 465")
    const diagnosis = page.getByTestId("diagnosis")
    await expect(diagnosis).toContainText("built-in Microsoft 365 simulator")
    await expect(diagnosis).toContainText("Whoever configures the device or application")
    await expect(diagnosis).not.toContainText("firewall")
    // smtp.office365.com was never contacted: no loopback address is shown as its, anywhere in
    // the result (the transcript included, folded or not).
    const result = page.getByTestId("test-result")
    await expect(result).toContainText("Practice server, port 465")
    await expect(result).not.toContainText("127.0.0.1")
    await expect(result).not.toContainText("ECONNREFUSED 127")
  })

  test("the Domain step says its DNS check is real and not part of the practice", async ({
    wizard,
    page,
  }) => {
    await wizard.practiceUpToSender()
    await wizard.next()
    await expect(wizard.heading("Domain")).toBeVisible()
    const note = page.getByTestId("practice-dns-note")
    await expect(note).toContainText("Not part of the practice: this check asks real DNS")
    await page.getByRole("button", { name: "Check domain" }).click()
    await expect(page.getByRole("status")).toContainText("Checked contoso.com:")
    await expect(page.getByRole("status")).toContainText(
      "Real DNS, not the practice: these results do not change the practice test."
    )

    // Without the practice server, the check is simply the domain's.
    await wizard.back()
    await wizard.back()
    await wizard.back()
    await page.getByLabel(/Practice server/).uncheck()
    await wizard.next()
    await wizard.next()
    await wizard.next()
    await expect(wizard.heading("Domain")).toBeVisible()
    await expect(note).toHaveCount(0)
  })
})

test.describe("On a 375 px phone", () => {
  test.use({ viewport: { width: 375, height: 800 }, isMobile: true, colorScheme: "dark" })

  /** Nothing makes the page wider than the screen, and every code block wraps or shows it scrolls. */
  async function expectFits(page: Page, where: string) {
    const layout = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      blocks: [...document.querySelectorAll("figure[data-slot=code-block] pre")]
        .filter((pre) => (pre as HTMLElement).offsetParent)
        .map((pre) => ({
          scrolls: pre.scrollWidth > pre.clientWidth,
          shadow: getComputedStyle(pre).backgroundImage.includes("gradient"),
          focusable: (pre as HTMLElement).tabIndex === 0,
        })),
    }))
    expect(layout.page, `${where}: page width`).toBeLessThanOrEqual(375)
    for (const block of layout.blocks) {
      // A block that scrolls sideways shows it (a shadow at the edge) and takes focus to scroll.
      if (block.scrolls) expect(block, where).toMatchObject({ shadow: true, focusable: true })
    }
    return layout.blocks
  }

  test("every step fits the screen, and commands wrap instead of being cut off", async ({
    wizard,
    page,
  }) => {
    await wizard.goto()
    // Five methods, one card each.
    await expect(page.getByRole("radio")).toHaveCount(5)
    await wizard.answerRouteQuestions({ signIn: /Only with a username/, mails: /Only people/ })
    await expect(wizard.routeAdvice).toBeVisible()
    await expectFits(page, "method step, route finder open")

    await wizard.next()
    await page.getByLabel(/Practice server/).check()
    await expectFits(page, "server step")
    await wizard.next()
    await page.getByText(/Show the \d+ practice mailboxes/).click()
    await expectFits(page, "account step, practice mailboxes open")
    // The practice apps' IDs stay whole on a line: they differ only in their last digits.
    await page.getByRole("radio", { name: /^OAuth 2\.0/ }).check()
    await page.getByText(/Show the \d+ practice apps/).click()
    const appIds = page.getByText(/^3f2b8c41-0a6e-4d6b-9c1e-0000000000\d\d$/)
    await expect(appIds.first()).toBeVisible()
    const lines = await appIds.evaluateAll((ids) => ids.map((id) => id.getClientRects().length))
    expect(lines.length).toBeGreaterThan(1)
    expect(lines.every((count) => count === 1)).toBe(true)
    await expectFits(page, "account step, practice apps open")
    await page.getByRole("radio", { name: /^Password/ }).check()
    await wizard.fillAccount("auth-disabled-tenant@contoso.com", "practice")

    await wizard.next()
    await expectFits(page, "sender step")
    await wizard.next()
    await page.getByRole("button", { name: "Check domain" }).click()
    await expect(page.getByRole("status")).toContainText("Checked contoso.com:")
    await expectFits(page, "domain step, checked")

    await wizard.next()
    await expectFits(page, "test step")
    await wizard.sendTest("it-team@contoso.com")
    await expect(wizard.failure).toContainText("SMTP AUTH is turned off for your whole tenant")
    const blocks = await expectFits(page, "a failed test with its commands")
    expect(blocks.length).toBeGreaterThan(0)
    // The commands wrap: the whole command shows, and the block does not scroll.
    const command = page.getByText(
      "Set-CASMailbox -Identity 'auth-disabled-tenant@contoso.com' -SmtpClientAuthenticationDisabled $false"
    )
    await expect(command).toBeVisible()
    expect(await command.evaluate((code) => code.scrollWidth <= code.clientWidth)).toBe(true)

    await wizard.next()
    await expect(page.getByRole("region", { name: "Mail servers" })).toBeVisible()
    const files = await expectFits(page, "settings step")
    // Files keep their lines and scroll sideways, showing it.
    expect(files.some((block) => block.scrolls)).toBe(true)
  })
})

test.describe("A reload before sending", () => {
  test("asks for the password on the Test step itself, and sends from there", async ({
    wizard,
    page,
  }) => {
    await wizard.practiceUpToTest()
    await expect(page).toHaveURL(/step=test/)
    await page.reload()
    await expect(page.locator("[data-hydrated]")).toBeAttached()
    await expect(wizard.heading("Test")).toBeVisible()

    // The password is rightly gone: the step asks for it where the admin is.
    const password = page.getByLabel("Password", { exact: true })
    await expect(password).toHaveValue("")
    await wizard.sendTest("it-team@contoso.com")
    await expect(wizard.stepOnScreen).toHaveAttribute("data-step", "test")
    await expect(password).toBeFocused()
    await expect(password).toHaveAccessibleDescription(/Enter the password/)

    await password.fill("practice")
    await page.getByRole("button", { name: "Send test email" }).click()
    await expect(wizard.success).toContainText("Test email sent")
    await expect(wizard.stepOnScreen).toHaveAttribute("data-step", "test")
  })

  test("lets the admin skip to the settings, saying they are untested", async ({
    wizard,
    page,
  }) => {
    await wizard.practiceUpToTest()
    await page.getByRole("button", { name: "Skip to the settings, untested" }).click()
    await expect(wizard.heading("Settings")).toBeVisible()
    await expect(page.getByTestId("settings-untested")).toContainText("Untested settings")
  })
})
