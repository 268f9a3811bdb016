import { describe, expect, test } from "vitest"

import { smtpAuthValues } from "@/test-support/setup-values"
import { setupSchema, toFieldErrors, type SetupValues } from "./setup"

const CLIENT_ID = "3f2b8c41-0a6e-4d6b-9c1e-000000000001"

function values(account: Partial<SetupValues["account"]>) {
  const base = smtpAuthValues({ port: 587 }, { user: "sender@contoso.com", pass: "" })
  return { ...base, account: { ...base.account, ...account } }
}

const errors = (input: unknown) => {
  const parsed = setupSchema.safeParse(input)
  return parsed.success ? {} : toFieldErrors(parsed.error)
}

describe("the Account step with OAuth", () => {
  test("app-only needs the tenant, the client ID, the client secret and the mailbox, not a password", () => {
    expect(
      errors(
        values({
          authType: "oauth-app",
          tenant: "contoso.com",
          clientId: CLIENT_ID,
          clientSecret: "s",
        })
      )
    ).toEqual({})
    expect(errors(values({ authType: "oauth-app" }))).toEqual({
      "account.tenant": "Enter the Directory (tenant) ID of the app registration",
      "account.clientId": "Enter the Application (client) ID of the app registration",
      "account.clientSecret": "Enter the client secret's Value (not its Secret ID)",
    })
  })

  test("device code needs a finished sign-in (flowId) instead of a secret", () => {
    expect(
      errors(
        values({
          authType: "oauth-device",
          tenant: "7d5c3f0e-6a1b-4c2d-9e8f-0a1b2c3d4e5f",
          clientId: CLIENT_ID,
        })
      )
    ).toEqual({ "account.flowId": "Sign in with the device code first" })
    expect(
      errors(
        values({
          authType: "oauth-device",
          tenant: "contoso.onmicrosoft.com",
          clientId: CLIENT_ID,
          flowId: "abcdefghijklmnop_-0123",
        })
      )
    ).toEqual({})
  })

  test("explains a client ID that is not a GUID, a tenant that is neither ID nor domain, common for app-only", () => {
    const found = errors(
      values({
        authType: "oauth-app",
        tenant: "https://login.microsoftonline.com/x",
        clientId: "my-app",
        clientSecret: "s",
      })
    )
    expect(found["account.clientId"]).toMatch(/^Enter the Application \(client\) ID/)
    expect(found["account.tenant"]).toMatch(/^Enter the Directory \(tenant\) ID/)
    expect(
      errors(
        values({ authType: "oauth-app", tenant: "common", clientId: CLIENT_ID, clientSecret: "s" })
      )
    ).toEqual({
      "account.tenant":
        "App-only tokens need your Directory (tenant) ID or domain, not common or organizations",
    })
  })

  test("the client secret is handled like the password: single line, at most 1024 characters", () => {
    const base = { authType: "oauth-app" as const, tenant: "contoso.com", clientId: CLIENT_ID }
    expect(
      errors(values({ ...base, clientSecret: "a\r\nRCPT TO:<x@y.z>" }))["account.clientSecret"]
    ).toBe("Line breaks are not allowed here")
    expect(
      errors(values({ ...base, clientSecret: "x".repeat(1025) }))["account.clientSecret"]
    ).toBe("A client secret is at most 1024 characters")
  })

  test("password stays the default and behaves as before", () => {
    expect(errors(values({}))).toEqual({
      "account.pass": "Enter the password (or app password) of that mailbox",
    })
    expect(errors(values({ pass: "secret" }))).toEqual({})
  })
})
