import AxeBuilder from "@axe-core/playwright"
import type { Page } from "@playwright/test"

import { TEST_PASSWORD, expect, test } from "./fixtures"

/** Every axe rule (WCAG 2.x A and AA, and best practices); a violation fails with its rule and nodes. */
async function expectAccessible(page: Page, state: string) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  const found = violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`
  )
  expect(found, state).toEqual([])
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`Accessibility, ${colorScheme} theme`, () => {
    test.use({ colorScheme })
    // A test scans up to nine full pages with every axe rule: 30 s alone on a 2-core machine, over
    // a minute while the other worker runs. The limit is there to catch a hang.
    test.describe.configure({ timeout: 120_000 })

    test("every wizard step, a field error, a failed and a passed test, and the settings", async ({
      wizard,
      simulators,
      page,
    }) => {
      await wizard.goto()
      await expectAccessible(page, "Sending method")
      await wizard.next()
      await wizard.fillServer({ host: "" })
      await wizard.next()
      await expect(page.getByText("Enter the server name")).toBeVisible()
      await expectAccessible(page, "Server with a field error")
      await wizard.fillServer({ host: "localhost", port: simulators.submission.port })
      await wizard.next()
      await expectAccessible(page, "Account")
      await wizard.fillAccount("auth-disabled-mailbox@contoso.com", TEST_PASSWORD)
      await wizard.next()
      await expectAccessible(page, "Sender")
      await wizard.next()
      await expectAccessible(page, "Domain")
      await wizard.next()
      await expectAccessible(page, "Test")
      await wizard.sendTest("it-team@contoso.com")
      await expect(wizard.failure).toBeVisible()
      await expectAccessible(page, "A failed test with its diagnosis")

      await wizard.back()
      await wizard.back()
      await wizard.back()
      await wizard.fillAccount("sender@contoso.com", TEST_PASSWORD)
      await wizard.next()
      await page.getByLabel("From address").fill("sender@contoso.com")
      await wizard.next()
      await wizard.next()
      await page.getByRole("button", { name: "Send test email" }).click()
      await expect(wizard.success).toBeVisible()
      await expectAccessible(page, "A passed test")
      await wizard.next()
      await expect(page.getByRole("region", { name: "Mail servers" })).toBeVisible()
      await expectAccessible(page, "Settings")

      await wizard.chooseSettingsFile("Devices", "Printer or scanner (setup sheet)")
      const popup = page.waitForEvent("popup")
      await page.getByRole("link", { name: /printable setup sheet/ }).click()
      const sheet = await popup
      await expect(sheet.getByRole("heading", { level: 1 })).toBeVisible()
      await expectAccessible(sheet, "Printable setup sheet")
    })

    test("the paste page, before and after a diagnosis, a guide and the Entra checklist", async ({
      diagnose,
      page,
    }) => {
      await diagnose.goto()
      await expectAccessible(page, "Diagnose, empty")
      await diagnose.paste(
        "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox."
      )
      await diagnose.diagnose()
      await expect(diagnose.summary).toBeVisible()
      await expectAccessible(page, "Diagnose, with a result")

      await page.goto("/guide/basic-auth")
      await expectAccessible(page, "Guide")

      await page.goto("/entra-checklist?flow=oauth-app#step-permission")
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible()
      await expectAccessible(page, "Entra checklist")
    })
  })
}
