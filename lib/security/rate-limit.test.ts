import { describe, expect, test } from "vitest"

import { rateLimitMessage } from "./limit-test-send"
import { createClientLimiter, createTestSendLimiter } from "./rate-limit"

describe("createTestSendLimiter", () => {
  test("allows the set number of test sends a minute per client address, then says when to retry", async () => {
    const limiter = createTestSendLimiter(3)
    for (let i = 0; i < 3; i++) {
      expect(await limiter.consume("198.51.100.7", `user${i}@contoso.com`)).toMatchObject({
        allowed: true,
      })
    }
    const refused = await limiter.consume("198.51.100.7", "other@contoso.com")
    expect(refused).toMatchObject({ allowed: false, limit: "client" })
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(59)
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60)
    // Another address is counted on its own.
    expect(await limiter.consume("198.51.100.8", "other@contoso.com")).toMatchObject({
      allowed: true,
    })
  })

  test("limits each recipient across client addresses, ignoring case", async () => {
    const limiter = createTestSendLimiter(2)
    expect((await limiter.consume("192.0.2.1", "ceo@fabrikam.com")).allowed).toBe(true)
    expect((await limiter.consume("192.0.2.2", "CEO@Fabrikam.com ")).allowed).toBe(true)
    expect(await limiter.consume("192.0.2.3", "ceo@fabrikam.com")).toMatchObject({
      allowed: false,
      limit: "recipient",
    })
    // The refused send did not count against 192.0.2.3: it may still send twice elsewhere.
    expect((await limiter.consume("192.0.2.3", "a@contoso.com")).allowed).toBe(true)
    expect((await limiter.consume("192.0.2.3", "b@contoso.com")).allowed).toBe(true)
    expect((await limiter.consume("192.0.2.3", "c@contoso.com")).allowed).toBe(false)
  })

  test("counts every plus address of a mailbox as that mailbox, from any client address", async () => {
    // Exchange Online delivers victim+anything@ to victim@ (plus addressing): one mailbox.
    const limiter = createTestSendLimiter(3)
    const verdicts = []
    for (let i = 1; i <= 40; i++) {
      const recipient = i % 2 ? `victim+${i}@contoso.com` : `Victim+Tag${i}@CONTOSO.com`
      verdicts.push(await limiter.consume(`203.0.113.${i}`, recipient))
    }
    verdicts.push(await limiter.consume("203.0.113.200", "VICTIM@contoso.com"))
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(3)
    expect(verdicts.slice(3).every((verdict) => verdict.limit === "recipient")).toBe(true)
    expect(verdicts.at(-1)?.retryAfterSeconds).toBeGreaterThanOrEqual(59)
    // Another mailbox of the same domain, and the same name at another domain, are counted apart.
    expect((await limiter.consume("203.0.113.201", "other+1@contoso.com")).allowed).toBe(true)
    expect((await limiter.consume("203.0.113.202", "victim+1@fabrikam.com")).allowed).toBe(true)
  })

  test("refused attempts do not extend the wait", async () => {
    const limiter = createTestSendLimiter(1)
    await limiter.consume("192.0.2.9", "a@contoso.com")
    for (let i = 0; i < 20; i++) await limiter.consume("192.0.2.9", "a@contoso.com")
    const refused = await limiter.consume("192.0.2.9", "a@contoso.com")
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60)
  })
})

describe("createClientLimiter", () => {
  test("allows the set number of requests a minute per client address, then says when to retry", async () => {
    const limiter = createClientLimiter(3)
    for (let i = 0; i < 3; i++) {
      expect(await limiter.consume("198.51.100.30")).toEqual({
        allowed: true,
        retryAfterSeconds: 0,
      })
    }
    const refused = await limiter.consume("198.51.100.30")
    expect(refused).toMatchObject({ allowed: false, limit: "client" })
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(59)
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60)
    // Another client still gets through, and refusals did not count.
    expect((await limiter.consume("198.51.100.31")).allowed).toBe(true)
    for (let i = 0; i < 10; i++) await limiter.consume("198.51.100.30")
    expect((await limiter.consume("198.51.100.30")).retryAfterSeconds).toBeLessThanOrEqual(60)
  })
})

describe("rateLimitMessage", () => {
  test("says which limit was reached, that nothing was sent, and when to retry", () => {
    expect(rateLimitMessage({ allowed: false, limit: "client", retryAfterSeconds: 42 }, 10)).toBe(
      "Too many test sends from your address (10 a minute on this smtp365). Nothing was sent: try again in 42 seconds."
    )
    expect(
      rateLimitMessage({ allowed: false, limit: "recipient", retryAfterSeconds: 1 }, 5)
    ).toMatch(/to this recipient .* try again in 1 second\.$/)
  })
})
