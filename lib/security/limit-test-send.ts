import "server-only"

import { headers } from "next/headers"

import { env } from "@/lib/env"
import { sharedStore } from "@/lib/shared-store/connection"
import { clientAddress } from "./client-address"
import {
  createClientLimiter,
  createTestSendLimiter,
  memoryLimits,
  redisLimits,
  type ClientLimiter,
  type LimitStore,
  type RateLimitVerdict,
  type TestSendLimiter,
} from "./rate-limit"

/** What a refused request answers instead. */
export interface RateLimited {
  error: string
  retryAfterSeconds: number
}

/** Where the limits count: Redis when SMTP365_REDIS_URL is set, this process's memory otherwise. */
function limitStore(): LimitStore {
  const store = sharedStore()
  return store ? redisLimits(store) : memoryLimits
}

/**
 * An abuse limit of SMTP365_RATE_LIMIT a minute per client address and per key (a recipient, a
 * mailbox), with its own counters under `name`. Call it once the input is known to be well
 * formed: malformed input sends nothing, so it costs nothing. Throws SharedStoreUnavailable when
 * the limits are in Redis and Redis does not answer.
 */
function perMinuteLimit(what: string, name: string): (key: string) => Promise<RateLimited | null> {
  let limiter: TestSendLimiter | undefined
  return async (key) => {
    const { SMTP365_RATE_LIMIT, SMTP365_TRUST_PROXY } = env()
    limiter ??= createTestSendLimiter(SMTP365_RATE_LIMIT, { store: limitStore(), name })
    const verdict = await limiter.consume(await requestClient(SMTP365_TRUST_PROXY), key)
    if (verdict.allowed) return null
    return {
      error: rateLimitMessage(verdict, SMTP365_RATE_LIMIT, what),
      retryAfterSeconds: verdict.retryAfterSeconds,
    }
  }
}

/** Test sends, per client address and per recipient. */
export const limitTestSend = perMinuteLimit("test sends", "test-send")

/** Device code sign-ins, per client address and per mailbox. */
export const limitDeviceCodeStart = perMinuteLimit("sign-ins", "sign-in")

/**
 * Domain checks allowed per client address for each test send SMTP365_RATE_LIMIT allows. A check
 * sends no mail but makes up to about 16 DNS queries (MX, SPF with its includes, DKIM, DMARC), and
 * a person fixing a domain asks again more often than they send: three times the send limit (30 a
 * minute by default, at most some 480 queries) is more than anyone typing needs and keeps one client from
 * turning smtp365 into a DNS query amplifier.
 */
export const DOMAIN_CHECKS_PER_TEST_SEND = 3

/**
 * Domain checks (the Domain page's check and the Server step's MX lookup, counted together), per
 * client address: DOMAIN_CHECKS_PER_TEST_SEND × SMTP365_RATE_LIMIT a minute.
 */
export const limitDomainCheck = perClientLimit(
  "domain checks",
  "domain-check",
  DOMAIN_CHECKS_PER_TEST_SEND
)

/**
 * An abuse limit per client address alone, of `multiple` × SMTP365_RATE_LIMIT a minute, with its
 * own counter under `name`, for actions that send nothing: the refusal says nothing was looked up.
 */
function perClientLimit(
  what: string,
  name: string,
  multiple: number
): () => Promise<RateLimited | null> {
  let limiter: ClientLimiter | undefined
  return async () => {
    const { SMTP365_RATE_LIMIT, SMTP365_TRUST_PROXY } = env()
    const perMinute = SMTP365_RATE_LIMIT * multiple
    limiter ??= createClientLimiter(perMinute, { store: limitStore(), name })
    const verdict = await limiter.consume(await requestClient(SMTP365_TRUST_PROXY))
    if (verdict.allowed) return null
    return {
      error: rateLimitMessage(verdict, perMinute, what, "Nothing was looked up"),
      retryAfterSeconds: verdict.retryAfterSeconds,
    }
  }
}

/** The address of the client making the current request, as the limits count it. */
export async function requestClientAddress(): Promise<string> {
  return requestClient(env().SMTP365_TRUST_PROXY)
}

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
  what = "test sends",
  nothing = "Nothing was sent"
): string {
  const who = verdict.limit === "recipient" ? "to this recipient" : "from your address"
  const wait = verdict.retryAfterSeconds
  return `Too many ${what} ${who} (${perMinute} a minute on this smtp365). ${nothing}: try again in ${wait} second${wait === 1 ? "" : "s"}.`
}
