import "server-only"

import { headers } from "next/headers"

import { env } from "@/lib/env"
import { clientAddress } from "./client-address"
import { createTestSendLimiter, type RateLimitVerdict, type TestSendLimiter } from "./rate-limit"

/** What a refused request answers instead. */
export interface RateLimited {
  error: string
  retryAfterSeconds: number
}

/**
 * An abuse limit of SMTP365_RATE_LIMIT a minute per client address and per key (a recipient, a
 * mailbox), with its own counters. Call it once the input is known to be well formed: malformed
 * input sends nothing, so it costs nothing.
 */
function perMinuteLimit(what: string): (key: string) => Promise<RateLimited | null> {
  let limiter: TestSendLimiter | undefined
  return async (key) => {
    const { SMTP365_RATE_LIMIT, SMTP365_TRUST_PROXY } = env()
    limiter ??= createTestSendLimiter(SMTP365_RATE_LIMIT)
    const verdict = await limiter.consume(await requestClient(SMTP365_TRUST_PROXY), key)
    if (verdict.allowed) return null
    return {
      error: rateLimitMessage(verdict, SMTP365_RATE_LIMIT, what),
      retryAfterSeconds: verdict.retryAfterSeconds,
    }
  }
}

/** Test sends, per client address and per recipient. */
export const limitTestSend = perMinuteLimit("test sends")

/** Device code sign-ins, per client address and per mailbox. */
export const limitDeviceCodeStart = perMinuteLimit("sign-ins")

/** The client's address; outside a request (an action called directly, as unit tests do) one key. */
async function requestClient(trustProxy: string | undefined): Promise<string> {
  try {
    return clientAddress(await headers(), trustProxy)
  } catch {
    return "no-request"
  }
}

/** "Too many test sends from your address (10 a minute here). Try again in 42 seconds." */
export function rateLimitMessage(
  verdict: RateLimitVerdict,
  perMinute: number,
  what = "test sends"
): string {
  const who = verdict.limit === "recipient" ? "to this recipient" : "from your address"
  const wait = verdict.retryAfterSeconds
  return `Too many ${what} ${who} (${perMinute} a minute on this smtp365). Nothing was sent: try again in ${wait} second${wait === 1 ? "" : "s"}.`
}
