import { describe, expect, test } from "vitest"

import { ADDRESS_LENGTH_MESSAGE } from "@/lib/email-address"
import { ADDRESS_DOMAIN_MESSAGE, setupSchema, toFieldErrors, type SetupValues } from "./setup"
import { FULL_ADDRESS_MESSAGE } from "./setup-fields"

const valid: SetupValues = {
  method: { method: "smtp-auth" },
  server: {
    practice: false,
    domain: "",
    host: "smtp.office365.com",
    port: "587",
    security: "starttls",
  },
  account: { user: "scanner@contoso.com", pass: "secret" },
  sender: { fromAddress: "scanner@contoso.com", fromName: "Scanner" },
  test: { to: "it@contoso.com" },
}

function errorsFor(change: (values: SetupValues) => void) {
  const values = structuredClone(valid)
  change(values)
  const result = setupSchema.safeParse(values)
  return result.success ? {} : toFieldErrors(result.error)
}

describe("setupSchema", () => {
  test("limits addresses as RFC 5321 does: 64 octets before the @, 254 in all", () => {
    const local64 = "a".repeat(64)
    const at254 = `${local64}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(57)}.com`
    expect(at254).toHaveLength(254)
    expect(errorsFor((values) => (values.test.to = at254))).toEqual({})
    expect(errorsFor((values) => (values.test.to = `x${at254}`))).toEqual({
      "test.to": ADDRESS_LENGTH_MESSAGE,
    })
    // A domain longer than DNS allows (253) makes the address too long first.
    expect(
      errorsFor((values) => (values.sender.fromAddress = `s@${`${"a".repeat(60)}.`.repeat(5)}com`))
    ).toEqual({ "sender.fromAddress": ADDRESS_LENGTH_MESSAGE })
    expect(errorsFor((values) => (values.sender.fromAddress = `a${local64}@contoso.com`))).toEqual({
      "sender.fromAddress": ADDRESS_LENGTH_MESSAGE,
    })
    // Octets, not characters: 22 three-octet characters are 66 octets.
    expect(errorsFor((values) => (values.account.user = `${"€".repeat(22)}@contoso.com`))).toEqual({
      "account.user": ADDRESS_LENGTH_MESSAGE,
    })
  })

  test("refuses a 900,000-character recipient at once, with the length message", () => {
    const started = performance.now()
    expect(errorsFor((values) => (values.test.to = `${"x".repeat(900_000)}@contoso.com`))).toEqual({
      "test.to": ADDRESS_LENGTH_MESSAGE,
    })
    expect(performance.now() - started).toBeLessThan(1_000)
  })

  test("accepts a complete SMTP AUTH setup", () => {
    expect(setupSchema.safeParse(valid).success).toBe(true)
  })

  test("refuses a bare user name and says why", () => {
    expect(errorsFor((v) => (v.account.user = "scanner"))).toEqual({
      "account.user": FULL_ADDRESS_MESSAGE,
    })
  })

  test.each([
    ["a label that ends with a hyphen", "scanner@contoso-.com"],
    ["a label of 64 characters", `scanner@${"a".repeat(64)}.com`],
  ])("refuses a From address whose domain DNS cannot hold: %s", (_, address) => {
    expect(errorsFor((v) => (v.sender.fromAddress = address))).toStrictEqual({
      "sender.fromAddress": ADDRESS_DOMAIN_MESSAGE,
    })
  })

  test("accepts From addresses with subdomains, digits, hyphens and 63-character labels", () => {
    for (const address of [
      "scanner@mail.contoso.com",
      "scanner@contoso-2.co.uk",
      `scanner@${"a".repeat(63)}.com`,
    ]) {
      expect(errorsFor((v) => (v.sender.fromAddress = address))).toEqual({})
    }
  })

  test("requires a username and password for SMTP AUTH only", () => {
    expect(Object.keys(errorsFor((v) => (v.account = { user: "", pass: "" })))).toEqual([
      "account.user",
      "account.pass",
    ])
    expect(
      errorsFor((v) => {
        v.method.method = "direct-send"
        v.account = { user: "", pass: "" }
      })
    ).toEqual({})
  })

  test("reports the account rule even while later steps are still empty", () => {
    const errors = errorsFor((v) => {
      v.account.pass = ""
      v.test.to = ""
    })
    expect(errors["account.pass"]).toBeDefined()
    expect(errors["test.to"]).toBeDefined()
  })

  test.each([
    ["account.user", (v: SetupValues) => (v.account.user = "a@contoso.com\r\nRCPT TO:<x@y.z>")],
    ["account.pass", (v: SetupValues) => (v.account.pass = "pa\nss")],
    ["sender.fromName", (v: SetupValues) => (v.sender.fromName = "Scanner\r\nBcc: x@y.z")],
    ["server.host", (v: SetupValues) => (v.server.host = "smtp.office365.com\n")],
  ])("refuses CR or LF in %s", (field, change) => {
    expect(errorsFor(change)).toHaveProperty([field])
  })

  test.each([
    ["0", "Ports go from 1 to 65535"],
    ["65536", "Ports go from 1 to 65535"],
    ["587a", "Enter a port number, for example 587"],
  ])("refuses port %s", (port, message) => {
    expect(errorsFor((v) => (v.server.port = port))["server.port"]).toBe(message)
  })

  test("accepts any port and an IP address as the server", () => {
    expect(
      errorsFor((v) => {
        v.server.port = "2525"
        v.server.host = "192.0.2.10"
      })
    ).toEqual({})
  })

  test.each([
    ["smtp-auth", "Enter the server name, for example smtp.office365.com"],
    [
      "direct-send",
      "Enter your domain's MX endpoint, for example contoso-com.mail.protection.outlook.com",
    ],
    [
      "relay",
      "Enter your domain's MX endpoint, for example contoso-com.mail.protection.outlook.com",
    ],
  ] as const)(
    "asks a %s setup with an empty server for the host it sends to",
    (method, message) => {
      expect(
        errorsFor((v) => {
          v.method.method = method
          v.server.host = "  "
        })
      ).toStrictEqual({ "server.host": message })
    }
  )

  test("refuses a URL in the server field", () => {
    expect(errorsFor((v) => (v.server.host = "smtp://smtp.office365.com:587"))).toHaveProperty([
      "server.host",
    ])
  })
})

describe("hostile payloads", () => {
  // Found by the fast-check property test: an object whose toString is not a function made
  // String() throw inside the sign-in rule, which would have been a 500.
  test("an object where a string belongs is a field error, never a throw", () => {
    const hostile = { toString: "false", valueOf: null }
    const result = setupSchema.safeParse({
      method: { method: "smtp-auth" },
      server: {
        practice: false,
        domain: "",
        host: "smtp.office365.com",
        port: "587",
        security: "starttls",
      },
      account: { authType: "oauth-app", user: hostile, tenant: hostile, pass: "x" },
      sender: { fromAddress: "sender@contoso.com", fromName: "" },
      test: { to: "it-team@contoso.com" },
    })
    expect(result.success).toBe(false)
    expect(toFieldErrors(result.error!)).toHaveProperty(["account.user"])
  })
})
