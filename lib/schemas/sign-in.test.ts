import { describe, expect, test } from "vitest"

import { SENDING_METHODS } from "./setup-fields"
import { isOAuth, secretFieldOf, signInOf } from "./sign-in"

describe("signInOf: how a setup signs in", () => {
  test("SMTP AUTH signs in as the Account step chose; unset is a password", () => {
    const smtpAuth = { method: { method: "smtp-auth" } } as const
    expect(signInOf({ ...smtpAuth, account: {} })).toBe("password")
    expect(signInOf({ ...smtpAuth, account: { authType: "password" } })).toBe("password")
    expect(signInOf({ ...smtpAuth, account: { authType: "oauth-app" } })).toBe("oauth-app")
    expect(signInOf({ ...smtpAuth, account: { authType: "oauth-device" } })).toBe("oauth-device")
  })

  test("Direct Send and relay never sign in, whatever the Account step holds", () => {
    for (const method of ["direct-send", "relay"] as const) {
      expect(signInOf({ method: { method }, account: { authType: "oauth-app" } })).toBe("none")
    }
  })

  test("every sending method has an answer", () => {
    for (const method of SENDING_METHODS) {
      expect(signInOf({ method: { method }, account: {} })).toMatch(/^(none|password|app-secret)$/)
    }
  })

  test("only the token sign-ins are OAuth", () => {
    expect(isOAuth("oauth-app")).toBe(true)
    expect(isOAuth("oauth-device")).toBe(true)
    expect(isOAuth("password")).toBe(false)
    expect(isOAuth("none")).toBe(false)
  })

  test("the secret a sign-in sends is the password, or the app-only flow's client secret", () => {
    expect(secretFieldOf("password")).toBe("account.pass")
    // Azure Communication Services: the app's client secret goes in the password.
    expect(secretFieldOf("app-secret")).toBe("account.pass")
    expect(secretFieldOf("oauth-app")).toBe("account.clientSecret")
    // The user signs in elsewhere, or nobody signs in.
    expect(secretFieldOf("oauth-device")).toBeNull()
    expect(secretFieldOf("none")).toBeNull()
  })
})
