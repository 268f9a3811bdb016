import { describe, expect, test } from "vitest"

import { SENDING_METHODS } from "@/lib/schemas/setup-fields"
import { findMicrosoftEndpoint } from "./endpoints"
import { SENDING_METHODS_INFO, defaultHost, methodInfo, sendsToMx } from "./methods"

describe("the sending methods", () => {
  test("one entry per method, in a fixed order, each with its sources", () => {
    expect(SENDING_METHODS_INFO.map((method) => method.id)).toEqual([...SENDING_METHODS])
    for (const method of SENDING_METHODS_INFO) expect(method.sources.length).toBeGreaterThan(0)
  })

  test("the radio names begin as the contract says", () => {
    expect(SENDING_METHODS_INFO.map((method) => method.name)).toEqual([
      expect.stringMatching(/^SMTP AUTH/),
      expect.stringMatching(/^Direct Send/),
      expect.stringMatching(/^SMTP relay/),
      expect.stringMatching(/^High Volume Email/),
      expect.stringMatching(/^Azure Communication Services/),
    ])
  })

  test("a method that signs in has the Account step's words; the choice only where both exist", () => {
    for (const method of SENDING_METHODS_INFO) {
      const signsIn = !method.signIns.includes("none")
      expect(Boolean(method.account), method.id).toBe(signsIn)
      const both =
        method.signIns.includes("password") &&
        method.signIns.some((signIn) => signIn.startsWith("oauth-"))
      expect(Boolean(method.account?.choices), method.id).toBe(both)
    }
  })

  test("HVE and ACS default to their own endpoints, which the host guard knows", () => {
    expect(defaultHost("hve", "contoso.com")).toBe("smtp.hve.mx.microsoft")
    expect(defaultHost("acs", "contoso.com")).toBe("smtp.azurecomm.net")
    for (const id of ["smtp-auth", "hve", "acs"] as const) {
      expect(findMicrosoftEndpoint(defaultHost(id, ""))?.confirmed, id).toBe(true)
      expect(methodInfo(id).defaults).toEqual({ port: "587", security: "starttls" })
      expect(sendsToMx(id)).toBe(false)
    }
    expect(defaultHost("direct-send", "contoso.com")).toBe(
      "contoso-com.mail.protection.outlook.com"
    )
  })

  test("internal-only methods say so in the comparison", () => {
    expect(SENDING_METHODS_INFO.filter((method) => method.internalOnly).map((m) => m.id)).toEqual([
      "direct-send",
      "hve",
    ])
  })
})
