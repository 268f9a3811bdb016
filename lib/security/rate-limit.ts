import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible"

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

/**
 * Two fixed one-minute windows in this process's memory: one per client address, one per
 * recipient mailbox (see mailboxKey), each allowing `perMinute` test sends. A refused send counts against neither, so a
 * client that waits gets its sends back on time. Several instances behind a load balancer each
 * count on their own; sharing the limits needs a shared store (rate-limiter-flexible's
 * RateLimiterRedis takes the same options), see the README.
 */
export function createTestSendLimiter(perMinute: number): TestSendLimiter {
  const options = { points: perMinute, duration: 60 }
  const perClient = new RateLimiterMemory({ ...options, keyPrefix: "smtp365-client" })
  const perRecipient = new RateLimiterMemory({ ...options, keyPrefix: "smtp365-recipient" })

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
 * One fixed one-minute window per client address in this process's memory, allowing `perMinute`
 * requests; a refused request does not count. For actions that send nothing to anyone (the domain
 * checks), so no per-recipient limit applies.
 */
export function createClientLimiter(perMinute: number): ClientLimiter {
  const perClient = new RateLimiterMemory({ points: perMinute, duration: 60 })
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
async function take(limiter: RateLimiterMemory, key: string): Promise<number> {
  try {
    await limiter.consume(key, 1)
    return 0
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection
    // A refused consume still adds its point in the memory store; give it back.
    await limiter.reward(key, 1)
    return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
  }
}
