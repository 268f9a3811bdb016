import "server-only"

import packageJson from "@/package.json"
import { sharedStore } from "@/lib/shared-store/connection"

/** Where a load balancer or an orchestrator asks whether this instance can serve. */
export const HEALTH_PATH = "/api/health"

export type Health =
  { status: "ok"; version: string } | { status: "unavailable"; version: string; reason: string }

/**
 * Whether this instance can serve: "ok" with smtp365's version, or "unavailable" with the reason
 * when a dependency it needs does not answer (Redis, when SMTP365_REDIS_URL is set: without it
 * every limited action and every device code sign-in is refused). It names no host, address,
 * variable value or secret.
 */
export async function checkHealth(): Promise<Health> {
  const { version } = packageJson
  const store = sharedStore()
  if (store) {
    try {
      await store.run((redis) => redis.ping())
    } catch {
      return {
        status: "unavailable",
        version,
        reason:
          "Redis, which this instance shares its limits and sign-ins through, does not answer.",
      }
    }
  }
  return { status: "ok", version }
}
