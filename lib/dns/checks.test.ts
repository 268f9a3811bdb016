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
    expect(template.commands[0]).toMatch(/^Get-DkimSigningConfig -Identity nodkim.test/)

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
