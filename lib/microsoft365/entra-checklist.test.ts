import { describe, expect, test } from "vitest"

import { CATALOG } from "@/lib/diagnosis/catalog"
import {
  ENTERPRISE_OBJECT_ID,
  adminConsentUrl,
  entraChecklist,
  entraChecklistUrl,
  entraStepsFor,
} from "./entra-checklist"
import { checklistFromQuery } from "@/lib/entra-checklist-query"
import { parameterValues, readPowerShell } from "@/test-support/powershell-reader"
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
    expect(commands).toContain(`Connect-ExchangeOnline -Organization '${TENANT}'`)
    expect(commands).toContain(
      `New-ServicePrincipal -AppId '${CLIENT}' -ObjectId '${ENTERPRISE_OBJECT_ID}'`
    )
    expect(commands).toContain(
      `Add-MailboxPermission -Identity 'printer@contoso.com' -User '${ENTERPRISE_OBJECT_ID}' -AccessRights FullAccess`
    )
    expect(commands).toContain(`-Role 'Application SMTP.SendAsApp' -App '${CLIENT}'`)
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
    // Quoted like the values they stand for: right once the text inside the quotes is replaced.
    expect(commands).toContain("New-ServicePrincipal -AppId '<Application (client) ID>'")
    expect(commands).toContain("-Identity '<mailbox address>'")
    expect(() => readPowerShell(commands)).not.toThrow()
    expect(adminConsentUrl("contoso.com/../x?y=1", "a&b=c")).toContain(
      "/contoso.com%2F..%2Fx%3Fy%3D1/v2.0/adminconsent?client_id=a%26b%3Dc&"
    )
  })

  test("quotes every value in the commands: a mailbox o'brien@contoso.com reads back as typed", () => {
    // The checklist's own page takes the address as the wizard does.
    const input = checklistFromQuery({
      flow: "oauth-app",
      tenant: TENANT,
      clientId: CLIENT,
      mailbox: "o'brien@contoso.com",
    })
    expect(input.mailbox).toBe("o'brien@contoso.com")
    for (const flow of ["oauth-app", "oauth-device"] as const) {
      const commands = code(entraChecklist({ ...input, flow }))
      expect(commands).toContain("-Identity 'o''brien@contoso.com'")
      const identities = parameterValues(commands, "-Identity")
      expect(identities.length).toBeGreaterThan(0)
      for (const value of identities) {
        expect(value).toEqual({ kind: "single-quoted", value: "o'brien@contoso.com" })
      }
      for (const value of parameterValues(commands, "-Organization")) {
        expect(value).toEqual({ kind: "single-quoted", value: TENANT })
      }
    }
    const commands = code(entraChecklist(input))
    for (const parameter of ["-AppId", "-App"]) {
      expect(parameterValues(commands, parameter)).toEqual([
        { kind: "single-quoted", value: CLIENT },
      ])
    }
  })
})

describe("Entra checklist links", () => {
  const input = {
    flow: "oauth-app" as const,
    tenant: TENANT,
    clientId: CLIENT,
    mailbox: "printer@contoso.com",
  }

  test("every diagnosis a step names is in the catalog", () => {
    const known = new Set(CATALOG.map((entry) => entry.id))
    for (const flow of ["oauth-app", "oauth-device"] as const) {
      for (const step of entraChecklist({ ...input, flow })) {
        for (const id of step.diagnoses) expect(known, `${flow} ${step.id}`).toContain(id)
      }
    }
  })

  test("the page's address carries the flow and the values typed, and the step to show", () => {
    const url = new URL(entraChecklistUrl(input, "mailbox"), "https://smtp365.example")
    expect(url.pathname).toBe("/entra-checklist")
    expect(Object.fromEntries(url.searchParams)).toEqual({
      flow: "oauth-app",
      tenant: TENANT,
      clientId: CLIENT,
      mailbox: "printer@contoso.com",
    })
    expect(url.hash).toBe("#step-mailbox")
    // Empty values stay out: the page shows its placeholders.
    expect(entraChecklistUrl({ ...input, tenant: " ", clientId: "", mailbox: "" })).toBe(
      "/entra-checklist?flow=oauth-app"
    )
  })

  test("a refused app token links to the three steps that can fix it, numbered as shown", () => {
    expect(entraStepsFor("xoauth2-app-rejected", input).map((step) => step.title)).toEqual([
      "Step 3: Register the app in Exchange Online (New-ServicePrincipal)",
      "Step 4: Give the app the mailbox (Add-MailboxPermission)",
      "Step 5: Or: RBAC for Applications instead of SMTP.SendAsApp and FullAccess",
    ])
    const device = { ...input, flow: "oauth-device" as const }
    expect(entraStepsFor("smtp-auth-disabled-mailbox", device)).toEqual([
      {
        title: "Step 4: Keep SMTP AUTH on for the mailbox",
        url: entraChecklistUrl(device, "smtp-auth"),
      },
    ])
    expect(entraStepsFor("relay-denied", input)).toEqual([])
  })

  test("the page reads only values the wizard's own fields take: a crafted link shows placeholders", () => {
    expect(
      checklistFromQuery({
        flow: "oauth-device",
        tenant: TENANT,
        clientId: CLIENT,
        mailbox: "a@contoso.com",
      })
    ).toEqual({ flow: "oauth-device", tenant: TENANT, clientId: CLIENT, mailbox: "a@contoso.com" })
    const crafted = checklistFromQuery({
      flow: "something",
      tenant: "contoso.com; Remove-Mailbox ceo@contoso.com",
      clientId: ["not-a-guid", CLIENT],
      mailbox: "a@contoso.com\nRemove-Mailbox ceo@contoso.com",
    })
    expect(crafted).toEqual({ flow: "oauth-app", tenant: "", clientId: "", mailbox: "" })
    expect(code(entraChecklist(crafted))).not.toContain("Remove-Mailbox")
    // A repeated key counts once, its first value.
    expect(checklistFromQuery({ clientId: [CLIENT, "x"] }).clientId).toBe(CLIENT)
  })
})
