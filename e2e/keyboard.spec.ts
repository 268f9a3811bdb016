import type { Locator, Page } from "@playwright/test"

import { expect, test } from "./fixtures"

const MAX_TABS = 40

/**
 * Whether the focused element shows keyboard focus: it matches :focus-visible, and it or its
 * parent (a radio card draws the ring around its input) has an outline or a ring. Tailwind's
 * `ring-*` is a box-shadow with no offset or blur and some spread.
 */
function focusIsVisible(page: Page) {
  return page.evaluate(() => {
    const focused = document.activeElement
    if (!focused?.matches(":focus-visible")) return false
    return [focused, focused.parentElement].some((element) => {
      if (!element) return false
      const style = getComputedStyle(element)
      const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
      return outline || /\) 0px 0px 0px [1-9]/.test(style.boxShadow)
    })
  })
}

/** Presses Tab until `target` has focus (at most MAX_TABS times), then checks focus is visible. */
async function tabTo(page: Page, target: Locator) {
  // A missing control fails here, by name, rather than after a lap of the page.
  await expect(target).toBeVisible()
  for (let presses = 0; presses < MAX_TABS; presses++) {
    await page.keyboard.press("Tab")
    if (await target.evaluate((element) => element === document.activeElement)) {
      expect(await focusIsVisible(page), `${target} has no visible focus indicator`).toBe(true)
      return
    }
  }
  throw new Error(`${MAX_TABS} presses of Tab never reached ${target}`)
}

test.describe("Keyboard", () => {
  test("completes the wizard with the keyboard alone", async ({ wizard, page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"])
    const next = page.getByRole("button", { name: "Next", exact: true })
    await wizard.goto()

    // Sending method: one Tab stop for the group, arrow keys move the choice; SMTP AUTH is default.
    const smtpAuth = page.getByRole("radio", { name: /^SMTP AUTH/ })
    await tabTo(page, smtpAuth)
    await expect(smtpAuth).toBeChecked()
    await page.keyboard.press("ArrowDown")
    await expect(page.getByRole("radio", { name: /^Direct Send/ })).toBeChecked()
    await page.keyboard.press("ArrowUp")
    await expect(smtpAuth).toBeChecked()
    await tabTo(page, next)
    await page.keyboard.press("Enter")

    await expect(wizard.heading("Server")).toBeFocused()
    const practice = page.getByLabel(/Practice server/)
    await tabTo(page, practice)
    await page.keyboard.press("Space")
    await expect(practice).toBeChecked()
    await tabTo(page, next)
    await page.keyboard.press("Enter")

    await expect(wizard.heading("Account")).toBeFocused()
    // How it signs in: one Tab stop, arrow keys switch between Password and OAuth 2.0.
    const password = page.getByRole("radio", { name: /^Password/ })
    await tabTo(page, password)
    await expect(password).toBeChecked()
    await page.keyboard.press("ArrowDown")
    await expect(page.getByRole("radio", { name: /^OAuth 2\.0/ })).toBeChecked()
    await expect(page.getByRole("radio", { name: /^App-only/ })).toBeChecked()
    await page.keyboard.press("ArrowUp")
    await expect(password).toBeChecked()
    await tabTo(page, page.getByLabel("Username"))
    await page.keyboard.type("sender@contoso.com")
    await tabTo(page, page.getByLabel("Password", { exact: true }))
    await page.keyboard.type("practice")
    await tabTo(page, next)
    await page.keyboard.press("Enter")

    await expect(wizard.heading("Sender")).toBeFocused()
    await expect(page.getByLabel("From address")).toHaveValue("sender@contoso.com")
    await tabTo(page, next)
    await page.keyboard.press("Enter")

    await expect(wizard.heading("Domain")).toBeFocused()
    await tabTo(page, next)
    await page.keyboard.press("Enter")

    await expect(wizard.heading("Test")).toBeFocused()
    await tabTo(page, page.getByLabel("Send test email to"))
    await page.keyboard.type("it-team@contoso.com")
    const send = page.getByRole("button", { name: "Send test email" })
    await tabTo(page, send)
    await page.keyboard.press("Enter")
    await expect(wizard.success).toContainText("Test email sent")
    // The result appears without taking focus away from where the user was.
    await expect(send).toBeFocused()

    await tabTo(page, next)
    await page.keyboard.press("Enter")
    await expect(wizard.heading("Settings")).toBeVisible()
    await expect(wizard.heading("Settings")).toBeFocused()
    await tabTo(page, page.getByRole("button", { name: "Copy .env" }))
    await page.keyboard.press("Enter")
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toContain("SMTP_HOST=")
  })
})
