import { describe, expect, test } from "vitest"

import { ENTERPRISE_OBJECT_ID, adminConsentUrl, entraChecklist } from "./entra-checklist"
import * as SOURCES from "./sources"

const TENANT = "7d5c3f0e-6a1b-4c2d-9e8f-0a1b2c3d4e5f"
const CLIENT = "3f2b8c41-0a6e-4d6b-9c1e-000000000001"
const code = (steps: ReturnType<typeof entraChecklist>) =>
  steps.flatMap((step) => step.commands?.map((command) => command.code) ?? []).join("\n")

describe("Entra checklist", () => {
  test("app-only: consent link, New-ServicePrincipal with the Enterprise object ID, mailbox, RBAC", () => {
    const steps = entraChecklist({
      flow: "oauth-app",
      tenant: TENANT,
      clientId: CLIENT,
      mailbox: "printer@contoso.com",
    })
    expect(steps.map((step) => step.id)).toEqual([
      "register",
      "permission",
      "service-principal",
      "mailbox",
      "rbac",
      "smtp-auth",
    ])
    const consent = new URL(steps[1]?.link?.url ?? "")
    expect(consent.origin + consent.pathname).toBe(
      `https://login.microsoftonline.com/${TENANT}/v2.0/adminconsent`
    )
    expect(consent.searchParams.get("client_id")).toBe(CLIENT)
    expect(consent.searchParams.get("scope")).toBe("https://outlook.office365.com/.default")
    const commands = code(steps)
    expect(commands).toContain(`Connect-ExchangeOnline -Organization ${TENANT}`)
    expect(commands).toContain(
      `New-ServicePrincipal -AppId ${CLIENT} -ObjectId ${ENTERPRISE_OBJECT_ID}`
    )
    expect(commands).toContain(
      `Add-MailboxPermission -Identity printer@contoso.com -User ${ENTERPRISE_OBJECT_ID} -AccessRights FullAccess`
    )
    expect(commands).toContain(`-Role 'Application SMTP.SendAsApp' -App ${CLIENT}`)
    expect(steps.find((step) => step.id === "rbac")?.source).toBe(SOURCES.smtpAppRbac)
  })

  test("device code: public client flows and the delegated SMTP.Send permission, no app-only steps", () => {
    const steps = entraChecklist({ flow: "oauth-device", tenant: "", clientId: "", mailbox: "" })
    expect(steps[0]?.text.join(" ")).toContain('"Allow public client flows": Yes')
    expect(steps.map((step) => step.id)).not.toContain("service-principal")
    expect(steps.some((step) => step.text.join(" ").includes("SMTP.Send"))).toBe(true)
  })

  test("empty fields become placeholders, and typed values cannot break out of the link", () => {
    const commands = code(
      entraChecklist({ flow: "oauth-app", tenant: "", clientId: "", mailbox: "" })
    )
    expect(commands).toContain("New-ServicePrincipal -AppId <Application (client) ID>")
    expect(commands).toContain("-Identity <mailbox address>")
    expect(adminConsentUrl("contoso.com/../x?y=1", "a&b=c")).toContain(
      "/contoso.com%2F..%2Fx%3Fy%3D1/v2.0/adminconsent?client_id=a%26b%3Dc&"
    )
  })
})
