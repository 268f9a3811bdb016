import { readFile } from "node:fs/promises"

import { TEST_PASSWORD, expect, test } from "./fixtures"
import { SetupWizardPage } from "./pages/setup-wizard-page"

const mailbox = (port: number) => ({ port, user: "sender@contoso.com", password: TEST_PASSWORD })

test.describe("Settings files", () => {
  test("Copy puts exactly the shown text on the clipboard; Download saves it under the target's file name", async ({
    wizard,
    simulators,
    page,
    context,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"])
    await wizard.reachSettings(mailbox(simulators.submission.port))

    for (const [group, option, filename] of [
      // Browsers drop a hidden file's leading dot; the page says to put it back.
      ["Frameworks and languages", "Laravel (.env)", "env"],
      ["Applications", "WordPress (WP Mail SMTP)", "wp-config.php"],
      ["Mail servers", "Postfix (main.cf)", "main.cf"],
      ["Mail servers", "Postfix (sasl_passwd)", "sasl_passwd"],
      ["Devices", "Printer or scanner (setup sheet)", "printer-setup.txt"],
      ["Test from the device", "swaks", "swaks-test.sh"],
    ] as const) {
      const block = await wizard.chooseSettingsFile(group, option)
      const shown = await block.locator("code").textContent()
      expect(shown, option).toContain("localhost")
      expect(shown, option).not.toContain(TEST_PASSWORD)

      await block.getByRole("button", { name: /^Copy/ }).click()
      await expect(block.getByRole("button", { name: /^Copied/ })).toBeVisible()
      expect(await page.evaluate(() => navigator.clipboard.readText()), option).toBe(shown)

      const download = page.waitForEvent("download")
      await block.getByRole("button", { name: `Download ${filename}` }).click()
      const saved = await download
      expect(saved.suggestedFilename()).toBe(filename)
      expect(await readFile(await saved.path(), "utf8"), option).toBe(shown)
    }
    await wizard.chooseSettingsFile("Frameworks and languages", "Laravel (.env)")
    await expect(page.getByText("rename the downloaded env to .env")).toBeVisible()
  })

  test("the generators load with the Settings step, not with the wizard", async ({
    wizard,
    simulators,
    page,
  }) => {
    // A string only the Postfix generator holds: it must not be in the first load's JavaScript.
    const MARKER = "smtp_sasl_password_maps"
    const scripts: string[] = []
    page.on("response", async (response) => {
      if (response.request().resourceType() === "script") scripts.push(await response.text())
    })
    await wizard.goto()
    await page.waitForLoadState("networkidle")
    expect(scripts.length).toBeGreaterThan(0)
    expect(scripts.some((script) => script.includes(MARKER))).toBe(false)

    await wizard.reachSettings(mailbox(simulators.submission.port))
    await expect(page.getByLabel("Mail server", { exact: true })).toBeVisible()
    expect(scripts.some((script) => script.includes(MARKER))).toBe(true)
  })
})

test.describe("Sharing", () => {
  test("a share link reopens the wizard with the same settings and no password", async ({
    wizard,
    simulators,
    page,
    context,
  }) => {
    await wizard.goto()
    await wizard.next()
    await wizard.fillServer({ host: "localhost", port: simulators.submission.port })
    await wizard.next()
    await wizard.fillAccount("sender@contoso.com", TEST_PASSWORD)
    await wizard.next()
    await wizard.fillSender({ name: 'Scan "Floor 2" & 100%' })
    await wizard.next()
    await wizard.next()
    await wizard.sendTest("it-team@contoso.com")
    await expect(wizard.success).toBeVisible()
    await wizard.next()

    const link = await page.getByLabel("Link to these settings").inputValue()
    expect(link).not.toContain(TEST_PASSWORD)

    const colleague = new SetupWizardPage(await context.newPage())
    await colleague.page.goto(link)
    await expect(colleague.page.locator("[data-hydrated]")).toBeAttached()
    await expect(colleague.page.getByText("Settings from a shared link")).toBeVisible()
    await expect(colleague.page.getByRole("radio", { name: /^SMTP AUTH/ })).toBeChecked()
    await colleague.next()
    await expect(colleague.page.getByLabel("Server", { exact: true })).toHaveValue("localhost")
    await expect(colleague.page.getByLabel("Port")).toHaveValue(String(simulators.submission.port))
    await colleague.next()
    await expect(colleague.page.getByLabel("Username")).toHaveValue("sender@contoso.com")
    await expect(colleague.page.getByLabel("Password", { exact: true })).toHaveValue("")
    await colleague.page.getByLabel("Password", { exact: true }).fill(TEST_PASSWORD)
    await colleague.next()
    await expect(colleague.page.getByLabel("From name")).toHaveValue('Scan "Floor 2" & 100%')
    await colleague.next()
    await colleague.next()
    await expect(colleague.page.getByLabel("Send test email to")).toHaveValue("it-team@contoso.com")
    await colleague.page.getByRole("button", { name: "Send test email" }).click()
    await expect(colleague.success).toBeVisible()
  })

  test("the printable setup sheet shows the device settings and prints without the page's controls", async ({
    wizard,
    simulators,
    page,
  }) => {
    await wizard.reachSettings(mailbox(simulators.submission.port))
    await page
      .getByLabel("Device", { exact: true })
      .selectOption({ label: "Printer or scanner (setup sheet)" })
    const popup = page.waitForEvent("popup")
    await page.getByRole("link", { name: /Open the printable setup sheet/ }).click()
    const sheet = await popup
    await expect(sheet.getByRole("heading", { level: 1 })).toHaveText(
      "Scan to email through Microsoft 365"
    )
    const row = (name: string) =>
      sheet.getByRole("row").filter({ has: sheet.getByRole("rowheader", { name }) })
    await expect(row("SMTP server")).toContainText("localhost")
    await expect(row("SMTP port")).toContainText(String(simulators.submission.port))
    await expect(row("Secure connection")).toContainText("STARTTLS")
    await expect(row("User name")).toContainText("sender@contoso.com")
    await expect(sheet.getByRole("button", { name: "Print this sheet" })).toBeVisible()
    expect(await sheet.content()).not.toContain(TEST_PASSWORD)

    await sheet.emulateMedia({ media: "print" })
    await expect(sheet.getByRole("button", { name: "Print this sheet" })).toBeHidden()
    const pdf = await sheet.pdf({ format: "A4" })
    // One page: a PDF has one "/Type /Page" object per page.
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page\b/g)).toHaveLength(1)
  })
})
