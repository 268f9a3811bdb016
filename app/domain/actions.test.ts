import { createSocket, type Socket } from "node:dgram"
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest"

import { DOMAIN_CHECKS_PER_TEST_SEND } from "@/lib/security/limit-test-send"

// A DNS server on loopback that counts the queries it gets and answers each with NXDOMAIN: the
// checks run for real, and a refused one must not ask anything.
let dns: Socket
let queries = 0

beforeAll(async () => {
  dns = createSocket("udp4")
  dns.on("message", (query, peer) => {
    if (query.length < 12) return
    queries++
    const reply = Buffer.from(query)
    // QR=1 with the query's opcode and RD; RA=1 and RCODE=3 (NXDOMAIN).
    reply[2] = 0x80 | ((query[2] ?? 0) & 0x79)
    reply[3] = 0x83
    dns.send(reply, peer.port, peer.address)
  })
  await new Promise<void>((resolve) => dns.bind(0, "127.0.0.1", resolve))
  // One test send a minute: the domain checks get DOMAIN_CHECKS_PER_TEST_SEND.
  vi.stubEnv("SMTP365_RATE_LIMIT", "1")
  vi.stubEnv("SMTP365_DNS_SERVERS", `127.0.0.1:${dns.address().port}`)
})

afterAll(async () => {
  vi.unstubAllEnvs()
  await new Promise<void>((resolve) => dns.close(() => resolve()))
})

describe("domain check actions", () => {
  test("are limited per client address together, and a refused check asks DNS nothing", async () => {
    const { checkDomain, findMxEndpoint } = await import("./actions")
    const allowed = DOMAIN_CHECKS_PER_TEST_SEND
    for (let i = 0; i < allowed; i++) {
      const before = queries
      const result =
        i % 2
          ? await findMxEndpoint(`contoso${i}.test`)
          : await checkDomain({ domain: `contoso${i}.test`, method: "smtp-auth" })
      expect(result.ok).toBe(true)
      expect(queries).toBeGreaterThan(before)
    }
    const before = queries
    for (const refused of [
      await checkDomain({ domain: "contoso.test", method: "smtp-auth" }),
      await findMxEndpoint("contoso.test"),
    ]) {
      expect(refused).toMatchObject({
        ok: false,
        error: expect.stringMatching(
          /^Too many domain checks from your address \(3 a minute on this smtp365\)\. Nothing was looked up: try again in \d+ seconds\.$/
        ),
      })
      const wait = refused.ok ? 0 : (refused.retryAfterSeconds ?? 0)
      expect(wait).toBeGreaterThanOrEqual(59)
      expect(wait).toBeLessThanOrEqual(60)
    }
    expect(queries).toBe(before)
    // Input that is not a domain costs nothing and still gets its field error.
    expect(await checkDomain({ domain: "not a domain", method: "smtp-auth" })).toMatchObject({
      ok: false,
      fieldErrors: { domain: expect.any(String) },
    })
  })
})
