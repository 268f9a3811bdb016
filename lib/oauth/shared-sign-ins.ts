import "server-only"

import type { SharedStore } from "@/lib/shared-store/store"
import type { IdentityFailure } from "./identity-failure"

/** Where a device code sign-in stands, as every instance reads it from Redis. */
export type SharedSignInState =
  | { status: "pending"; expiresAt: string }
  /** The token in clear here; in Redis it is sealed (AES-256-GCM, bound to the record's key). */
  | { status: "issued"; token: string }
  | { status: "failed"; failure: IdentityFailure }

/** A sign-in as a poll on any instance finds it. */
export interface SharedSignIn {
  state: SharedSignInState
  /** Whether the instance running the flow (msal's polling) still renews its lease. */
  runnerAlive: boolean
}

/**
 * The device code sign-ins of every instance, in Redis. The instance that starts a flow runs it
 * (msal-node polls the identity platform from there) and writes its state here; any instance
 * answers a poll by reading it. Keys, each named by a hash (SharedStore.key), never the flow ID:
 *
 * - `smtp365:sign-in:<h>`: the record (JSON: state, the waiting set it counts in, its idle time),
 *   expiring with the flow; an issued token only sealed.
 * - `…:runner`: the running instance's lease, renewed every RENEW_MS and expiring after LEASE_MS,
 *   so a poll can tell a flow whose instance stopped.
 * - `…:asked`: set by every poll, expiring after the flow's idle time; the running instance does
 *   not abandon a flow someone asked about on another instance.
 * - `smtp365:sign-ins-waiting:<hash of client>`: a sorted set of the client's waiting flows,
 *   scored by when their lease ends, for the limit on waiting sign-ins per client address.
 */
export interface SharedSignIns {
  /**
   * Counts a new flow among the client's waiting sign-ins, unless `max` are waiting already:
   * null when counted, the number waiting when refused. Atomic, so simultaneous starts on any
   * instances see each other.
   */
  reserve(flowId: string, client: string, max: number): Promise<number | null>
  /** Publishes a started flow, pending, with its runner's lease; it expires with the flow. */
  open(
    flowId: string,
    client: string,
    state: SharedSignInState & { status: "pending" },
    idleMs: number
  ): Promise<void>
  /** Publishes the flow's end (issued or failed), if it is still there; it stops waiting. */
  settle(flowId: string, client: string, state: SharedSignInState): Promise<void>
  /** Renews the runner's lease; false when the flow is gone (cancelled on another instance). */
  renew(flowId: string, client: string): Promise<boolean>
  /** How much longer someone's last question keeps the flow alive, in ms (0: nobody asked). */
  askedWithin(flowId: string): Promise<number>
  /** The flow, for a poll on any instance (the poll counts as asking about it); null if gone. */
  read(flowId: string): Promise<SharedSignIn | null>
  /**
   * Forgets the flow everywhere: record, lease, question, and its place among the waiting (the
   * record says where; `client` finds it before the record is written).
   */
  forget(flowId: string, client?: string): Promise<void>
}

/** The runner's lease lasts this long, renewed every RENEW_MS: a stopped instance shows in 15 s. */
export const LEASE_MS = 15_000
export const RENEW_MS = 5_000

interface StoredRecord {
  state:
    | { status: "pending"; expiresAt: string }
    | { status: "issued"; sealedToken: string }
    | { status: "failed"; failure: IdentityFailure }
  /** The key of the sorted set the flow counts in while it waits. */
  waiting: string
  /** The flow's idle time: how long a question keeps it alive. */
  idleMs: number
}

/** Redis's own clock, in ms: every instance's scores use the same one. */
const NOW_MS = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`

// KEYS: waiting set. ARGV: member, max, lease ms, flow ttl ms. -1 when counted.
const RESERVE = `${NOW_MS}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local waiting = redis.call('ZCARD', KEYS[1])
if waiting >= tonumber(ARGV[2]) then return waiting end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return -1`

// KEYS: record, runner, waiting set. ARGV: member, lease ms, flow ttl ms. 0 when the flow is gone.
const RENEW = `if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
${NOW_MS}
redis.call('SET', KEYS[2], '1', 'PX', ARGV[2])
redis.call('ZADD', KEYS[3], now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[3], ARGV[3])
return 1`

/** The sign-ins of every instance sharing `store`, for a flow TTL of `ttlMs`. */
export function sharedSignIns(store: SharedStore, ttlMs: number): SharedSignIns {
  const recordKey = (flowId: string) => store.key("sign-in", flowId)
  const waitingKey = (client: string) => store.key("sign-ins-waiting", client)
  const stored = (key: string, state: SharedSignInState): StoredRecord["state"] =>
    state.status === "issued"
      ? { status: "issued", sealedToken: store.seal(state.token, key) }
      : state

  return {
    async reserve(flowId, client, max) {
      const waiting = await store.run((redis) =>
        redis.eval(RESERVE, {
          keys: [waitingKey(client)],
          arguments: [recordKey(flowId), String(max), String(LEASE_MS), String(ttlMs)],
        })
      )
      return Number(waiting) < 0 ? null : Number(waiting)
    },

    async open(flowId, client, state, idleMs) {
      const key = recordKey(flowId)
      const record: StoredRecord = { state, waiting: waitingKey(client), idleMs }
      await store.run((redis) =>
        redis
          .multi()
          .set(key, JSON.stringify(record), { expiration: { type: "PX", value: ttlMs } })
          .set(`${key}:runner`, "1", { expiration: { type: "PX", value: LEASE_MS } })
          .set(`${key}:asked`, "1", { expiration: { type: "PX", value: idleMs } })
          .exec()
      )
    },

    async settle(flowId, client, state) {
      const key = recordKey(flowId)
      const waiting = waitingKey(client)
      await store.run(async (redis) => {
        const text = await redis.get(key)
        if (text === null) return
        const record = JSON.parse(String(text)) as StoredRecord
        const settled: StoredRecord = { ...record, state: stored(key, state) }
        await redis
          .multi()
          // Only if it is still there (not cancelled meanwhile), keeping its expiry.
          .set(key, JSON.stringify(settled), { condition: "XX", expiration: "KEEPTTL" })
          .del(`${key}:runner`)
          .zRem(waiting, key)
          .exec()
      })
    },

    async renew(flowId, client) {
      const alive = await store.run((redis) =>
        redis.eval(RENEW, {
          keys: [recordKey(flowId), `${recordKey(flowId)}:runner`, waitingKey(client)],
          arguments: [recordKey(flowId), String(LEASE_MS), String(ttlMs)],
        })
      )
      return Number(alive) === 1
    },

    async askedWithin(flowId) {
      const left = await store.run((redis) => redis.pTTL(`${recordKey(flowId)}:asked`))
      return Math.max(0, Number(left))
    },

    async read(flowId) {
      const key = recordKey(flowId)
      const [text, runner] = await store.run((redis) =>
        redis.multi().get(key).exists(`${key}:runner`).exec()
      )
      if (text === null || text === undefined) return null
      const record = JSON.parse(String(text)) as StoredRecord
      await store.run((redis) =>
        redis.set(`${key}:asked`, "1", { expiration: { type: "PX", value: record.idleMs } })
      )
      return {
        state: readState(record.state, (sealed) => store.open(sealed, key)),
        runnerAlive: Number(runner) === 1,
      }
    },

    async forget(flowId, client) {
      const key = recordKey(flowId)
      await store.run(async (redis) => {
        const text = client === undefined ? await redis.get(key) : null
        const waiting =
          client !== undefined
            ? waitingKey(client)
            : text === null
              ? null
              : (JSON.parse(String(text)) as StoredRecord).waiting
        const forgetting = redis.multi().del([key, `${key}:runner`, `${key}:asked`])
        await (waiting ? forgetting.zRem(waiting, key) : forgetting).exec()
      })
    },
  }
}

/**
 * The stored state with the token opened. A token that does not open was altered in Redis (with
 * another SMTP365_SECRET_KEY the record is not even found: the key names differ too): a failed
 * sign-in.
 */
function readState(
  state: StoredRecord["state"],
  open: (sealed: string) => string | null
): SharedSignInState {
  if (state.status !== "issued") return state
  const token = open(state.sealedToken)
  if (token !== null) return { status: "issued", token }
  return {
    status: "failed",
    failure: {
      code: "EDEVICECODE",
      message:
        "The sign-in's token was altered where smtp365 keeps it, so it was not used: start the sign-in again",
    },
  }
}
