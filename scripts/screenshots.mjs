// Takes the README's screenshots of a running smtp365 (practice mode must be on):
//   npm run build && npm start &   then   node scripts/screenshots.mjs [http://localhost:3000]
// Uses Debian's Chromium, like the tests. Writes public/screenshots/*.png.
import { mkdir } from "node:fs/promises"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { chromium } from "@playwright/test"

import { chromiumLaunchOptions } from "../test-support/chromium.mjs"

const baseURL = process.argv[2] ?? "http://localhost:3000"
const directory = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "public",
  "screenshots"
)
await mkdir(directory, { recursive: true })

const browser = await chromium.launch(chromiumLaunchOptions)
const page = await browser.newPage({ viewport: { width: 960, height: 900 } })
const file = (name) => path.join(directory, `${name}.png`)
const next = () => page.getByRole("button", { name: "Next", exact: true }).click()

async function open() {
  await page.goto(baseURL)
  await page.locator("[data-hydrated]").waitFor({ state: "attached" })
}

/** Runs a practice test as `user` and screenshots its result. */
async function practiceTest(user, name) {
  await open()
  await next()
  await page.getByLabel(/Practice server/).check()
  await next()
  await page.getByLabel("Username").fill(user)
  await page.getByLabel("Password", { exact: true }).fill("practice")
  await next()
  await page.getByLabel("From name").fill("Front desk scanner")
  await next()
  await page.getByRole("heading", { name: "Domain", level: 2 }).waitFor()
  await next()
  await sendAndShoot(name)
}

/** On the Test step: sends to it-team@contoso.com and screenshots the result. */
async function sendAndShoot(name) {
  await page.getByLabel("Send test email to").fill("it-team@contoso.com")
  await page.getByRole("button", { name: "Send test email" }).click()
  await page.getByTestId("test-result").waitFor()
  await page.getByTestId("test-result").screenshot({ path: file(name) })
}

await open()
await page.screenshot({ path: file("method"), fullPage: true })

await practiceTest("auth-disabled-tenant@contoso.com", "test-failure")
await practiceTest("sender@contoso.com", "test-success")

await next()
await page.getByRole("heading", { name: "Settings" }).waitFor()
await page.getByRole("region", { name: "Mail servers" }).waitFor()
await page.screenshot({ path: file("settings"), fullPage: true })

await page
  .getByRole("region", { name: "Devices" })
  .getByRole("combobox")
  .selectOption({ label: "Printer or scanner (setup sheet)" })
const [sheet] = await Promise.all([
  page.waitForEvent("popup"),
  page.getByRole("link", { name: /printable setup sheet/ }).click(),
])
await sheet.getByRole("heading", { level: 1 }).waitFor()
await sheet.screenshot({ path: file("printer-sheet"), fullPage: true })

// OAuth 2.0, app-only, with a practice app: the Account step, then the result with its token panel.
await open()
await next()
await page.getByLabel(/Practice server/).check()
await next()
await page.getByRole("radio", { name: /^OAuth 2\.0/ }).check()
await page.getByText(/Show the \d+ practice apps/).click()
await page
  .getByRole("button", { name: /^Use app/ })
  .first()
  .click()
// The practice app's secret, shown on the page (lib/practice/identity-scenarios.ts).
await page.getByLabel("Client secret", { exact: true }).fill("practice-secret~Q8")
await page.screenshot({ path: file("account-oauth"), fullPage: true })
await next()
await next()
await next()
await sendAndShoot("test-oauth")

// The route questions: a printer that only knows a password and mails staff.
await open()
await page.getByText("Not sure? Answer four questions about the sender").click()
await page.getByLabel("Only with a username and password").check()
await page.getByLabel("Only people in our organisation").check()
await page.getByTestId("route-finder").screenshot({ path: file("route-finder") })

// High Volume Email: the practice HVE account sends to staff.
await page.getByRole("button", { name: /^Use High Volume Email/ }).click()
await next()
await page.getByLabel(/Practice server/).check()
await next()
await page.getByRole("textbox", { name: "Username" }).fill("hve-sender@contoso.com")
await page.getByLabel("Password", { exact: true }).fill("practice")
await next()
await next()
await next()
await sendAndShoot("test-hve")

// Azure Communication Services: the Account step with the username composed from its parts.
await open()
await page.getByRole("radio", { name: /^Azure Communication Services/ }).check()
await next()
await page.getByLabel(/Practice server/).check()
await next()
await page.getByText("Compose the username from the resource and the app").click()
await page.getByLabel("Communication Services resource name").fill("contoso-acs")
await page.getByLabel("Application (client) ID").fill("3f2b8c41-0a6e-4d6b-9c1e-000000000021")
await page.getByLabel("Directory (tenant) ID").fill("7d5c3f0e-6a1b-4c2d-9e8f-0a1b2c3d4e5f")
await page.getByRole("button", { name: "Use as Username" }).click()
await page.screenshot({ path: file("account-acs"), fullPage: true })

// A phone in the dark: the first step.
const phone = await browser.newPage({ viewport: { width: 375, height: 800 }, colorScheme: "dark" })
await phone.goto(baseURL)
await phone.locator("[data-hydrated]").waitFor({ state: "attached" })
await phone.screenshot({ path: file("phone-dark"), fullPage: true })

await browser.close()
console.log(`screenshots written to ${path.relative(process.cwd(), directory)}`)
