import { afterAll, beforeAll, describe, expect, test } from "vitest"

import { startDnsServer, type RunningDnsServer } from "@/test-support/dns-server"

import { createLookups, type DnsLookups } from "./resolver"
import { checkHost, evaluateRecord } from "./spf-evaluate"
import { expandMacros, parseSpf } from "./spf-record"

let dns: RunningDnsServer
let lookups: DnsLookups

beforeAll(async () => {
  dns = await startDnsServer()
  lookups = createLookups({ servers: [`127.0.0.1:${dns.port}`] })
})
afterAll(async () => {
  await dns?.stop()
})

/** check_host() for a record published at example.com (RFC 7208 appendix A's zone). */
const at = (record: string, ip: string) =>
  evaluateRecord(lookups, record, { ip, domain: "example.com" }).then((r) => r.result)

describe("RFC 7208 appendix A.1: simple examples", () => {
  test("v=spf1 +all: any host passes", async () => {
    expect(await at("v=spf1 +all", "198.51.100.1")).toBe("pass")
  })
  test("v=spf1 a -all: 192.0.2.10 and 192.0.2.11 pass", async () => {
    expect(await at("v=spf1 a -all", "192.0.2.10")).toBe("pass")
    expect(await at("v=spf1 a -all", "192.0.2.11")).toBe("pass")
    expect(await at("v=spf1 a -all", "192.0.2.65")).toBe("fail")
  })
  test("v=spf1 a:example.org -all: no host passes, example.org has no A record", async () => {
    expect(await at("v=spf1 a:example.org -all", "192.0.2.10")).toBe("fail")
  })
  test("v=spf1 mx -all: 192.0.2.129 and 192.0.2.130 pass", async () => {
    expect(await at("v=spf1 mx -all", "192.0.2.129")).toBe("pass")
    expect(await at("v=spf1 mx -all", "192.0.2.130")).toBe("pass")
    expect(await at("v=spf1 mx -all", "192.0.2.140")).toBe("fail")
  })
  test("v=spf1 mx:example.org -all: 192.0.2.140 passes", async () => {
    expect(await at("v=spf1 mx:example.org -all", "192.0.2.140")).toBe("pass")
    expect(await at("v=spf1 mx:example.org -all", "192.0.2.129")).toBe("fail")
  })
  test("v=spf1 mx mx:example.org -all: 192.0.2.129, .130 and .140 pass", async () => {
    for (const ip of ["192.0.2.129", "192.0.2.130", "192.0.2.140"]) {
      expect(await at("v=spf1 mx mx:example.org -all", ip)).toBe("pass")
    }
  })
  test("v=spf1 mx/30 mx:example.org/30 -all: hosts in 192.0.2.128/30 and 192.0.2.140/30 pass", async () => {
    const record = "v=spf1 mx/30 mx:example.org/30 -all"
    expect(await at(record, "192.0.2.131")).toBe("pass")
    expect(await at(record, "192.0.2.143")).toBe("pass")
    expect(await at(record, "192.0.2.132")).toBe("fail")
  })
  test("v=spf1 ptr -all: 192.0.2.65 passes, 192.0.2.140 and 10.0.0.4 fail", async () => {
    expect(await at("v=spf1 ptr -all", "192.0.2.65")).toBe("pass")
    expect(await at("v=spf1 ptr -all", "192.0.2.140")).toBe("fail")
    expect(await at("v=spf1 ptr -all", "10.0.0.4")).toBe("fail")
  })
  test("v=spf1 ip4:192.0.2.128/28 -all: 192.0.2.65 fails, 192.0.2.129 passes", async () => {
    expect(await at("v=spf1 ip4:192.0.2.128/28 -all", "192.0.2.65")).toBe("fail")
    expect(await at("v=spf1 ip4:192.0.2.128/28 -all", "192.0.2.129")).toBe("pass")
  })
})

describe("RFC 7208 appendix A.4: a DNSBL-style exists: with macros", () => {
  test("passes the IP listed under %{ir}.%{v}._spf.%{d}", async () => {
    const record = "v=spf1 exists:%{ir}.%{v}._spf.%{d} -all"
    expect(await at(record, "192.0.2.3")).toBe("pass")
    expect(await at(record, "192.0.2.4")).toBe("fail")
  })
})

describe("results, limits and errors (RFC 7208 §4.6.4, §5)", () => {
  test("qualifiers give fail, softfail and neutral; no match and no all is neutral", async () => {
    expect(await at("v=spf1 ~all", "192.0.2.1")).toBe("softfail")
    expect(await at("v=spf1 ?all", "192.0.2.1")).toBe("neutral")
    expect(await at("v=spf1 ip4:192.0.2.9", "192.0.2.1")).toBe("neutral")
    expect(await at("v=spf1 ip6:2001:db8::/32 -all", "2001:db8::cb01")).toBe("pass")
  })

  test("include: passes through an included record, and a missing one is a permerror", async () => {
    const pass = await checkHost(lookups, { ip: "40.107.1.2", domain: "good.test" })
    expect(pass).toEqual({ result: "pass", mechanism: "include:spf.protection.outlook.com" })
    expect(await at("v=spf1 include:nothing-here.test -all", "192.0.2.1")).toBe("permerror")
  })

  test("more than 10 DNS-querying terms is a permerror", async () => {
    const result = await checkHost(lookups, { ip: "192.0.2.1", domain: "toomany.test" })
    expect(result.result).toBe("permerror")
    expect(result.reason).toMatch(/more than 10 DNS lookups/)
  })

  test("a third void lookup is a permerror", async () => {
    const record = "v=spf1 a:no1.example.com a:no2.example.com a:no3.example.com -all"
    const result = await evaluateRecord(lookups, record, { ip: "192.0.2.1", domain: "example.com" })
    expect(result.result).toBe("permerror")
    expect(result.reason).toMatch(/more than 2 lookups found nothing/)
  })

  test("two SPF records, or none, at the domain", async () => {
    expect((await checkHost(lookups, { ip: "192.0.2.1", domain: "twospf.test" })).result).toBe(
      "permerror"
    )
    expect((await checkHost(lookups, { ip: "192.0.2.1", domain: "missing.test" })).result).toBe(
      "none"
    )
  })

  test("redirect= applies when nothing matched", async () => {
    expect(await at("v=spf1 redirect=good.test", "203.0.113.10")).toBe("pass")
    expect(await at("v=spf1 redirect=good.test", "198.51.100.1")).toBe("fail")
  })

  test("syntax errors are permerrors", async () => {
    expect(await at("v=spf1 ip4:300.1.1.1 -all", "192.0.2.1")).toBe("permerror")
    expect(await at("v=spf1 foo:bar -all", "192.0.2.1")).toBe("permerror")
    expect(parseSpf("v=spf1 redirect=a.test redirect=b.test").ok).toBe(false)
    // Unknown modifiers are ignored.
    expect(parseSpf("v=spf1 moo=cow -all").ok).toBe(true)
  })
})

describe("RFC 7208 §7.4 macro examples", () => {
  const context = {
    sender: "strong-bad@email.example.com",
    domain: "email.example.com",
    ip: "192.0.2.3",
  }
  test.each([
    ["%{s}", "strong-bad@email.example.com"],
    ["%{o}", "email.example.com"],
    ["%{d}", "email.example.com"],
    ["%{d4}", "email.example.com"],
    ["%{d3}", "email.example.com"],
    ["%{d2}", "example.com"],
    ["%{d1}", "com"],
    ["%{dr}", "com.example.email"],
    ["%{d2r}", "example.email"],
    ["%{l}", "strong-bad"],
    ["%{l-}", "strong.bad"],
    ["%{lr}", "strong-bad"],
    ["%{lr-}", "bad.strong"],
    ["%{l1r-}", "strong"],
    ["%{ir}.%{v}._spf.%{d2}", "3.2.0.192.in-addr._spf.example.com"],
    ["%{lr-}.lp._spf.%{d2}", "bad.strong.lp._spf.example.com"],
    ["%{lr-}.lp.%{ir}.%{v}._spf.%{d2}", "bad.strong.lp.3.2.0.192.in-addr._spf.example.com"],
    ["%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}", "3.2.0.192.in-addr.strong.lp._spf.example.com"],
    ["%{d2}.trusted-domains.example.net", "example.com.trusted-domains.example.net"],
  ])("%s expands to %s", (macro, expansion) => {
    expect(expandMacros(macro, context)).toBe(expansion)
  })

  test("IPv6: %{ir}.%{v}._spf.%{d2}", () => {
    expect(expandMacros("%{ir}.%{v}._spf.%{d2}", { ...context, ip: "2001:db8::cb01" })).toBe(
      "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com"
    )
  })
})
