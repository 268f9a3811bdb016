import { afterAll, describe, expect, test } from "vitest"

import { signInValues } from "@/test-support/setup-values"
import { runDiagnosedTest } from "@/lib/actions/test-send"
import type { SendingMethod } from "@/lib/schemas/setup-fields"
import { PRACTICE_ACS_MAIL_FROM } from "./acs-accounts"
import { practiceListing } from "./listing"
import { practiceTarget, stopPracticeServers } from "./practice-server"

afterAll(() => stopPracticeServers())

const { routes } = practiceListing()

describe("the practice listing", () => {
  test("lists the accounts of each method that signs in, and no other", () => {
    expect(Object.keys(routes).sort()).toEqual(["acs", "hve", "smtp-auth"])
    expect(routes.hve?.accounts.map((account) => account.username)).toContain(routes.hve?.sender)
    expect(routes.acs?.accounts.map((account) => account.username)).toContain(routes.acs?.sender)
  })

  test("lists HVE's practice apps with HVE, and SMTP AUTH's with SMTP AUTH", () => {
    const hveApps = routes.hve?.apps ?? []
    expect(hveApps.map((app) => app.clientId)).toEqual([
      "3f2b8c41-0a6e-4d6b-9c1e-000000000009",
      "3f2b8c41-0a6e-4d6b-9c1e-000000000010",
    ])
    expect(hveApps.every((app) => app.flow === "oauth-app")).toBe(true)
    expect(hveApps.every((app) => app.mailbox === "hve-sender@contoso.com")).toBe(true)
    const smtpAuthApps = (routes["smtp-auth"]?.apps ?? []).map((app) => app.clientId)
    expect(smtpAuthApps).not.toContain(hveApps[0]?.clientId)
    expect(routes.acs?.apps).toEqual([])
  })

  test("the ACS usernames are the three-part form, and an SMTP Username", () => {
    expect(routes.acs?.accounts.map((account) => account.username)).toEqual([
      "contoso-acs|3f2b8c41-0a6e-4d6b-9c1e-000000000021|7d5c3f0e-6a1b-4c2d-9e8f-0a1b2c3d4e5f",
      "contoso-acs|3f2b8c41-0a6e-4d6b-9c1e-000000000022|7d5c3f0e-6a1b-4c2d-9e8f-0a1b2c3d4e5f",
      "contoso-acs|3f2b8c41-0a6e-4d6b-9c1e-000000000023|7d5c3f0e-6a1b-4c2d-9e8f-0a1b2c3d4e5f",
      "contoso-scanner",
    ])
  })
})

// Each listed account, with the listed secret, on the simulator PRACTICE_ENDPOINTS picks for its
// method: the sender sends, and every other one gets a diagnosis of its own, never the generic one.
const ROWS = (Object.entries(routes) as [SendingMethod, NonNullable<(typeof routes)["hve"]>][])
  .filter(([method]) => method !== "smtp-auth")
  .flatMap(([method, route]) =>
    route.accounts.map((account) => [method, account.username, route] as const)
  )

describe("every listed HVE and ACS account is one its simulator knows", () => {
  test.concurrent.for(ROWS)("%s: %s", async ([method, username, route], { expect }) => {
    const from = method === "acs" ? PRACTICE_ACS_MAIL_FROM : username
    const values = signInValues(
      method,
      { host: "smtp.example.invalid", port: 587 },
      { user: username, pass: route.secret.value },
      from,
      { practice: true }
    )
    const outcome = await runDiagnosedTest(values, { allowedHosts: [], practiceTarget })
    if (username === route.sender) expect(outcome.ok).toBe(true)
    if (!outcome.ok) {
      expect(outcome.diagnosis?.generic).toBeUndefined()
      expect(outcome.diagnosis?.id).not.toBe("credentials-incorrect")
    }
  })
})
