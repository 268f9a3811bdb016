import { describe, expect, test } from "vitest"

import { directSendValues, smtpAuthValues } from "@/test-support/setup-values"
import { sharedSetup, shareQuery } from "./share-link"

const PASSWORD = "Sh4red-Link-never%40"
const params = (query: string) => Object.fromEntries(new URLSearchParams(query))

describe("share link", () => {
  const tested = {
    ...smtpAuthValues(
      { host: "smtp.office365.com", port: 587 },
      { user: "scanner+floor2@contoso.com", pass: PASSWORD }
    ),
    sender: { fromAddress: "scanner+floor2@contoso.com", fromName: 'Scan "Floor 2" #1 & 100%' },
  }

  test("reopens the wizard with every non-secret value and an empty password", () => {
    expect(sharedSetup(params(shareQuery(tested)))).toEqual({
      ...tested,
      account: { ...tested.account, pass: "" },
    })
  })

  test("never carries the password, in any encoding", () => {
    const query = shareQuery(tested)
    expect(query).not.toContain(PASSWORD)
    expect(query).not.toContain(encodeURIComponent(PASSWORD))
    expect(decodeURIComponent(query)).not.toContain(PASSWORD)
  })

  test("ignores a password put into the link by hand", () => {
    const shared = sharedSetup({ ...params(shareQuery(tested)), pass: "x", password: "y" })
    expect(shared?.account.pass).toBe("")
  })

  test("Direct Send links carry no username and fill the server from the method", () => {
    const direct = directSendValues(
      { host: "contoso-com.mail.protection.outlook.com", port: 25 },
      "a@contoso.com"
    )
    const query = shareQuery({ ...direct, account: { user: "left@over.com", pass: "" } })
    expect(query).not.toContain("user=")
    expect(sharedSetup({ method: "relay", domain: "fabrikam.com" })?.server).toMatchObject({
      host: "fabrikam-com.mail.protection.outlook.com",
      port: "25",
    })
  })

  test("an empty value in the link leaves its field at the method's default", () => {
    expect(sharedSetup({ method: "relay", domain: "fabrikam.com", host: "" })?.server.host).toBe(
      "fabrikam-com.mail.protection.outlook.com"
    )
    expect(sharedSetup({ method: "smtp-auth", host: " " })?.server.host).toBe("smtp.office365.com")
  })

  test("keeps the valid values of a tampered link and drops the rest", () => {
    const shared = sharedSetup({
      method: "smtp-auth",
      host: "smtp.office365.com\r\nRCPT TO:<x@evil.example>",
      port: "99999",
      security: "ssl3",
      user: "scanner",
      from: "scanner@contoso.com",
      to: ["it@contoso.com", "second@contoso.com"],
    })
    expect(shared).toMatchObject({
      server: { host: "smtp.office365.com", port: "587", security: "starttls" },
      account: { user: "", pass: "" },
      sender: { fromAddress: "scanner@contoso.com" },
      test: { to: "it@contoso.com" },
    })
  })

  test("a link without settings opens the plain wizard", () => {
    expect(sharedSetup({})).toBeNull()
    expect(sharedSetup({ method: "carrier-pigeon", utm_source: "mail" })).toBeNull()
  })

  describe("OAuth", () => {
    const SECRET = "Cl1ent~Secret.never-shared"
    const oauthApp = {
      ...tested,
      account: {
        authType: "oauth-app" as const,
        user: "scanner@contoso.com",
        pass: "",
        tenant: "7d5c3f0e-6a1b-4c2d-9e8f-0a1b2c3d4e5f",
        clientId: "3f2b8c41-0a6e-4d6b-9c1e-000000000001",
        clientSecret: SECRET,
        flowId: "",
      },
    }

    test("carries the flow, tenant and client ID, and reopens with an empty client secret", () => {
      const query = shareQuery(oauthApp)
      expect(params(query)).toMatchObject({
        auth: "oauth-app",
        tenant: oauthApp.account.tenant,
        client: oauthApp.account.clientId,
      })
      expect(sharedSetup(params(query))?.account).toEqual({
        ...oauthApp.account,
        clientSecret: "",
      })
    })

    test("never carries the client secret or the device code sign-in, in any encoding", () => {
      const flowId = "Fl0wIdFl0wIdFl0wIdFl0wId"
      const query = shareQuery({ ...oauthApp, account: { ...oauthApp.account, flowId } })
      for (const secret of [SECRET, flowId]) {
        expect(query).not.toContain(secret)
        expect(query).not.toContain(encodeURIComponent(secret))
        expect(decodeURIComponent(query)).not.toContain(secret)
      }
      const shared = sharedSetup({ ...params(query), secret: "x", clientSecret: "y", flowId })
      expect(shared?.account).toMatchObject({ clientSecret: "", flowId: "" })
    })

    test("drops a tampered tenant or client ID, and OAuth values on a password link", () => {
      const shared = sharedSetup({
        ...params(shareQuery(oauthApp)),
        tenant: "contoso.com/../evil",
        client: "not-a-guid",
      })
      expect(shared?.account).toMatchObject({ authType: "oauth-app", tenant: "", clientId: "" })
      const password = sharedSetup({
        ...params(shareQuery(tested)),
        tenant: oauthApp.account.tenant,
      })
      expect(password?.account).toEqual({ user: tested.account.user, pass: "" })
    })
  })
})
