import { afterAll, beforeAll, describe, expect, test } from "vitest"

import {
  startBrokenDnsServer,
  startDnsServer,
  type RunningDnsServer,
} from "@/test-support/dns-server"
import { SENDING_METHODS } from "@/lib/schemas/setup-fields"
import { sendsToMx } from "@/lib/microsoft365/methods"

import { checkDomain } from "./check-domain"
import { domainCheckPlan } from "./check-plan"
import { createLookups, type DnsLookups } from "./resolver"
import type { DnsCheck, DomainCheckResult } from "./types"

let dns: RunningDnsServer
let silent: RunningDnsServer
let lookups: DnsLookups

beforeAll(async () => {
  ;[dns, silent] = await Promise.all([startDnsServer(), startBrokenDnsServer()])
  lookups = createLookups({ servers: [`127.0.0.1:${dns.port}`] })
})
afterAll(async () => {
  await Promise.all([dns?.stop(), silent?.stop()])
})

const acs = (domain: string) => checkDomain(lookups, { domain, method: "acs" })

function byId(result: DomainCheckResult, id: DnsCheck["id"]): DnsCheck {
  const check = result.checks.find((candidate) => candidate.id === id)
  if (!check) throw new Error(`No ${id} check in ${result.checks.map((c) => c.id).join(", ")}`)
  return check
}

const statuses = (result: DomainCheckResult) =>
  result.checks.map((check) => [check.id, check.status])

describe("domainCheckPlan", () => {
  test("every method has a plan, and only the methods that send to the MX endpoint treat MX as one", () => {
    for (const method of SENDING_METHODS) {
      expect(domainCheckPlan(method).mx === "endpoint").toBe(sendsToMx(method))
      expect(domainCheckPlan(method).deviceIp).toBe(sendsToMx(method))
    }
  })

  test("HVE is checked as SMTP AUTH; ACS checks its own records and keeps MX for information", () => {
    expect(domainCheckPlan("hve")).toEqual(domainCheckPlan("smtp-auth"))
    expect(domainCheckPlan("acs")).toMatchObject({
      sender: "acs",
      checks: ["acs-verification", "spf", "acs-dkim", "dmarc", "mx"],
      mx: "informational",
      initialDomain: false,
    })
    expect(
      domainCheckPlan("acs", "3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c.azurecomm.net").checks
    ).toEqual(["acs-managed-domain"])
    // An azurecomm.net name is only ACS's own when the method is ACS.
    expect(domainCheckPlan("smtp-auth", "x.azurecomm.net").checks).toEqual([
      "mx",
      "spf",
      "dkim",
      "dmarc",
    ])
  })
})

describe("Azure Communication Services, custom domain", () => {
  test("passes a domain with the records the portal lists, MX only for information", async () => {
    const result = await acs("acs.test")
    expect(statuses(result)).toEqual([
      ["verification", "pass"],
      ["spf", "pass"],
      ["dkim", "pass"],
      ["dmarc", "pass"],
      ["mx", "info"],
    ])
    expect(result.mxEndpoint).toBeNull()

    const verification = byId(result, "verification")
    expect(verification.found).toEqual([
      "ms-domain-verification=5d0c6a3e-2f41-4b8e-9c7a-1e2f3a4b5c6d",
    ])
    // The token cannot be checked from DNS: the admin is told to compare it.
    expect(verification.details[0]).toMatch(/compare it with the value the Azure portal shows/)
    expect(verification.commands[0]).toBe(
      'az communication email domain show --domain-name "acs.test" --email-service-name "<EmailServiceName>" --resource-group "<resourceGroup>"'
    )
    expect(verification.commandsTitle).toBe("Azure CLI")

    const spf = byId(result, "spf")
    expect(spf.summary).toBe(
      "One SPF record that includes Azure Communication Services, with 1 DNS lookup."
    )
    expect(spf.details).toContain(
      "Includes spf.protection.outlook.com (the include Azure Communication Services asks for)."
    )

    const dkim = byId(result, "dkim")
    expect(dkim.found).toEqual([
      "selector1-azurecomm-prod-net._domainkey.acs.test CNAME selector1-azurecomm-prod-net._domainkey.azurecomm.net",
      "selector2-azurecomm-prod-net._domainkey.acs.test CNAME selector2-azurecomm-prod-net._domainkey.azurecomm.net",
    ])
    expect(dkim.publish).toEqual([])

    expect(byId(result, "dmarc").details.at(-1)).toMatch(/Azure Communication Services' DKIM/)

    const mx = byId(result, "mx")
    expect(mx.title).toBe("MX (where mail to the domain goes)")
    expect(mx.summary).toBe("Mail to acs.test goes to mx.otherhost.test.")
    expect(mx.details.join(" ")).toMatch(/Azure Communication Services sends without it/)
    // Plain data: what a server action can return.
    expect(JSON.parse(JSON.stringify(result))).toEqual(result)
  })

  test("fails a domain without the verification TXT and offers its template", async () => {
    const result = await acs("acsunverified.test")
    const verification = byId(result, "verification")
    expect(verification.status).toBe("fail")
    expect(verification.summary).toBe(
      "acsunverified.test has no ms-domain-verification=… TXT record: Azure Communication Services cannot verify that the domain is yours."
    )
    expect(verification.publish).toEqual([
      expect.objectContaining({
        type: "TXT",
        name: "acsunverified.test",
        value: "ms-domain-verification=<token from the Azure portal>",
      }),
    ])
    expect(byId(result, "spf").status).toBe("pass")
    expect(byId(result, "dkim").status).toBe("pass")
  })

  test("fails SPF with ~all, which ACS refuses, and offers the record with -all", async () => {
    const spf = byId(await acs("acssoftfail.test"), "spf")
    expect(spf.status).toBe("fail")
    expect(spf.summary).toBe(
      "The SPF record ends with ~all; Azure Communication Services requires -all."
    )
    expect(spf.publish[0]).toMatchObject({
      type: "TXT",
      name: "acssoftfail.test",
      value: "v=spf1 include:spf.protection.outlook.com -all",
    })
    // The same record is fine for SMTP AUTH, which only explains ~all.
    const smtpAuth = byId(
      await checkDomain(lookups, { domain: "acssoftfail.test", method: "smtp-auth" }),
      "spf"
    )
    expect(smtpAuth.status).toBe("pass")
  })

  test("fails SPF without ACS's include, and adds it with -all", async () => {
    const spf = byId(await acs("noinclude.test"), "spf")
    expect(spf.status).toBe("fail")
    expect(spf.summary).toBe(
      "The SPF record does not include Azure Communication Services (spf.protection.outlook.com)."
    )
    expect(spf.publish[0]?.value).toBe(
      "v=spf1 include:spf.otherhost.test include:spf.protection.outlook.com -all"
    )
  })

  test("fails missing DKIM CNAMEs, even with Microsoft 365's selectors, and offers ACS's", async () => {
    const dkim = byId(await acs("acsnodkim.test"), "dkim")
    expect(dkim.status).toBe("fail")
    expect(dkim.summary).toBe(
      "DKIM is not set up for Azure Communication Services: acsnodkim.test has neither of its two CNAMEs."
    )
    expect(dkim.publish.map((record) => `${record.type} ${record.name} ${record.value}`)).toEqual([
      "CNAME selector1-azurecomm-prod-net._domainkey.acsnodkim.test selector1-azurecomm-prod-net._domainkey.azurecomm.net",
      "CNAME selector2-azurecomm-prod-net._domainkey.acsnodkim.test selector2-azurecomm-prod-net._domainkey.azurecomm.net",
    ])
  })

  test("warns on a DKIM target other than the documented one and on a malformed token", async () => {
    const result = await acs("acsotherdkim.test")
    const dkim = byId(result, "dkim")
    expect(dkim.status).toBe("warn")
    expect(dkim.details[1]).toBe(
      "DKIM2: selector2-azurecomm-prod-net._domainkey.acsotherdkim.test points to selector2-azurecomm-prod-net._domainkey.otherhost.test, not to selector2-azurecomm-prod-net._domainkey.azurecomm.net as Microsoft documents: compare it with the value the Azure portal shows."
    )
    const verification = byId(result, "verification")
    expect(verification.status).toBe("warn")
    expect(verification.summary).toBe(
      "The verification record is not of the form Azure Communication Services uses."
    )
  })

  test("does not fail a domain for lacking Microsoft 365's MX, or any MX", async () => {
    // noinclude.test's MX is another host; nodkim.test's is Microsoft 365's; gcchigh.test has SPF only.
    const other = byId(await acs("noinclude.test"), "mx")
    expect(other.status).toBe("info")
    const microsoft = byId(await acs("nodkim.test"), "mx")
    expect(microsoft.status).toBe("info")
    expect(microsoft.details[0]).toBe("It is the classic Microsoft 365 MX endpoint.")
    const none = byId(await acs("sub.test"), "mx")
    expect(none.status).toBe("info")
    expect(none.summary).toBe(
      "sub.test has no MX record: no server is named to receive mail for it."
    )
  })
})

describe("Azure Communication Services, Azure managed domain", () => {
  test("needs no DNS work, so it passes without a lookup", async () => {
    // The silent server never answers: any lookup would come back as a timeout warning.
    const slow = createLookups({ servers: [`127.0.0.1:${silent.port}`], timeoutMs: 200, tries: 1 })
    const result = await checkDomain(slow, {
      domain: "3F2A9C1E-8B7D-4E6F-A5C4-1D2E3F4A5B6C.azurecomm.net",
      method: "acs",
    })
    expect(statuses(result)).toEqual([["managed-domain", "pass"]])
    expect(result.checks[0]?.summary).toBe(
      "3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c.azurecomm.net is an Azure managed domain: Azure sets up its SPF and DKIM itself and it needs no verification, so there is no DNS record to publish."
    )
    expect(result.checks[0]?.publish).toEqual([])
  })

  test("asks to compare a name under azurecomm.net that is not of the managed form", async () => {
    const result = await checkDomain(lookups, { domain: "mail.azurecomm.net", method: "acs" })
    expect(statuses(result)).toEqual([["managed-domain", "warn"]])
  })
})

describe("the other methods keep their checks", () => {
  test("SMTP AUTH, HVE, Direct Send and relay run MX, SPF, DKIM and DMARC", async () => {
    for (const method of ["smtp-auth", "hve", "direct-send", "relay"] as const) {
      const result = await checkDomain(lookups, { domain: "good.test", method })
      expect(result.checks.map((check) => check.id)).toEqual(["mx", "spf", "dkim", "dmarc"])
      expect(result.mxEndpoint).toBe("good-test.mail.protection.outlook.com")
    }
  })

  test("HVE gets SMTP AUTH's verdicts, with its own host named", async () => {
    for (const domain of ["good.test", "noinclude.test", "nodkim.test", "newmx.test"]) {
      const auth = await checkDomain(lookups, { domain, method: "smtp-auth" })
      const hve = await checkDomain(lookups, { domain, method: "hve" })
      expect(statuses(hve)).toEqual(statuses(auth))
    }
    const mx = byId(await checkDomain(lookups, { domain: "good.test", method: "hve" }), "mx")
    expect(mx.details.at(-1)).toBe(
      "High Volume Email sends through smtp.hve.mx.microsoft; this host receives mail for the domain."
    )
    const auth = byId(
      await checkDomain(lookups, { domain: "good.test", method: "smtp-auth" }),
      "mx"
    )
    expect(auth.details.at(-1)).toBe(
      "SMTP AUTH sends through smtp.office365.com; this host receives mail for the domain."
    )
  })
})
