import { describe, expect, test } from "vitest"

import { identityUrl, readEnv } from "@/lib/env"

describe("SMTP365_IDENTITY_URL", () => {
  test("defaults to Microsoft's identity platform", () => {
    expect(readEnv({}).SMTP365_IDENTITY_URL).toBe("https://login.microsoftonline.com")
  })

  test("takes an https base URL, without trailing slashes", () => {
    expect(
      readEnv({ SMTP365_IDENTITY_URL: " https://127.0.0.1:8443/ " }).SMTP365_IDENTITY_URL
    ).toBe("https://127.0.0.1:8443")
    expect(identityUrl("https://login.microsoftonline.us/base//")).toBe(
      "https://login.microsoftonline.us/base"
    )
  })

  test.for([
    ["http://login.microsoftonline.com"],
    ["not a url"],
    ["https://x.test/?q=1"],
    ["https://u:p@x.test"],
  ])("falls back to the default for %s", ([value]) => {
    expect(readEnv({ SMTP365_IDENTITY_URL: value }).SMTP365_IDENTITY_URL).toBe(
      "https://login.microsoftonline.com"
    )
  })
})
