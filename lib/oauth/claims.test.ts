import { describe, expect, test } from "vitest"

import { signAccessToken } from "@/lib/practice/access-tokens"
import { decodeJwtPayload, summarizeToken } from "./claims"

const exp = Math.floor(Date.UTC(2026, 11, 2, 12, 0, 0) / 1000)
const token = (claims: Record<string, unknown>) => signAccessToken({ exp, ...claims }, "key")

describe("summarizeToken", () => {
  test("an app-only Exchange Online token: audience, roles, expiry, tenant, app; no warning", () => {
    const summary = summarizeToken(
      token({
        aud: "https://outlook.office365.com",
        roles: ["SMTP.SendAsApp"],
        tid: "t-1",
        appid: "a-1",
        idtyp: "app",
      }),
      "sender@contoso.com"
    )
    expect(summary).toEqual({
      kind: "app",
      audience: "https://outlook.office365.com",
      roles: ["SMTP.SendAsApp"],
      scopes: [],
      expiresAt: "2026-12-02T12:00:00.000Z",
      tenantId: "t-1",
      appId: "a-1",
      user: null,
      warnings: [],
    })
  })

  test.for([["https://graph.microsoft.com"], ["00000003-0000-0000-c000-000000000000"]])(
    "a Microsoft Graph audience (%s) is flagged, its roles are not",
    ([aud]) => {
      const summary = summarizeToken(token({ aud, roles: ["Mail.Send"] }), "sender@contoso.com")
      expect(summary?.warnings.map((warning) => warning.id)).toEqual(["graph-audience"])
    }
  )

  test("an app-only token without SMTP.SendAsApp is flagged, mentioning RBAC for Applications", () => {
    const summary = summarizeToken(token({ aud: "https://outlook.office365.com" }), "a@b.c")
    expect(summary?.warnings).toHaveLength(1)
    expect(summary?.warnings[0]?.text).toContain("RBAC for Applications")
  })

  test("a delegated token: scopes and user (upn, else preferred_username, else unique_name)", () => {
    const base = { aud: "https://outlook.office.com", scp: "SMTP.Send offline_access", azp: "c-1" }
    expect(
      summarizeToken(token({ ...base, upn: "Sender@Contoso.com" }), "sender@contoso.com")
    ).toMatchObject({
      kind: "delegated",
      scopes: ["SMTP.Send", "offline_access"],
      appId: "c-1",
      user: "Sender@Contoso.com",
      warnings: [],
    })
    expect(
      summarizeToken(token({ ...base, preferred_username: "p@contoso.com" }), "p@contoso.com")?.user
    ).toBe("p@contoso.com")
    expect(
      summarizeToken(token({ ...base, unique_name: "u@contoso.com" }), "shared@contoso.com")
        ?.warnings[0]
    ).toMatchObject({ id: "other-user" })
  })

  test("something that is not a JWT gives no summary, and never throws", () => {
    expect(summarizeToken("not-a-token", "a@b.c")).toBeNull()
    expect(decodeJwtPayload("a.!!!.c")).toBeNull()
    expect(decodeJwtPayload(`a.${Buffer.from("[1]").toString("base64url")}.c`)).toBeNull()
  })
})
