import { describe, expect, test } from "vitest"

import { smtpAuthValues } from "@/test-support/setup-values"
import { acsUsernamePartProblems, acsUsernameProblem, composeAcsUsername } from "./acs-username"
import { setupSchema, toFieldErrors, type SetupValues } from "./setup"
import { signInOf } from "./sign-in"

const APP_ID = "3f2b8c41-0a6e-4d6b-9c1e-000000000001"
const TENANT_ID = "7d5c3f0e-6a1b-4c2d-9e8f-0a1b2c3d4e5f"
const ACS_USER = `contoso-acs|${APP_ID}|${TENANT_ID}`

function values(
  method: SetupValues["method"]["method"],
  account: Partial<SetupValues["account"]>
): SetupValues {
  const base = smtpAuthValues({ port: 587 }, { user: "", pass: "" })
  return {
    ...base,
    method: { method },
    account: { ...base.account, ...account },
    sender: { fromAddress: "donotreply@contoso.com", fromName: "" },
  }
}

const errors = (input: unknown) => {
  const parsed = setupSchema.safeParse(input)
  return parsed.success ? {} : toFieldErrors(parsed.error)
}

describe("High Volume Email", () => {
  test("signs in with the HVE account's password, or OAuth app-only; never the device code", () => {
    expect(signInOf(values("hve", {}))).toBe("password")
    expect(signInOf(values("hve", { authType: "oauth-app" }))).toBe("oauth-app")
    expect(signInOf(values("hve", { authType: "oauth-device" }))).toBe("password")
  })

  test("asks for the HVE account's address and password", () => {
    expect(errors(values("hve", {}))).toEqual({
      "account.user": "Enter the HVE account's full email address",
      "account.pass": "Enter the HVE account's password",
    })
    expect(errors(values("hve", { user: "hve-scanner", pass: "x" }))).toEqual({
      "account.user":
        "Enter the full email address (name@domain): Microsoft 365 signs in with the whole address, not the part before @",
    })
    expect(errors(values("hve", { user: "hve-scanner@contoso.com", pass: "x" }))).toEqual({})
  })
})

describe("Azure Communication Services", () => {
  test("signs in with the Entra app's secret as the password, whatever the Account step held", () => {
    expect(signInOf(values("acs", {}))).toBe("app-secret")
    expect(signInOf(values("acs", { authType: "oauth-app" }))).toBe("app-secret")
  })

  test("takes the three-part username or an SMTP Username, and the client secret", () => {
    expect(errors(values("acs", { user: ACS_USER, pass: "secret" }))).toEqual({})
    expect(errors(values("acs", { user: "smtp-sender-1", pass: "secret" }))).toEqual({})
    expect(errors(values("acs", { user: "sender@contoso.com", pass: "secret" }))).toEqual({})
    expect(errors(values("acs", {}))).toEqual({
      "account.user":
        "Enter the username: <resource name>|<Application (client) ID>|<Directory (tenant) ID>, or an SMTP Username",
      "account.pass": "Enter the Entra app's client secret (its Value, not its Secret ID)",
    })
  })

  test("says which part of a three-part username is wrong", () => {
    expect(errors(values("acs", { user: `contoso-acs|${APP_ID}`, pass: "s" }))).toEqual({
      "account.user":
        "A username with | has three parts: <resource name>|<Application (client) ID>|<Directory (tenant) ID>",
    })
    expect(acsUsernameProblem(`|${APP_ID}|${TENANT_ID}`)).toMatch(/^Start with the name/)
    expect(acsUsernameProblem(`contoso-acs|not-a-guid|${TENANT_ID}`)).toMatch(
      /^After the first \| comes the app's Application \(client\) ID/
    )
    expect(acsUsernameProblem(`contoso-acs|${APP_ID}|contoso.com`)).toMatch(
      /^After the second \| comes the Directory \(tenant\) ID/
    )
  })

  test("composes the username from its parts, trimmed", () => {
    expect(
      composeAcsUsername({ resource: " contoso-acs ", clientId: APP_ID, tenant: TENANT_ID })
    ).toBe(ACS_USER)
  })

  test("checks each part the helper composes from", () => {
    expect(
      acsUsernamePartProblems({ resource: "contoso-acs", clientId: APP_ID, tenant: TENANT_ID })
    ).toEqual({
      resource: null,
      clientId: null,
      tenant: null,
    })
    const problems = acsUsernamePartProblems({ resource: "a|b", clientId: "x", tenant: "" })
    expect(Object.values(problems).every(Boolean)).toBe(true)
  })
})
