import { test as base, expect } from "@playwright/test"

import { startSimulator, type RunningSimulator } from "../lib/practice/simulator"
import { DiagnosePage } from "./pages/diagnose-page"
import { SetupWizardPage } from "./pages/setup-wizard-page"
import { testServerTls } from "./support/test-ca"

/** The password the test simulators accept; no page, transcript or log may ever show it. */
export const TEST_PASSWORD = "Gr4phite-Lantern-e2e!"

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
        startSimulator({ role: "submission", tls, password: TEST_PASSWORD }),
        startSimulator({ role: "mx", tls }),
      ])
      await use({ submission, mx })
      await Promise.all([submission.close(), mx.close()])
    },
    { scope: "worker" },
  ],
  wizard: async ({ page }, use) => {
    await use(new SetupWizardPage(page))
  },
  diagnose: async ({ page }, use) => {
    await use(new DiagnosePage(page))
  },
})

export { expect }
