import { mkdir, writeFile } from "node:fs/promises"
import path from "node:path"
import { test as base, expect, type Response } from "@playwright/test"

import { startSimulator, type RunningSimulator } from "../lib/practice/simulator"
import { testServerTls } from "../test-support/test-ca"
import { DiagnosePage } from "./pages/diagnose-page"
import { SetupWizardPage } from "./pages/setup-wizard-page"
import { RESPONSES_DIRECTORY, TEST_PASSWORD, TEST_TOKEN_KEY } from "./support/test-secrets"

export { TEST_PASSWORD }

/** The test identity server that e2e/global-setup.ts started on the port playwright.config.ts chose. */
export function identityUrl(): string {
  return `https://127.0.0.1:${process.env.SMTP365_TEST_IDENTITY_PORT}`
}

interface Simulators {
  /** Stands in for smtp.office365.com:587. */
  submission: RunningSimulator
  /** Stands in for contoso-com.mail.protection.outlook.com:25 (no connector). */
  mx: RunningSimulator
}

export const test = base.extend<
  { wizard: SetupWizardPage; diagnose: DiagnosePage },
  { simulators: Simulators }
>({
  // One pair of real SMTP servers per worker, on ephemeral loopback ports.
  simulators: [
    async ({}, use) => {
      const tls = testServerTls()
      const [submission, mx] = await Promise.all([
        // AUTH XOAUTH2 accepts the test identity server's tokens: they share the key.
        startSimulator({
          role: "submission",
          tls,
          password: TEST_PASSWORD,
          tokenKey: TEST_TOKEN_KEY,
        }),
        startSimulator({ role: "mx", tls }),
      ])
      await use({ submission, mx })
      await Promise.all([submission.close(), mx.close()])
    },
    { scope: "worker" },
  ],
  // Every response any page of the test receives from the app (HTML, RSC payloads, action results)
  // is written to RESPONSES_DIRECTORY, for the secret scan after the suite (support/secret-scan.ts).
  // Built assets are left out: the scan reads them from the build, rather than each test asking
  // the browser for every script it loaded.
  context: async ({ context, baseURL }, use, testInfo) => {
    const directory = path.join(RESPONSES_DIRECTORY, testInfo.testId)
    const writes: Promise<void>[] = []
    let count = 0
    const record = async (response: Response) => {
      if (!baseURL || !response.url().startsWith(baseURL)) return
      if (new URL(response.url()).pathname.startsWith("/_next/static/")) return
      const body = await response.body().catch(() => null)
      if (!body) return
      const name = `${String(count++).padStart(3, "0")}-${new URL(response.url()).pathname.replace(/[^a-z0-9]+/gi, "_").slice(0, 80)}`
      await mkdir(directory, { recursive: true })
      await writeFile(path.join(directory, name), body)
    }
    context.on("response", (response) => writes.push(record(response)))
    await use(context)
    await Promise.allSettled(writes)
  },
  wizard: async ({ page }, use) => {
    await use(new SetupWizardPage(page))
  },
  diagnose: async ({ page }, use) => {
    await use(new DiagnosePage(page))
  },
})

export { expect }
