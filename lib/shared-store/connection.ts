import "server-only"

import { env } from "@/lib/env"
import type { SharedStore } from "./store"

// One connection per server process, kept across hot reloads in development, and found by every
// copy of this module (Next.js bundles it once per layer: instrumentation.ts, the actions).
const storeKey = Symbol.for("smtp365.sharedStore")
const holder = globalThis as typeof globalThis & { [storeKey]?: SharedStore }

/**
 * Connects to the Redis that instances share (SMTP365_REDIS_URL), once, when the server starts
 * (lib/start-up.ts). node-redis is loaded only then: a server without Redis never loads it, and
 * its first test send doesn't wait for it (bench/results.md).
 */
export async function connectSharedStore(): Promise<void> {
  const { SMTP365_REDIS_URL: url, SMTP365_SECRET_KEY: secretKey } = env()
  if (!url || !secretKey || holder[storeKey]) return
  const { createSharedStore } = await import("./store")
  holder[storeKey] ??= createSharedStore({ url, secretKey })
}

/**
 * The Redis shared by every instance (SMTP365_REDIS_URL), connected at start; null when none is
 * configured, and each instance keeps its limits and sign-ins in its own memory.
 */
export function sharedStore(): SharedStore | null {
  const { SMTP365_REDIS_URL: url, SMTP365_SECRET_KEY: secretKey } = env()
  if (!url || !secretKey) return null
  const store = holder[storeKey]
  // Never fall back to this instance's memory: the instances would no longer share their limits.
  if (!store)
    throw new Error("SMTP365_REDIS_URL is set, but connectSharedStore() did not run at start")
  return store
}
