import "server-only"

import { headers } from "next/headers"

import type { SendTestEmailResult } from "@/lib/action-result"
import { env } from "@/lib/env"
import { setupSchema } from "@/lib/schemas/setup"
import { clientAddress } from "./client-address"
import { createTestSendLimiter, type RateLimitVerdict, type TestSendLimiter } from "./rate-limit"

let limiter: TestSendLimiter | undefined

/**
 * The abuse limit of the test-send action: counts a well-formed test send against its client
 * address and its recipient, and answers the result to return instead when either is over
 * SMTP365_RATE_LIMIT a minute. Malformed input is left to the action's own validation (it sends
 * nothing, so it costs nothing).
 */
export async function limitTestSend(input: unknown): Promise<SendTestEmailResult | null> {
  const parsed = setupSchema.safeParse(input)
  if (!parsed.success) return null
  const { SMTP365_RATE_LIMIT, SMTP365_TRUST_PROXY } = env()
  limiter ??= createTestSendLimiter(SMTP365_RATE_LIMIT)
  const client = clientAddress(await headers(), SMTP365_TRUST_PROXY)
  const verdict = await limiter.consume(client, parsed.data.test.to)
  if (verdict.allowed) return null
  return {
    kind: "error",
    error: rateLimitMessage(verdict, SMTP365_RATE_LIMIT),
    retryAfterSeconds: verdict.retryAfterSeconds,
  }
}

/** "Too many test sends from your address (10 a minute here). Try again in 42 seconds." */
export function rateLimitMessage(verdict: RateLimitVerdict, perMinute: number): string {
  const what = verdict.limit === "recipient" ? "to this recipient" : "from your address"
  const wait = verdict.retryAfterSeconds
  return `Too many test sends ${what} (${perMinute} a minute on this smtp365). Nothing was sent: try again in ${wait} second${wait === 1 ? "" : "s"}.`
}
