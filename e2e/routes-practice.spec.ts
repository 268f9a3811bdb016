import { expect, test } from "./fixtures"

// The practice simulators of High Volume Email and Azure Communication Services (lib/practice),
// reached through the wizard as an admin would, with the practice accounts' own credentials.
const ACS_APP = "3f2b8c41-0a6e-4d6b-9c1e-000000000021"
const ACS_APP_WITH_REPLACED_SECRET = "3f2b8c41-0a6e-4d6b-9c1e-000000000023"
const PRACTICE_TENANT = "7d5c3f0e-6a1b-4c2d-9e8f-0a1b2c3d4e5f"
const ACS_SECRET = "practice-secret~Q8"

test.describe("High Volume Email in practice mode", () => {
  test("sends to staff, and explains the refusal of a recipient outside the organisation", async ({
    wizard,
    page,
  }) => {
    await wizard.goto()
    await wizard.chooseMethod("High Volume Email")
    await wizard.next()
    await expect(page.getByLabel("Server", { exact: true })).toHaveValue("smtp.hve.mx.microsoft")
    await page.getByLabel(/Practice server/).check()
    await wizard.next()
    await wizard.fillAccount("hve-sender@contoso.com", "practice")
    await wizard.next()
    // The HVE account is the natural From address.
    await expect(page.getByLabel("From address")).toHaveValue("hve-sender@contoso.com")
    await wizard.next()
    await wizard.next()
    await wizard.sendTest("it-team@contoso.com")
    await expect(wizard.success).toContainText("Test email sent")

    await page.getByLabel("Send test email to").fill("partner@fabrikam.com")
    await page.getByRole("button", { name: "Send test email" }).click()
    await expect(wizard.failure).toContainText(
      "High Volume Email only delivers inside your organisation"
    )
    await expect(wizard.failure).toContainText("550 5.7.54")
  })
})

test.describe("Azure Communication Services in practice mode", () => {
  test("composes the username, sends with the app's secret, and explains a wrong secret", async ({
    wizard,
    page,
  }) => {
    await wizard.goto()
    await wizard.chooseMethod("Azure Communication Services")
    await wizard.next()
    await expect(page.getByLabel("Server", { exact: true })).toHaveValue("smtp.azurecomm.net")
    await page.getByLabel(/Practice server/).check()
    await wizard.next()
    await page.getByText("Compose the username from the resource and the app").click()
    await page.getByLabel("Communication Services resource name").fill("contoso-acs")
    await page.getByLabel("Application (client) ID").fill(ACS_APP)
    await page.getByLabel("Directory (tenant) ID").fill(PRACTICE_TENANT)
    await page.getByRole("button", { name: "Use as Username" }).click()
    const username = page.getByRole("textbox", { name: "Username" })
    await expect(username).toHaveValue(`contoso-acs|${ACS_APP}|${PRACTICE_TENANT}`)
    await expect(username).toBeFocused()
    await page.getByLabel("Password", { exact: true }).fill(ACS_SECRET)
    await wizard.next()
    // The username names an app, not a sender: the From address is not prefilled from it.
    await expect(page.getByLabel("From address")).toHaveValue("")
    await wizard.fillSender({ address: "donotreply@contoso.com" })
    await wizard.next()
    await wizard.next()
    await wizard.sendTest("someone@fabrikam.com")
    await expect(wizard.success).toContainText("Test email sent")

    await wizard.back()
    await wizard.back()
    await wizard.back()
    await username.fill(`contoso-acs|${ACS_APP_WITH_REPLACED_SECRET}|${PRACTICE_TENANT}`)
    await page.getByLabel("Password", { exact: true }).fill(ACS_SECRET)
    await wizard.next()
    await wizard.next()
    await wizard.next()
    await page.getByRole("button", { name: "Send test email" }).click()
    await expect(wizard.failure).toContainText(
      "Azure Communication Services refused the app's sign-in"
    )
    // The secret never comes back to the page, whatever the server answered.
    await expect(page.locator("body")).not.toContainText(ACS_SECRET)
  })
})
