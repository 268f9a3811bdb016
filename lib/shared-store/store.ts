import "server-only"

import { createClient } from "redis"

import { storeKeys, type StoreKeys } from "./sealing"
import { SharedStoreUnavailable } from "./unavailable"

/**
 * Connecting to Redis gets at most this long, and so does each command: a request that needs Redis
 * never waits longer than about this for it, as the SMTP steps' own timeouts are short.
 */
export const SHARED_STORE_TIMEOUT_MS = 2_000
/** The longest pause between two attempts to reconnect, which run in the background. */
const RECONNECT_MAX_DELAY_MS = 1_000

/**
 * A node-redis client that never makes a request wait for Redis: while the connection is down,
 * every command fails at once (no offline queue), and a command that gets no reply within the
 * timeout fails too, even one already sent. It reconnects in the background, forever.
 */
function newClient(url: string, timeoutMs: number) {
  return createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: timeoutMs,
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, RECONNECT_MAX_DELAY_MS),
    },
    commandOptions: { timeout: timeoutMs, rejectInFlight: true },
  })
}

export type RedisClient = ReturnType<typeof newClient>

/** The Redis that instances share, with the keys derived from SMTP365_SECRET_KEY. */
export interface SharedStore extends StoreKeys {
  /** The node-redis client, for rate-limiter-flexible; call it only inside run(). */
  readonly client: RedisClient
  /**
   * Runs `work` (Redis commands) when Redis is connected. Throws SharedStoreUnavailable at once
   * when it is not, and when a command fails or gets no answer within the timeout.
   */
  run<T>(work: (client: RedisClient) => Promise<T>): Promise<T>
  /** "smtp365:<kind>:<hash of value>": a key name that does not show the value. */
  key(kind: string, value: string): string
  /** Calls `listener` every time the connection is (re)established. */
  onReady(listener: () => void): void
  close(): void
}

export interface SharedStoreOptions {
  /** SMTP365_REDIS_URL */
  url: string
  /** SMTP365_SECRET_KEY */
  secretKey: string
  /** The connection and command timeout; SHARED_STORE_TIMEOUT_MS unless a test sets it. */
  timeoutMs?: number
  /** The operator's log: one line when Redis stops answering, one when it answers again. */
  log?: (line: string) => void
}

/**
 * Connects to Redis in the background (newClient), so a request never waits for a connection
 * longer than the timeout. The operator's log gets one line per outage and one when it ends,
 * naming Redis by host and port, never with the URL's password.
 */
export function createSharedStore(options: SharedStoreOptions): SharedStore {
  const timeoutMs = options.timeoutMs ?? SHARED_STORE_TIMEOUT_MS
  const log = options.log ?? ((line: string) => console.error(line))
  const where = serverOf(options.url)
  const keys = storeKeys(options.secretKey)
  const client = newClient(options.url, timeoutMs)

  let state: "connecting" | "up" | "down" = "connecting"
  const readyListeners: (() => void)[] = []
  const down = (error: unknown) => {
    if (state === "down") return
    state = "down"
    log(
      `smtp365: Redis at ${where} does not answer (${describeError(error)}); actions that need it are refused until it does.`
    )
  }
  const up = () => {
    if (state === "down") log(`smtp365: Redis at ${where} answers again.`)
    state = "up"
  }
  // node-redis reports every failed reconnection here; a listener also keeps them from throwing.
  client.on("error", down)
  client.on("ready", () => {
    up()
    for (const listener of readyListeners) listener()
  })
  const firstAttempt = new Promise<void>((resolve) => {
    client.once("ready", resolve)
    client.once("error", () => resolve())
  })
  // Rejects only once the client is closed: the attempts themselves are reported as "error".
  client.connect().catch(() => undefined)

  return {
    ...keys,
    client,
    key: (kind, value) => `smtp365:${kind}:${keys.hash(kind, value)}`,
    async run(work) {
      // A request right after start-up waits for the first connection, within the timeout.
      if (state === "connecting") await withDeadline(firstAttempt, timeoutMs).catch(() => undefined)
      if (!client.isReady) throw new SharedStoreUnavailable()
      try {
        // node-redis times each command out; this catches whatever else could keep it waiting.
        const result = await withDeadline(work(client), timeoutMs + 500)
        up()
        return result
      } catch (error) {
        down(error)
        throw new SharedStoreUnavailable({ cause: error })
      }
    },
    onReady(listener) {
      readyListeners.push(listener)
    },
    close() {
      client.destroy()
    },
  }
}

/** Rejects when `promise` has not settled within `ms`. */
function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
  })
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer))
}

/** "host:port" of a Redis URL, for the log: never its user name or password. */
function serverOf(url: string): string {
  try {
    const { hostname, port } = new URL(url)
    return `${hostname}:${port || 6379}`
  } catch {
    return "its URL"
  }
}

/** An error's code ("ECONNREFUSED") or message; an AggregateError (one per address) has neither. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const code = (error as NodeJS.ErrnoException).code
  return code ?? (error.message || error.name)
}
