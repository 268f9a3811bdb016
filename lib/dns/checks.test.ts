import { afterAll, beforeAll, describe, expect, test } from "vitest"

import {
  startBrokenDnsServer,
  startDnsServer,
  type RunningDnsServer,
} from "@/test-support/dns-server"

import { checkDomain } from "./check-domain"
import { checkDkim } from "./dkim"
import { checkDmarc, organizationalDomain } from "./dmarc"
import { checkMx } from "./mx"
import { createLookups, type DnsLookups } from "./resolver"
import { checkSpf } from "./spf"
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

describe("checkMx", () => {
  test("finds the classic MX endpoint", async () => {
    const { check, endpoint } = await checkMx(lookups, {
      domain: "good.test",
      method: "direct-send",
    })
    expect(endpoint).toBe("good-test.mail.protection.outlook.com")
    expect(check.status).toBe("pass")
    expect(check.details).toContain("It is the classic Microsoft 365 MX endpoint.")
  })

  test("finds the newer mx.microsoft endpoint", async () => {
    const { check, endpoint } = await checkMx(lookups, { domain: "newmx.test", method: "relay" })
    expect(endpoint).toBe("newmx-test.o-v1.mx.microsoft")
    expect(check.details[0]).toMatch(/DNSSEC-capable/)
  })

  test("finds a GCC High tenant's MX endpoint, with its source", async () => {
    const { check, endpoint } = await checkMx(lookups, { domain: "gcchigh.test", method: "relay" })
    expect(endpoint).toBe("contoso.mail.protection.office365.us")
    expect(check.status).toBe("pass")
    expect(check.details[0]).toBe("It is the Microsoft 365 GCC High and DoD MX endpoint.")
    expect(check.sources.map((source) => source.url)).toContain(
      "https://learn.microsoft.com/en-us/microsoft-365/enterprise/dns-records-for-office-365-gcc-high"
    )
    // Not smtp.office365.com: a GCC High tenant signs in elsewhere.
    const auth = await checkMx(lookups, { domain: "gcchigh.test", method: "smtp-auth" })
    expect(auth.check.details.at(-1)).toBe(
      "SMTP AUTH does not send through this host; it receives mail for the domain."
    )
  })

  test("explains an MX that is not Microsoft 365", async () => {
    const { check, endpoint } = await checkMx(lookups, {
      domain: "noinclude.test",
      method: "direct-send",
    })
    expect(endpoint).toBeNull()
    expect(check.status).toBe("fail")
    expect(check.summary).toBe(
      "The MX record does not point to Microsoft 365: mail to noinclude.test goes to mx.otherhost.test."
    )
    const auth = await checkMx(lookups, { domain: "noinclude.test", method: "smtp-auth" })
    expect(auth.check.status).toBe("warn")
  })

  test("reports a domain that does not exist as NXDOMAIN, with the MX to publish", async () => {
    const { check } = await checkMx(lookups, { domain: "missing.test", method: "smtp-auth" })
    expect(check.status).toBe("fail")
    expect(check.summary).toBe("missing.test does not exist in DNS (NXDOMAIN).")
    expect(check.publish[0]?.value).toBe("0 missing-test.mail.protection.outlook.com")
  })
})

describe("checkSpf", () => {
  test("passes one record with Microsoft's include and explains -all", async () => {
    const check = await checkSpf(lookups, { domain: "good.test", method: "smtp-auth" })
    expect(check.status).toBe("pass")
    expect(check.summary).toBe("One SPF record that includes Microsoft 365, with 1 DNS lookup.")
    expect(check.details.join(" ")).toMatch(/-all \(hard fail\)/)
    expect(check.publish).toEqual([])
  })

  test("checks the device IP for Direct Send, and adds it when missing", async () => {
    const covered = await checkSpf(lookups, {
      domain: "good.test",
      method: "direct-send",
      deviceIp: "203.0.113.10",
    })
    expect(covered.status).toBe("pass")
    expect(covered.details).toContain("The device's IP 203.0.113.10 is covered (ip4:203.0.113.10).")

    const missing = await checkSpf(lookups, {
      domain: "newmx.test",
      method: "direct-send",
      deviceIp: "198.51.100.20",
    })
    expect(missing.status).toBe("fail")
    expect(missing.publish[0]?.value).toBe(
      "v=spf1 include:spf.protection.outlook.com ip4:198.51.100.20 ~all"
    )
  })

  test("fails a record without Microsoft's include and offers it added", async () => {
    const check = await checkSpf(lookups, { domain: "noinclude.test", method: "smtp-auth" })
    expect(check.status).toBe("fail")
    expect(check.summary).toBe(
      "The SPF record does not include Microsoft 365 (spf.protection.outlook.com)."
    )
    expect(check.publish[0]).toMatchObject({
      type: "TXT",
      name: "noinclude.test",
      value: "v=spf1 include:spf.otherhost.test include:spf.protection.outlook.com ~all",
    })
  })

  test("fails two SPF records and offers one merged record", async () => {
    const check = await checkSpf(lookups, { domain: "twospf.test", method: "smtp-auth" })
    expect(check.status).toBe("fail")
    expect(check.summary).toBe("twospf.test has 2 SPF records; a domain may have only one.")
    expect(check.publish[0]?.value).toMatch(
      /^v=spf1 (include:spf\.protection\.outlook\.com ip4:198\.51\.100\.7|ip4:198\.51\.100\.7 include:spf\.protection\.outlook\.com) [-~]all$/
    )
  })

  test("counts lookups through a chain of includes against the limit of 10", async () => {
    const check = await checkSpf(lookups, { domain: "toomany.test", method: "smtp-auth" })
    expect(check.status).toBe("fail")
    expect(check.summary).toBe("The SPF record needs 11 DNS lookups, over the limit of 10.")
  })

  test("fails a domain that does not exist, and reports a timeout as such", async () => {
    const check = await checkSpf(lookups, { domain: "missing.test", method: "smtp-auth" })
    expect(check.summary).toBe("No SPF record: missing.test does not exist in DNS (NXDOMAIN).")
    expect(check.publish[0]?.value).toBe("v=spf1 include:spf.protection.outlook.com -all")

    const slow = createLookups({ servers: [`127.0.0.1:${silent.port}`], timeoutMs: 200, tries: 1 })
    const timedOut = await checkSpf(slow, { domain: "good.test", method: "smtp-auth" })
    expect(timedOut.status).toBe("warn")
    expect(timedOut.summary).toBe(
      "Could not check SPF: good.test could not be looked up: the DNS server did not answer in time."
    )
  })
})

describe("checkDkim", () => {
  test("passes classic and newer-format CNAMEs", async () => {
    expect((await checkDkim(lookups, { domain: "good.test" })).status).toBe("pass")
    const modern = await checkDkim(lookups, { domain: "newmx.test" })
    expect(modern.status).toBe("pass")
    expect(modern.details[0]).toMatch(/newer dkim\.mail\.microsoft format/)
  })

  test("offers the classic CNAMEs when missing, filled in with the initial domain", async () => {
    const template = await checkDkim(lookups, { domain: "nodkim.test" })
    expect(template.status).toBe("fail")
    expect(template.publish[0]?.value).toBe("selector1-nodkim-test._domainkey.<initial domain>")
    expect(template.commands).toEqual([
      "Get-DkimSigningConfig -Identity 'nodkim.test' | Format-List Name,Enabled,Status,Selector1CNAME,Selector2CNAME",
      "Set-DkimSigningConfig -Identity 'nodkim.test' -Enabled $true",
    ])

    const filled = await checkDkim(lookups, {
      domain: "nodkim.test",
      initialDomain: "contoso.onmicrosoft.com",
    })
    expect(filled.publish.map((record) => `${record.name} ${record.value}`)).toEqual([
      "selector1._domainkey.nodkim.test selector1-nodkim-test._domainkey.contoso.onmicrosoft.com",
      "selector2._domainkey.nodkim.test selector2-nodkim-test._domainkey.contoso.onmicrosoft.com",
    ])
  })
})

describe("checkDmarc", () => {
  test("passes p=reject, warns on p=none and on a missing record", async () => {
    expect((await checkDmarc(lookups, { domain: "good.test" })).status).toBe("pass")
    const none = await checkDmarc(lookups, { domain: "newmx.test" })
    expect(none.status).toBe("warn")
    expect(none.summary).toBe("DMARC is set with policy p=none.")
    const missing = await checkDmarc(lookups, { domain: "noinclude.test" })
    expect(missing.status).toBe("warn")
    expect(missing.publish[0]).toMatchObject({ name: "_dmarc.noinclude.test", type: "TXT" })
  })

  test("a subdomain without a record of its own gets its organizational domain's, sp= first", async () => {
    const inherited = await checkDmarc(lookups, { domain: "mail.good.test" })
    expect(inherited.status).toBe("pass")
    expect(inherited.summary).toBe("DMARC is set by good.test's record, with policy p=reject.")
    expect(inherited.found).toEqual(["v=DMARC1; p=reject; rua=mailto:dmarc@good.test"])
    expect(inherited.details[0]).toContain("mail.good.test has no DMARC record of its own")

    const subdomainPolicy = await checkDmarc(lookups, { domain: "alerts.sub.test" })
    expect(subdomainPolicy.status).toBe("pass")
    expect(subdomainPolicy.summary).toBe(
      "DMARC is set by sub.test's record, with policy sp=quarantine."
    )
    expect(subdomainPolicy.details[0]).toBe(
      "alerts.sub.test has no DMARC record of its own, so receivers use the one of its organizational domain, sub.test, with its subdomain policy (sp=quarantine). Publish _dmarc.alerts.sub.test to give alerts.sub.test a policy of its own."
    )
    // The organizational domain itself keeps its own p=.
    expect((await checkDmarc(lookups, { domain: "sub.test" })).summary).toBe(
      "DMARC is set with policy p=reject."
    )

    const neither = await checkDmarc(lookups, { domain: "mail.noinclude.test" })
    expect(neither.status).toBe("warn")
    expect(neither.summary).toBe("mail.noinclude.test has no DMARC record.")
    expect(neither.publish[0]).toMatchObject({ name: "_dmarc.mail.noinclude.test" })
  })

  test("the organizational domain comes from the Public Suffix List, not the parent name", () => {
    expect(organizationalDomain("news.contoso.co.uk")).toBe("contoso.co.uk")
    expect(organizationalDomain("a.b.contoso.com")).toBe("contoso.com")
    expect(organizationalDomain("contoso.com")).toBeNull()
  })
})

describe("checkDomain", () => {
  test("runs every check and returns the MX endpoint", async () => {
    const result = await checkDomain(lookups, { domain: "Good.Test.", method: "direct-send" })
    expect(result.mxEndpoint).toBe("good-test.mail.protection.outlook.com")
    expect(result.checks.map((check) => [check.id, check.status])).toEqual([
      ["mx", "pass"],
      ["spf", "pass"],
      ["dkim", "pass"],
      ["dmarc", "pass"],
    ])
    // Plain data: what a server action can return.
    expect(JSON.parse(JSON.stringify(result))).toEqual(result)
  })

  test("reports timeouts for every check instead of throwing", async () => {
    const slow = createLookups({ servers: [`127.0.0.1:${silent.port}`], timeoutMs: 200, tries: 1 })
    const result = await checkDomain(slow, { domain: "good.test", method: "smtp-auth" })
    expect(result.checks.every((check) => check.status === "warn")).toBe(true)
    expect(
      result.checks.every((check) =>
        /did not answer in time/.test(check.summary + check.details.join(" "))
      )
    ).toBe(true)
  })
})

const acs = (domain: string) => checkDomain(lookups, { domain, method: "acs" })

function byId(result: DomainCheckResult, id: DnsCheck["id"]): DnsCheck {
  const check = result.checks.find((candidate) => candidate.id === id)
  if (!check) throw new Error(`No ${id} check in ${result.checks.map((c) => c.id).join(", ")}`)
  return check
}

const statuses = (result: DomainCheckResult) =>
  result.checks.map((check) => [check.id, check.status])

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

describe("Azure Communication Services, when DNS does not answer", () => {
  test("every check warns, MX included, instead of throwing", async () => {
    const slow = createLookups({ servers: [`127.0.0.1:${silent.port}`], timeoutMs: 200, tries: 1 })
    const result = await checkDomain(slow, { domain: "acs.test", method: "acs" })
    expect(result.checks.map((check) => check.status)).toEqual([
      "warn",
      "warn",
      "warn",
      "warn",
      "warn",
    ])
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
