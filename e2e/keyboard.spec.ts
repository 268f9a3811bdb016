import type { Page } from "@playwright/test"

import { expect, test } from "./fixtures"

/** Presses Tab until the focused element is the one `name` describes (bounded, then fails). */
async function tabTo(page: Page, target: ReturnType<Page["getByRole"]>, name: string) {
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press("Tab")
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) {
      return
    }
  }
  throw new Error(`Tab never reached ${name}`)
}

test.describe("Keyboard", () => {
  test("completes the wizard with the keyboard alone", async ({ wizard, page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"])
    const next = page.getByRole("button", { name: "Next", exact: true })
    await wizard.goto()

    // Sending method: arrow keys move through the radio group; SMTP AUTH stays chosen.
    await tabTo(page, page.getByRole("radio", { name: /^SMTP AUTH/ }), "the SMTP AUTH option")
    await page.keyboard.press("ArrowDown")
    await expect(page.getByRole("radio", { name: /^Direct Send/ })).toBeChecked()
    await page.keyboard.press("ArrowUp")
    await expect(page.getByRole("radio", { name: /^SMTP AUTH/ })).toBeChecked()
    await tabTo(page, next, "Next")
    // A visible focus indicator on the focused button.
    expect(
      await next.evaluate((element) => {
        const style = getComputedStyle(element)
        return style.outlineStyle !== "none" || style.boxShadow !== "none"
      })
    ).toBe(true)
    await page.keyboard.press("Enter")

    await expect(wizard.heading("Server")).toBeFocused()
    await tabTo(page, page.getByLabel(/Practice server/), "Practice server")
    await page.keyboard.press("Space")
    await expect(page.getByLabel(/Practice server/)).toBeChecked()
    await tabTo(page, next, "Next")
    await page.keyboard.press("Enter")

    await expect(wizard.heading("Account")).toBeFocused()
    await tabTo(page, page.getByLabel("Username"), "Username")
    await page.keyboard.type("sender@contoso.com")
    await tabTo(page, page.getByLabel("Password", { exact: true }), "Password")
    await page.keyboard.type("practice")
    await tabTo(page, next, "Next")
    await page.keyboard.press("Enter")

    await expect(wizard.heading("Sender")).toBeFocused()
    await tabTo(page, next, "Next")
    await page.keyboard.press("Enter")

    await expect(wizard.heading("Test")).toBeFocused()
    await tabTo(page, page.getByLabel("Send test email to"), "Send test email to")
    await page.keyboard.type("it-team@contoso.com")
    await page.keyboard.press("Enter")
    await expect(wizard.success).toContainText("Test email sent")

    await tabTo(page, next, "Next")
    await page.keyboard.press("Enter")
    await expect(wizard.heading("Settings")).toBeFocused()
    await tabTo(page, page.getByRole("button", { name: "Copy .env" }), "Copy .env")
    await page.keyboard.press("Enter")
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toContain("SMTP_HOST=smtp.office365.com")
  })
})
