import { expect, test } from "@playwright/test"

import { SetupWizardPage } from "./pages/setup-wizard-page"
import { SERVER_UNREACHABLE_MESSAGE } from "../lib/action-result"
import { refuseServerActions } from "./support/server-actions"

/** The page against dnsmasq's test zones (test-support/dns-server.ts), started by global-setup. */
test.describe("Check a domain", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto("/domain")
    // Typing before hydration would be lost.
    await expect(page.locator("[data-hydrated]")).toBeAttached()
  })

  test("passes a correct domain and shows its MX endpoint", async ({ page }) => {
    await page.getByLabel("Domain", { exact: true }).fill("good.test")
    await page.getByLabel("Sending method").selectOption("direct-send")
    await page.getByLabel("Device public IP (optional)").fill("203.0.113.10")
    await page.getByRole("button", { name: "Check domain" }).click()

    await expect(page.getByRole("status")).toHaveText(
      "Checked good.test: 4 passed, 0 with warnings, 0 failed."
    )
    await expect(page.getByText("MX endpoint: good-test.mail.protection.outlook.com")).toBeVisible()
    await expect(page.getByRole("heading", { name: "SPF: Pass" })).toBeVisible()
    await expect(page.getByTestId("dns-check-spf")).toContainText(
      "The device's IP 203.0.113.10 is covered (ip4:203.0.113.10)."
    )
  })

  test("fails a domain without Microsoft's SPF include and offers the record to copy", async ({
    page,
  }) => {
    await page.getByLabel("Domain", { exact: true }).fill("someone@noinclude.test")
    await page.getByRole("button", { name: "Check domain" }).click()

    const spf = page.getByTestId("dns-check-spf")
    await expect(page.getByRole("heading", { name: "SPF: Fail" })).toBeVisible()
    await expect(spf.locator("pre")).toHaveText(
      "v=spf1 include:spf.otherhost.test include:spf.protection.outlook.com ~all"
    )
    await expect(spf.getByRole("button", { name: "Copy TXT noinclude.test" })).toBeVisible()
    await expect(
      page.getByRole("heading", { name: "MX (the tenant's MX endpoint): Warning" })
    ).toBeVisible()
  })

  test("checks what Azure Communication Services needs on a custom domain", async ({ page }) => {
    await page.getByLabel("Domain", { exact: true }).fill("acsunverified.test")
    await page.getByLabel("Sending method").selectOption("acs")
    // ACS sends from Azure: no device IP, no onmicrosoft.com domain to ask for.
    await expect(page.getByLabel("Device public IP (optional)")).toBeHidden()
    await page.getByRole("button", { name: "Check domain" }).click()

    await expect(
      page.getByRole("heading", { name: /^Domain verification \(TXT\): Fail/ })
    ).toBeVisible()
    await expect(page.getByRole("heading", { name: /^SPF: Pass/ })).toBeVisible()
    await expect(page.getByRole("status")).toContainText("1 for information")

    await page.getByLabel("Domain", { exact: true }).fill("acs.test")
    await page.getByRole("button", { name: "Check domain" }).click()
    await expect(page.getByRole("status")).toHaveText(
      "Checked acs.test: 4 passed, 0 with warnings, 0 failed, 1 for information."
    )
  })

  test("fills in the DKIM records with the initial domain", async ({ page }) => {
    await page.getByLabel("Domain", { exact: true }).fill("nodkim.test")
    await page
      .getByLabel("Initial onmicrosoft.com domain (optional)")
      .fill("contoso.onmicrosoft.com")
    await page.getByRole("button", { name: "Check domain" }).click()

    const dkim = page.getByTestId("dns-check-dkim")
    await expect(page.getByRole("heading", { name: "DKIM: Fail" })).toBeVisible()
    await expect(dkim.locator("pre").first()).toHaveText(
      "selector1-nodkim-test._domainkey.contoso.onmicrosoft.com"
    )
  })

  test("says when the domain does not exist, and asks for a valid one", async ({ page }) => {
    await page.getByRole("button", { name: "Check domain" }).click()
    const field = page.getByLabel("Domain", { exact: true })
    await expect(field).toHaveAttribute("aria-invalid", "true")
    await expect(field).toHaveAccessibleDescription(/Enter the domain of the From address/)

    await field.fill("missing.test")
    await page.getByRole("button", { name: "Check domain" }).click()
    await expect(page.getByTestId("dns-check-mx")).toContainText(
      "missing.test does not exist in DNS (NXDOMAIN)."
    )
  })

  test("says when smtp365's server does not answer, then checks once it does", async ({ page }) => {
    await page.getByLabel("Domain", { exact: true }).fill("missing.test")
    const answerAgain = await refuseServerActions(page)
    await page.getByRole("button", { name: "Check domain" }).click()
    // The failure takes focus, so that it is read out.
    await expect(page.locator(":focus")).toHaveText(SERVER_UNREACHABLE_MESSAGE)

    await answerAgain()
    await page.getByRole("button", { name: "Check domain" }).click()
    await expect(page.getByTestId("dns-check-mx")).toContainText(
      "missing.test does not exist in DNS (NXDOMAIN)."
    )
    await expect(page.getByText("smtp365's server did not answer")).toHaveCount(0)
  })

  test("is linked from the wizard", async ({ page }) => {
    await page.goto("/")
    await page.getByRole("link", { name: "Check a domain" }).click()
    await expect(page).toHaveURL("/domain")
    await expect(page.getByRole("heading", { level: 1, name: "Check a domain" })).toBeVisible()
  })
})

test.describe("Domain checks in the wizard", () => {
  test("Direct Send takes the Server from the domain's MX record; the Domain step checks the From domain", async ({
    page,
  }) => {
    const wizard = new SetupWizardPage(page)
    await wizard.goto()
    await wizard.chooseMethod("Direct Send")
    await wizard.next()
    await page.getByLabel("Domain", { exact: true }).fill("newmx.test")
    const server = page.getByLabel("Server", { exact: true })
    // The guess from the name first, then the real (newer, unguessable) MX endpoint from DNS.
    await expect(server).toHaveValue("newmx-test.mail.protection.outlook.com")
    await page.getByLabel("Domain", { exact: true }).blur()
    await expect(server).toHaveValue("newmx-test.o-v1.mx.microsoft")
    await expect(server).toHaveAccessibleDescription(/from newmx\.test's MX record in DNS/)

    await wizard.next()
    await wizard.fillSender({ address: "scanner@newmx.test" })
    await wizard.next()
    await expect(wizard.heading("Domain")).toBeVisible()
    await page.getByRole("button", { name: "Check domain" }).click()
    await expect(page.getByRole("status")).toContainText("Checked newmx.test:")
    await expect(page.getByText("MX endpoint: newmx-test.o-v1.mx.microsoft")).toBeVisible()
  })

  test("a host the user typed is never replaced by the MX record", async ({ page }) => {
    const wizard = new SetupWizardPage(page)
    await wizard.goto()
    await wizard.chooseMethod("SMTP relay")
    await wizard.next()
    const server = page.getByLabel("Server", { exact: true })
    await server.fill("relay.contoso.test")
    await page.getByLabel("Domain", { exact: true }).fill("good.test")
    await page.getByLabel("Domain", { exact: true }).blur()
    await expect(server).toHaveAccessibleDescription(
      /good\.test's MX record in DNS points to good-test\.mail\.protection\.outlook\.com/
    )
    await expect(server).toHaveValue("relay.contoso.test")
  })
})
