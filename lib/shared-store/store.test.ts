import { setTimeout as sleep } from "node:timers/promises"
import { afterAll, beforeAll, describe, expect, test } from "vitest"

import { freePort } from "@/test-support/free-port"
import { startRedisServer, type RunningRedis } from "@/test-support/redis-server"

import { createSharedStore, type SharedStore } from "./store"
import { SharedStoreUnavailable } from "./unavailable"

// A real redis-server on loopback, stopped, restarted and frozen by the tests.
const SECRET = "store-test-secret-of-at-least-32-characters"
const TIMEOUT_MS = 500

let redis: RunningRedis
const stores: SharedStore[] = []

function storeAt(url: string, lines: string[]) {
  const store = createSharedStore({
    url,
    secretKey: SECRET,
    timeoutMs: TIMEOUT_MS,
    log: (line) => lines.push(line),
  })
  stores.push(store)
  return store
}

/** How long `promise` took to settle, and what it rejected with (undefined when it resolved). */
async function timed(promise: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const start = performance.now()
  const error = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection
  )
  return { error, ms: performance.now() - start }
}

beforeAll(async () => {
  redis = await startRedisServer()
})

afterAll(async () => {
  for (const store of stores) store.close()
  await redis.close()
})

describe("the shared store (Redis)", () => {
  test("unreachable at start: every command fails within the timeout, and the log has one line without the password", async () => {
    const lines: string[] = []
    const port = await freePort()
    const store = storeAt(`redis://:hunter2-redis-password@127.0.0.1:${port}`, lines)
    const first = await timed(store.run((client) => client.ping()))
    expect(first.error).toBeInstanceOf(SharedStoreUnavailable)
    expect(first.ms).toBeLessThan(TIMEOUT_MS + 300)
    // Later commands fail at once, while it keeps trying to connect in the background.
    await sleep(1_500)
    const later = await timed(store.run((client) => client.ping()))
    expect(later.error).toBeInstanceOf(SharedStoreUnavailable)
    expect(later.ms).toBeLessThan(50)
    expect(lines).toEqual([
      `smtp365: Redis at 127.0.0.1:${port} does not answer (ECONNREFUSED); actions that need it are refused until it does.`,
    ])
  })

  test("stopped mid-run: commands fail at once; restarted: they work again, with a line for each", async () => {
    const lines: string[] = []
    const store = storeAt(redis.url, lines)
    expect(await store.run((client) => client.set("smtp365:test", "1"))).toBe("OK")

    await redis.stop()
    await sleep(200)
    const down = await timed(store.run((client) => client.get("smtp365:test")))
    expect(down.error).toBeInstanceOf(SharedStoreUnavailable)
    expect(down.ms).toBeLessThan(50)
    expect((down.error as Error).message).toMatch(
      /^smtp365 cannot reach the store its servers share/
    )
    expect(lines).toHaveLength(1)

    await redis.restart()
    await expect
      .poll(() => store.run((client) => client.ping()).catch(() => "down"), { timeout: 5_000 })
      .toBe("PONG")
    expect(lines[1]).toBe(`smtp365: Redis at 127.0.0.1:${redis.port} answers again.`)
    expect(lines).toHaveLength(2)
  })

  test("a Redis that stops answering (frozen): a command fails within the timeout, never hangs", async () => {
    const lines: string[] = []
    const store = storeAt(redis.url, lines)
    expect(await store.run((client) => client.ping())).toBe("PONG")
    redis.freeze()
    try {
      const frozen = await timed(store.run((client) => client.get("smtp365:test")))
      expect(frozen.error).toBeInstanceOf(SharedStoreUnavailable)
      expect(frozen.ms).toBeLessThan(TIMEOUT_MS + 600)
      expect(lines).toHaveLength(1)
    } finally {
      redis.thaw()
    }
    await expect
      .poll(() => store.run((client) => client.ping()).catch(() => "down"), { timeout: 5_000 })
      .toBe("PONG")
  })

  test("names keys without the value they stand for", () => {
    const store = storeAt(redis.url, [])
    const key = store.key("sign-in", "flow-id-that-is-a-bearer-secret")
    expect(key).toMatch(/^smtp365:sign-in:[\w-]{32}$/)
    expect(key).not.toContain("flow-id")
  })
})
