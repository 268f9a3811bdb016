// From their own files, not the package's index, which loads every store it supports
// (rate-limiter-flexible.d.ts).
import RateLimiterMemory from "rate-limiter-flexible/lib/RateLimiterMemory"
import RateLimiterRedis from "rate-limiter-flexible/lib/RateLimiterRedis"
import RateLimiterRes from "rate-limiter-flexible/lib/RateLimiterRes"

import type { SharedStore } from "@/lib/shared-store/store"

export interface RateLimitVerdict {
  allowed: boolean
  /** When refused: whole seconds until the next test send is allowed. */
  retryAfterSeconds: number
  /** When refused: which limit was reached. */
  limit?: "client" | "recipient"
}

export interface TestSendLimiter {
  /** Counts one test send from `client` to `recipient`, or refuses it if either is over its limit. */
  consume(client: string, recipient: string): Promise<RateLimitVerdict>
}

/** Fixed one-minute windows of points per key: what both stores offer. */
interface PointLimiter {
  consume(key: string, points: number): Promise<RateLimiterRes>
  reward(key: string, points: number): Promise<RateLimiterRes>
}

/** Where the limits count: this process's memory, or the Redis every instance shares. */
export interface LimitStore {
  /** A limiter of `perMinute` points a minute; `name` keeps each limit's counters apart. */
  limiter(name: string, perMinute: number): PointLimiter
}

/** Counters in this process's memory: several instances each count on their own. */
export const memoryLimits: LimitStore = {
  limiter: (_name, perMinute) => new RateLimiterMemory({ points: perMinute, duration: 60 }),
}

/**
 * Counters in Redis (rate-limiter-flexible's RateLimiterRedis over node-redis), shared by every
 * instance that uses the same Redis, under "smtp365:limit:<name>:<hash of the key>": no client
 * address or mailbox in clear. When Redis does not answer, a call throws SharedStoreUnavailable
 * rather than letting the request through uncounted.
 */
export function redisLimits(store: SharedStore): LimitStore {
  return {
    limiter(name, perMinute) {
      const redis = new RateLimiterRedis({
        storeClient: store.client,
        // node-redis (the `redis` package), not ioredis.
        useRedisPackage: true,
        // Fail at once while disconnected, as every other Redis call here does.
        rejectIfRedisNotReady: true,
        points: perMinute,
        duration: 60,
        keyPrefix: `smtp365:limit:${name}`,
      })
      const keyOf = (key: string) => store.hash(`limit:${name}`, key)
      // A refusal is the limit's answer, not a fault of Redis: it crosses run() as a value.
      const call = async (counting: () => Promise<RateLimiterRes>) => {
        const outcome = await store.run(() =>
          counting().then(
            (answer) => ({ answer }),
            (rejection: unknown) =>
              rejection instanceof RateLimiterRes
                ? { refused: rejection }
                : Promise.reject(rejection as Error)
          )
        )
        if ("refused" in outcome) throw outcome.refused
        return outcome.answer
      }
      return {
        consume: (key, points) => call(() => redis.consume(keyOf(key), points)),
        reward: (key, points) => call(() => redis.reward(keyOf(key), points)),
      }
    },
  }
}

export interface LimiterOptions {
  /** Memory by default. */
  store?: LimitStore
  /** Keeps this limit's counters apart from the others' in a shared store. */
  name?: string
}

/**
 * Two fixed one-minute windows: one per client address, one per recipient mailbox (see
 * mailboxKey), each allowing `perMinute` test sends. A refused send counts against neither, so a
 * client that waits gets its sends back on time. In memory, several instances behind a load
 * balancer each count on their own; in Redis (redisLimits) they share the counts.
 */
export function createTestSendLimiter(
  perMinute: number,
  { store = memoryLimits, name = "test-send" }: LimiterOptions = {}
): TestSendLimiter {
  const perClient = store.limiter(`${name}:client`, perMinute)
  const perRecipient = store.limiter(`${name}:recipient`, perMinute)

  return {
    async consume(client, recipient) {
      const byClient = await take(perClient, client)
      if (byClient) return { allowed: false, retryAfterSeconds: byClient, limit: "client" }
      const byRecipient = await take(perRecipient, mailboxKey(recipient))
      if (byRecipient) {
        // The send does not happen, so it does not count against the client either.
        await perClient.reward(client, 1)
        return { allowed: false, retryAfterSeconds: byRecipient, limit: "recipient" }
      }
      return { allowed: true, retryAfterSeconds: 0 }
    },
  }
}

/** Counts requests per client address alone. */
export interface ClientLimiter {
  /** Counts one request from `client`, or refuses it when the client is over its limit. */
  consume(client: string): Promise<RateLimitVerdict>
}

/**
 * One fixed one-minute window per client address, allowing `perMinute` requests; a refused
 * request does not count. For actions that send nothing to anyone (the domain checks), so no
 * per-recipient limit applies.
 */
export function createClientLimiter(
  perMinute: number,
  { store = memoryLimits, name = "client" }: LimiterOptions = {}
): ClientLimiter {
  const perClient = store.limiter(`${name}:client`, perMinute)
  return {
    async consume(client) {
      const wait = await take(perClient, client)
      if (wait) return { allowed: false, retryAfterSeconds: wait, limit: "client" }
      return { allowed: true, retryAfterSeconds: 0 }
    },
  }
}

/**
 * The mailbox an address reaches, as the per-recipient limit counts it: in lower case, and without
 * a "+tag" in the local part. Exchange Online delivers victim+anything@contoso.com to
 * victim@contoso.com (plus addressing, on by default: SOURCES.plusAddressing), so every tag would
 * otherwise be a new recipient to the limit and the same mailbox. Exchange Online matches addresses
 * regardless of case, local part and domain alike.
 */
export function mailboxKey(address: string): string {
  const lower = address.trim().toLowerCase()
  const at = lower.lastIndexOf("@")
  if (at < 0) return lower
  const mailbox = lower.slice(0, at).split("+")[0] ?? ""
  return `${mailbox}${lower.slice(at)}`
}

/** Consumes one point; the seconds to wait when the key is over its limit, otherwise 0. */
async function take(limiter: PointLimiter, key: string): Promise<number> {
  try {
    await limiter.consume(key, 1)
    return 0
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection
    // A refused consume still adds its point, in memory and in Redis alike; give it back.
    await limiter.reward(key, 1)
    return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
  }
}
