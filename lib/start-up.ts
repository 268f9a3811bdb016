import "server-only"

import { ConfigurationError, env } from "@/lib/env"
import { connectSharedStore } from "@/lib/shared-store/connection"

/**
 * The first thing the server does (instrumentation.ts): a configuration smtp365 refuses
 * (SMTP365_REDIS_URL without a usable SMTP365_SECRET_KEY) ends the process with what to fix,
 * rather than failing at the first request; with SMTP365_REDIS_URL, Redis is connected now, so an
 * unreachable Redis is in the log at start-up.
 */
export async function checkConfigurationAtStart(): Promise<void> {
  try {
    env()
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error
    console.error(`smtp365 cannot start: ${error.message}`)
    process.exit(1)
  }
  await connectSharedStore()
}
