import { readFileSync } from "node:fs"
import https from "node:https"
import path from "node:path"
import type { Page } from "@playwright/test"

import { PRACTICE_CLIENT_SECRET, PRACTICE_TENANT_ID } from "../lib/practice/identity-scenarios"
import { expect, identityUrl, test } from "./fixtures"
import type { SetupWizardPage } from "./pages/setup-wizard-page"
import { TEST_CLIENT_SECRET, WRONG_CLIENT_SECRET } from "./support/test-secrets"

// Apps of the test identity server (lib/practice/identity-scenarios.ts).
const SENDER_APP = "3f2b8c41-0a6e-4d6b-9c1e-000000000001"
const DEVICE_APP = "3f2b8c41-0a6e-4d6b-9c1e-000000000011"
const MAILBOX = "sender@contoso.com"

/** Server → Account with OAuth: the fields as the Entra admin center names them. */
async function fillOAuthAccount(
  wizard: SetupWizardPage,
  page: Page,
  port: number,
  account: { flow: "App-only" | "Device code"; clientId: string; secret?: string }
) {
  await wizard.goto()
  await wizard.next()
  await wizard.fillServer({ host: "localhost", port })
  await wizard.next()
  await page.getByRole("radio", { name: /^OAuth 2\.0/ }).check()
  await page.getByRole("radio", { name: new RegExp(`^${account.flow}`) }).check()
  await page.getByLabel("Directory (tenant) ID").fill(PRACTICE_TENANT_ID)
  await page.getByLabel("Application (client) ID").fill(account.clientId)
  if (account.secret !== undefined) await page.getByLabel("Client secret").fill(account.secret)
  await page.getByLabel("Username").fill(MAILBOX)
  await wizard.next()
  await expect(page.getByLabel("From address")).toHaveValue(MAILBOX)
  await wizard.next()
  await wizard.next()
}

/** Signs a device code in as the user would at the sign-in page, at the test identity server. */
function signInDeviceCode(userCode: string): Promise<number> {
  const ca = readFileSync(path.join(__dirname, "..", ".test-ca", "ca.pem"), "utf8")
  const body = new URLSearchParams({ user_code: userCode, user: MAILBOX }).toString()
  return new Promise((resolve, reject) => {
    const request = https.request(
      `${identityUrl()}/devicelogin`,
      {
        method: "POST",
        ca,
        timeout: 5_000,
        headers: { "content-type": "application/x-www-form-urlencoded" },
      },
      (response) => {
        response.resume()
        response.on("end", () => resolve(response.statusCode ?? 0))
      }
    )
    request.on("timeout", () => request.destroy(new Error("devicelogin timed out")))
    request.on("error", reject)
    request.end(body)
  })
}

test.describe("OAuth 2.0 (XOAUTH2), end to end", () => {
  test("app-only: gets a token, shows what it says and sends with AUTH XOAUTH2", async ({
    wizard,
    simulators,
    page,
  }) => {
    await fillOAuthAccount(wizard, page, simulators.submission.port, {
      flow: "App-only",
      clientId: SENDER_APP,
      secret: TEST_CLIENT_SECRET,
    })
    // The client secret is an uncontrolled input, like the password.
    expect(await page.content()).not.toContain(TEST_CLIENT_SECRET)
    const before = simulators.submission.messages.length
    await wizard.sendTest("it-team@contoso.com")

    await expect(wizard.success).toContainText("Test email sent")
    for (const label of ["Token", "AUTH", "DATA"]) {
      await expect(wizard.stage(label)).toContainText(/passed/i)
    }
    const token = page.getByTestId("token-summary")
    await expect(token).toContainText("https://outlook.office365.com")
    await expect(token).toContainText("SMTP.SendAsApp")
    await expect(token).toContainText(PRACTICE_TENANT_ID)
    await expect(token.locator("[data-warning]")).toHaveCount(0)
    expect(simulators.submission.messages).toHaveLength(before + 1)

    await page.getByText("Transcript").click()
    await expect(page.getByText("C: AUTH XOAUTH2 ‹redacted›", { exact: true })).toBeVisible()
    const html = await page.content()
    expect(html).not.toContain(TEST_CLIENT_SECRET)
    expect(html).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/)
  })

  test("app-only with a wrong client secret: AADSTS7000215 at the Token stage, with its fix", async ({
    wizard,
    simulators,
    page,
  }) => {
    await fillOAuthAccount(wizard, page, simulators.submission.port, {
      flow: "App-only",
      clientId: SENDER_APP,
      secret: WRONG_CLIENT_SECRET,
    })
    const connects = () =>
      simulators.submission.events.filter((event) => event.type === "connect").length
    const before = connects()
    await wizard.sendTest("it-team@contoso.com")

    await expect(wizard.failure).toContainText("The client secret is wrong")
    await expect(wizard.failure).toContainText("AADSTS7000215: Invalid client secret provided.")
    await expect(wizard.stage("Token")).toContainText(/failed/i)
    await expect(wizard.stage("AUTH")).toContainText("Not reached")
    await expect(page.getByTestId("diagnosis")).toContainText(
      "Paste the secret's Value, not its Secret ID."
    )
    // Refused before any SMTP: the simulator saw no connection.
    expect(connects()).toBe(before)
    expect(await page.content()).not.toContain(WRONG_CLIENT_SECRET)

    // The fix is in the Entra checklist: its step opens beside the wizard, filled in.
    const step = page
      .getByTestId("diagnosis")
      .getByRole("link", { name: /^Step 1: Register the app and create a client secret/ })
    await expect(step).toHaveAttribute("target", "_blank")
    const popup = page.waitForEvent("popup")
    await step.click()
    const checklist = await popup
    const url = new URL(checklist.url())
    expect(url.pathname).toBe("/entra-checklist")
    expect(url.hash).toBe("#step-register")
    expect(Object.fromEntries(url.searchParams)).toEqual({
      flow: "oauth-app",
      tenant: PRACTICE_TENANT_ID,
      clientId: SENDER_APP,
      mailbox: MAILBOX,
    })
    await expect(
      checklist.getByRole("heading", { name: "1. Register the app and create a client secret" })
    ).toBeInViewport()
    await expect(checklist.getByText(`New-ServicePrincipal -AppId '${SENDER_APP}'`)).toBeVisible()
    expect(await checklist.content()).not.toContain(WRONG_CLIENT_SECRET)
    await checklist.close()
  })

  test("device code: shows the code, waits for the sign-in, then sends as the user", async ({
    wizard,
    simulators,
    page,
  }) => {
    await fillOAuthAccount(wizard, page, simulators.submission.port, {
      flow: "Device code",
      clientId: DEVICE_APP,
    })
    await wizard.sendTest("it-team@contoso.com")

    const panel = page.getByTestId("device-code")
    await expect(panel.getByRole("heading", { name: "Sign in with this code" })).toBeFocused()
    await expect(panel.getByRole("link", { name: /\/devicelogin/ })).toHaveAttribute(
      "target",
      "_blank"
    )
    await expect(panel.getByRole("button", { name: "Copy code" })).toBeVisible()
    const userCode = (await page.getByTestId("device-user-code").textContent()) ?? ""
    expect(userCode).toMatch(/^[A-Z]{8,9}$/)
    await expect(wizard.success).toHaveCount(0)

    expect(await signInDeviceCode(userCode)).toBe(200)

    await expect(wizard.success).toContainText("Test email sent")
    await expect(wizard.stage("Token")).toContainText(/passed/i)
    const token = page.getByTestId("token-summary")
    await expect(token).toContainText("Delegated")
    await expect(token).toContainText("SMTP.Send")
    await expect(token).toContainText(MAILBOX)
    await expect(panel).toHaveCount(0)
  })
})

test.describe("OAuth 2.0 in practice mode", () => {
  /** Account with a practice app: "Use" fills in the IDs and turns practice mode on. */
  async function usePracticeApp(wizard: SetupWizardPage, page: Page, clientId: string) {
    await wizard.goto()
    await wizard.next()
    await wizard.next()
    await page.getByRole("radio", { name: /^OAuth 2\.0/ }).check()
    await page.getByText(/Show the \d+ practice apps/).click()
    await page.getByRole("button", { name: `Use app ${clientId}` }).click()
    await expect(page.getByLabel("Directory (tenant) ID")).toHaveValue(PRACTICE_TENANT_ID)
    await expect(page.getByLabel("Application (client) ID")).toHaveValue(clientId)
  }

  /** The practice app-only app with its secret, then a passed test. */
  async function passPracticeAppOnlyTest(wizard: SetupWizardPage, page: Page) {
    await usePracticeApp(wizard, page, SENDER_APP)
    await expect(page.getByLabel("Client secret")).toBeFocused()
    await page.getByLabel("Client secret").fill(PRACTICE_CLIENT_SECRET)
    await wizard.next()
    await wizard.next()
    await wizard.next()
    await wizard.sendTest("it-team@contoso.com")
    await expect(wizard.success).toContainText("Test email sent")
  }

  test("a practice app-only app sends through the practice identity server", async ({
    wizard,
    page,
  }) => {
    await passPracticeAppOnlyTest(wizard, page)
    await expect(wizard.stage("Token")).toContainText(/passed/i)
    await expect(page.getByTestId("token-summary")).toContainText("SMTP.SendAsApp")
  })

  test("after an app-only test, Settings opens on the OAuth variants and copies PHPMailer's and the emailproxy bridge's", async ({
    wizard,
    page,
    context,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"])
    await passPracticeAppOnlyTest(wizard, page)
    await wizard.next()
    await expect(wizard.heading("Settings")).toBeVisible()

    // Each group lists its OAuth 2.0 variants first: the tools open on curl, not swaks.
    const tools = page.getByRole("region", { name: "Test from the device", exact: true })
    await expect(tools.getByRole("combobox")).toHaveValue("curl")
    const mailServers = page.getByRole("region", { name: "Mail servers", exact: true })
    await expect(mailServers.getByRole("combobox")).toHaveValue("postfix-main-cf")

    const copied = async (group: string, option: string) => {
      const block = await wizard.chooseSettingsFile(group, option)
      await block.getByRole("button", { name: /^Copy/ }).click()
      await expect(block.getByRole("button", { name: /^Copied/ })).toBeVisible()
      return page.evaluate(() => navigator.clipboard.readText())
    }

    const phpmailer = await copied("Frameworks and languages", "PHP (PHPMailer)")
    expect(phpmailer).toMatch(/^<\?php\n\/\/ OAuth 2\.0: PHPMailer sends XOAUTH2 /)
    expect(phpmailer).toContain("$mail->AuthType = 'XOAUTH2';")
    expect(phpmailer).toContain("getAccessToken('client_credentials'")
    expect(phpmailer).toContain(`'clientId' => '${SENDER_APP}'`)

    const bridge = await copied(
      "Mail servers",
      "Email OAuth 2.0 Proxy (bridge for password-only programs)"
    )
    expect(bridge).toContain("[SMTP-1587]")
    expect(bridge).toContain("oauth2_flow = client_credentials")
    expect(bridge).toContain(`client_id = ${SENDER_APP}`)
    expect(bridge).toContain("use_login_password_as_client_credentials_secret = True")

    // The files never carry the client secret typed for the test. (The page itself names the
    // practice secret: the practice apps' listing shows it for the admin to type.)
    for (const text of [phpmailer, bridge]) {
      expect(text).not.toContain(PRACTICE_CLIENT_SECRET)
    }
    await expect(page.getByTestId("wizard-step")).not.toContainText(PRACTICE_CLIENT_SECRET)
  })

  test("a practice device code is signed in from the page", async ({ wizard, page }) => {
    await usePracticeApp(wizard, page, DEVICE_APP)
    await expect(page.getByRole("radio", { name: /^Device code/ })).toBeChecked()
    await wizard.next()
    await wizard.next()
    await wizard.next()
    await wizard.sendTest("it-team@contoso.com")

    await page.getByRole("button", { name: "Sign in as the practice user" }).click()
    await expect(wizard.success).toContainText("Test email sent")
    await expect(page.getByTestId("token-summary")).toContainText("Delegated")
  })
})
