import { afterAll, beforeAll, describe, expect, test } from "vitest"

import {
  startBrokenDnsServer,
  startDnsServer,
  type RunningDnsServer,
} from "@/test-support/dns-server"

import { createLookups } from "./resolver"

let dns: RunningDnsServer
let silent: RunningDnsServer
let servfail: RunningDnsServer

beforeAll(async () => {
  ;[dns, silent, servfail] = await Promise.all([
    startDnsServer(),
    startBrokenDnsServer(),
    startBrokenDnsServer({ servfail: true }),
  ])
})
afterAll(async () => {
  await Promise.all([dns?.stop(), silent?.stop(), servfail?.stop()])
})

describe("createLookups against dnsmasq", () => {
  test("reads TXT, MX and CNAME records", async () => {
    const lookups = createLookups({ servers: [`127.0.0.1:${dns.port}`] })
    expect(await lookups.txt("good.test")).toEqual({
      ok: true,
      records: expect.arrayContaining([
        "v=spf1 ip4:203.0.113.10 include:spf.protection.outlook.com -all",
      ]),
    })
    expect(await lookups.mx("good.test")).toEqual({
      ok: true,
      records: [{ exchange: "good-test.mail.protection.outlook.com", priority: 0 }],
    })
    expect(await lookups.cname("selector1._domainkey.good.test")).toEqual({
      ok: true,
      records: ["selector1-good-test._domainkey.contoso.onmicrosoft.com"],
    })
  })

  test("reports NXDOMAIN and no data as such", async () => {
    const lookups = createLookups({ servers: [`127.0.0.1:${dns.port}`] })
    expect(await lookups.txt("missing.test")).toEqual({ ok: false, failure: "nxdomain" })
    expect(await lookups.a("good.test")).toEqual({ ok: false, failure: "nodata" })
  })

  test("reports a server that never answers as a timeout, within the lookup's timeout", async () => {
    const lookups = createLookups({
      servers: [`127.0.0.1:${silent.port}`],
      timeoutMs: 300,
      tries: 1,
    })
    const started = Date.now()
    expect(await lookups.txt("good.test")).toEqual({ ok: false, failure: "timeout" })
    expect(Date.now() - started).toBeLessThan(3000)
  })

  test("reports SERVFAIL as such", async () => {
    const lookups = createLookups({ servers: [`127.0.0.1:${servfail.port}`], tries: 1 })
    expect(await lookups.mx("good.test")).toEqual({ ok: false, failure: "servfail" })
  })
})
