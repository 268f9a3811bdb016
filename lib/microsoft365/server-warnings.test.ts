import { describe, expect, test } from "vitest"

import { findMicrosoftEndpoint, guessMxHost } from "./endpoints"
import { serverWarnings } from "./server-warnings"

const ids = (...args: Parameters<typeof serverWarnings>) => serverWarnings(...args).map((w) => w.id)

describe("serverWarnings", () => {
  test("is silent for the recommended SMTP AUTH settings", () => {
    expect(
      ids({ method: "smtp-auth", host: "smtp.office365.com", port: "587", security: "starttls" })
    ).toEqual([])
  })

  test("warns about port 465, implicit TLS on 587 and credentials without TLS", () => {
    expect(
      ids({ method: "smtp-auth", host: "smtp.office365.com", port: "465", security: "tls" })
    ).toEqual(["port-465"])
    expect(
      ids({ method: "smtp-auth", host: "smtp.office365.com", port: "587", security: "tls" })
    ).toEqual(["implicit-tls-587"])
    expect(
      ids({ method: "smtp-auth", host: "smtp.office365.com", port: "587", security: "none" })
    ).toEqual(["no-tls-credentials"])
  })

  test("warns about an IP address and a host that does not fit the method", () => {
    expect(
      ids({ method: "smtp-auth", host: "52.96.0.1", port: "587", security: "starttls" })
    ).toEqual(["ip-address"])
    expect(
      ids({ method: "direct-send", host: "smtp.office365.com", port: "25", security: "starttls" })
    ).toEqual(["wrong-host"])
    expect(
      ids({
        method: "relay",
        host: "contoso-com.mail.protection.outlook.com",
        port: "587",
        security: "starttls",
      })
    ).toEqual(["mx-port"])
  })

  test("knows a GCC High tenant's MX endpoint", () => {
    const host = "contoso.mail.protection.office365.us"
    expect(ids({ method: "direct-send", host, port: "25", security: "starttls" })).toEqual([])
    expect(ids({ method: "smtp-auth", host, port: "587", security: "starttls" })).toEqual([
      "wrong-host",
    ])
    // The suffix alone is no tenant's endpoint.
    expect(
      ids({
        method: "relay",
        host: "mail.protection.office365.us",
        port: "25",
        security: "starttls",
      })
    ).toEqual(["not-microsoft"])
  })

  test("knows High Volume Email's endpoint from the newer mx.microsoft tenant endpoints", () => {
    const settings = { port: "587", security: "starttls" } as const
    // HVE signs in on port 587: not an MX endpoint, but the High Volume Email method's own host.
    expect(ids({ ...settings, method: "hve", host: "smtp.hve.mx.microsoft" })).toEqual([])
    expect(ids({ ...settings, method: "smtp-auth", host: "smtp.hve.mx.microsoft" })).toEqual([
      "wrong-host",
    ])
    expect(findMicrosoftEndpoint("smtp.hve.mx.microsoft")?.purpose).toBe("High Volume Email")
    expect(
      ids({ ...settings, method: "smtp-auth", host: "contoso-com.b-v1.mx.microsoft" })
    ).toEqual(["wrong-host"])
  })

  test("tells Direct Send and relay that another Microsoft endpoint is not their MX endpoint", () => {
    const [warning] = serverWarnings({
      method: "relay",
      host: "smtp.hve.mx.microsoft",
      port: "25",
      security: "starttls",
    })
    expect(warning).toMatchObject({
      id: "wrong-host",
      text: "smtp.hve.mx.microsoft is not an MX endpoint (it is for High Volume Email). Direct Send and relay go to your domain's MX endpoint.",
    })
    expect(
      ids({
        method: "direct-send",
        host: "smtp-legacy.office365.com",
        port: "25",
        security: "starttls",
      })
    ).toEqual(["wrong-host"])
  })

  test("every warning cites a source", () => {
    const all = serverWarnings({
      method: "smtp-auth",
      host: "10.0.0.1",
      port: "465",
      security: "none",
    })
    expect(all.length).toBeGreaterThan(1)
    for (const warning of all) expect(warning.source.url).toMatch(/^https:\/\//)
  })
})

describe("guessMxHost", () => {
  test("turns the domain's dots into dashes under mail.protection.outlook.com", () => {
    expect(guessMxHost("Contoso.co.uk")).toBe("contoso-co-uk.mail.protection.outlook.com")
    expect(guessMxHost("")).toBe("")
  })

  test("HVE and ACS: silent on their own endpoints, and say where they sign in otherwise", () => {
    expect(
      ids({ method: "hve", host: "smtp.hve.mx.microsoft", port: "587", security: "starttls" })
    ).toEqual([])
    expect(
      ids({ method: "hve", host: "smtp-hve.office365.com", port: "587", security: "starttls" })
    ).toEqual([])
    expect(
      ids({ method: "acs", host: "smtp.azurecomm.net", port: "587", security: "starttls" })
    ).toEqual([])
    const [hveOnSmtpAuth] = serverWarnings({
      method: "hve",
      host: "smtp.office365.com",
      port: "587",
      security: "starttls",
    })
    expect(hveOnSmtpAuth?.text).toBe(
      "smtp.office365.com is for SMTP AUTH client submission. High Volume Email signs in at smtp.hve.mx.microsoft."
    )
    expect(
      serverWarnings({
        method: "smtp-auth",
        host: "smtp.azurecomm.net",
        port: "587",
        security: "starttls",
      })[0]?.text
    ).toBe(
      "smtp.azurecomm.net is for Azure Communication Services Email. SMTP AUTH signs in at smtp.office365.com."
    )
    expect(
      ids({ method: "acs", host: "smtp.azurecomm.net", port: "587", security: "none" })
    ).toEqual(["no-tls-credentials"])
  })
})
