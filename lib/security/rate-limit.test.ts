import { randomUUID } from "node:crypto"
import { afterAll, beforeAll, describe, expect, test } from "vitest"

import { createSharedStore, type SharedStore } from "@/lib/shared-store/store"
import { SharedStoreUnavailable } from "@/lib/shared-store/unavailable"
import { startRedisServer, type RunningRedis } from "@/test-support/redis-server"

import { rateLimitMessage } from "./limit-test-send"
import {
  createClientLimiter,
  createTestSendLimiter,
  memoryLimits,
  redisLimits,
  type LimiterOptions,
} from "./rate-limit"

// The same limits in this process's memory and in a real redis-server on loopback, where several
// connections (instances) share them.
const SECRET = "rate-limit-test-secret-of-32-characters"
let redis: RunningRedis
const stores: SharedStore[] = []

/** A connection to the test's Redis, as one smtp365 instance has. */
function instance(url = redis.url): SharedStore {
  const store = createSharedStore({ url, secretKey: SECRET, log: () => undefined })
  stores.push(store)
  return store
}

beforeAll(async () => {
  redis = await startRedisServer()
})

afterAll(async () => {
  for (const store of stores) store.close()
  await redis.close()
})

/** Each test's limiters count under their own name, so tests sharing one Redis stay apart. */
const STORES: [string, () => LimiterOptions][] = [
  ["in memory", () => ({ store: memoryLimits })],
  ["in Redis", () => ({ store: redisLimits(instance()), name: randomUUID() })],
]

describe.each(STORES)("createTestSendLimiter, %s", (_where, limits) => {
  test("allows the set number of test sends a minute per client address, then says when to retry", async () => {
    const limiter = createTestSendLimiter(3, limits())
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
    const limiter = createTestSendLimiter(2, limits())
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
    const limiter = createTestSendLimiter(3, limits())
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
    const limiter = createTestSendLimiter(1, limits())
    await limiter.consume("192.0.2.9", "a@contoso.com")
    for (let i = 0; i < 20; i++) await limiter.consume("192.0.2.9", "a@contoso.com")
    const refused = await limiter.consume("192.0.2.9", "a@contoso.com")
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60)
  })
})

describe.each(STORES)("createClientLimiter, %s", (_where, limits) => {
  test("allows the set number of requests a minute per client address, then says when to retry", async () => {
    const limiter = createClientLimiter(3, limits())
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

describe("limits shared through Redis", () => {
  test("a limit reached through one instance holds on another", async () => {
    const name = randomUUID()
    const first = createTestSendLimiter(3, { store: redisLimits(instance()), name })
    const second = createTestSendLimiter(3, { store: redisLimits(instance()), name })
    for (let i = 0; i < 3; i++) {
      expect((await first.consume("198.51.100.70", `user${i}@contoso.com`)).allowed).toBe(true)
    }
    expect(await second.consume("198.51.100.70", "other@contoso.com")).toMatchObject({
      allowed: false,
      limit: "client",
    })
    // The mailbox's count is shared too.
    expect((await second.consume("198.51.100.71", "user0@contoso.com")).allowed).toBe(true)
    expect((await first.consume("198.51.100.72", "USER0@contoso.com")).allowed).toBe(true)
    expect(await second.consume("198.51.100.73", "user0+x@contoso.com")).toMatchObject({
      allowed: false,
      limit: "recipient",
    })
  })

  test("Redis keys name neither client addresses nor mailboxes", async () => {
    const store = instance()
    const limiter = createTestSendLimiter(3, { store: redisLimits(store), name: "keys" })
    await limiter.consume("198.51.100.90", "private.person@contoso.com")
    const keys = await store.run(async (client) => {
      const found: string[] = []
      for await (const batch of client.scanIterator({ MATCH: "smtp365:limit:keys:*" })) {
        found.push(...batch.map(String))
      }
      return found
    })
    expect(keys).toHaveLength(2)
    for (const key of keys) {
      expect(key).toMatch(/^smtp365:limit:keys:(client|recipient):[\w-]{32}$/)
      expect(key).not.toMatch(/198\.51|private|contoso/)
    }
  })

  test("Redis unreachable: the limiter throws SharedStoreUnavailable at once, letting nothing through", async () => {
    const store = instance("redis://127.0.0.1:1")
    const limiter = createClientLimiter(3, { store: redisLimits(store), name: "down" })
    await expect(limiter.consume("198.51.100.80")).rejects.toBeInstanceOf(SharedStoreUnavailable)
    const start = performance.now()
    await expect(limiter.consume("198.51.100.80")).rejects.toBeInstanceOf(SharedStoreUnavailable)
    expect(performance.now() - start).toBeLessThan(50)
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
