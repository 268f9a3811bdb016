import { randomBytes } from "node:crypto"
import { afterAll, beforeAll, describe, expect, test } from "vitest"

import { createSharedStore, type SharedStore } from "@/lib/shared-store/store"
import { startRedisServer, type RunningRedis } from "@/test-support/redis-server"

import { sharedSignIns, type SharedSignIns } from "./shared-sign-ins"

// Two instances' views of the sign-ins in one real redis-server on loopback.
const SECRET = "shared-sign-ins-test-secret-32-chars"
const TOKEN = "eyJ0eXAiOiJKV1QifQ.eyJ1cG4iOiJzZW5kZXJAY29udG9zby5jb20ifQ.c2lnbmF0dXJlLXBhcnQ"
const TTL_MS = 60_000
const PENDING = { status: "pending", expiresAt: "2026-12-07T12:00:00.000Z" } as const

let redis: RunningRedis
let stores: SharedStore[]
let a: SharedSignIns
let b: SharedSignIns

const newFlowId = () => randomBytes(24).toString("base64url")

beforeAll(async () => {
  redis = await startRedisServer()
  stores = [0, 1].map(() =>
    createSharedStore({ url: redis.url, secretKey: SECRET, log: () => undefined })
  )
  ;[a, b] = stores.map((store) => sharedSignIns(store, TTL_MS)) as [SharedSignIns, SharedSignIns]
})

afterAll(async () => {
  for (const store of stores) store.close()
  await redis.close()
})

describe("device code sign-ins shared through Redis", () => {
  test("counts a client's waiting sign-ins across instances, atomically", async () => {
    const ids = [newFlowId(), newFlowId(), newFlowId(), newFlowId()]
    const answers = await Promise.all(
      ids.map((id, i) => (i % 2 ? b : a).reserve(id, "198.51.100.60", 3))
    )
    expect(answers.filter((answer) => answer === null)).toHaveLength(3)
    expect(answers.filter((answer) => answer === 3)).toHaveLength(1)
    // Another client is counted on its own; a forgotten sign-in frees its place.
    expect(await b.reserve(newFlowId(), "198.51.100.61", 3)).toBeNull()
    const held = ids.filter((_, i) => answers[i] === null)
    await b.forget(held[0] ?? "", "198.51.100.60")
    expect(await a.reserve(newFlowId(), "198.51.100.60", 3)).toBeNull()
  })

  test("a flow published by one instance is read by the other, its token only sealed", async () => {
    const flowId = newFlowId()
    await a.reserve(flowId, "198.51.100.62", 3)
    await a.open(flowId, "198.51.100.62", PENDING, 60_000)
    expect(await b.read(flowId)).toEqual({ state: PENDING, runnerAlive: true })
    // B's question keeps it alive for A.
    expect(await a.askedWithin(flowId)).toBeGreaterThan(50_000)

    await a.settle(flowId, "198.51.100.62", { status: "issued", token: TOKEN })
    expect(await b.read(flowId)).toMatchObject({ state: { status: "issued", token: TOKEN } })
    const raw = await stores[0]?.run(async (client) => {
      const values: string[] = []
      for await (const keys of client.scanIterator({ MATCH: "smtp365:*" })) {
        for (const key of keys.map(String)) {
          values.push(key, String(await client.type(key)), String(await client.dump(key)))
        }
      }
      return values.join("\n")
    })
    for (const part of [TOKEN, ...TOKEN.split("."), flowId, "198.51.100.62"]) {
      expect(raw).not.toContain(part)
    }
    // Issued, it no longer waits: the client may start three more.
    for (let i = 0; i < 3; i++) expect(await b.reserve(newFlowId(), "198.51.100.62", 3)).toBeNull()
  })

  test("cancelled on one instance: the other's lease renewal learns it is gone", async () => {
    const flowId = newFlowId()
    await a.reserve(flowId, "198.51.100.63", 3)
    await a.open(flowId, "198.51.100.63", PENDING, 60_000)
    expect(await a.renew(flowId, "198.51.100.63")).toBe(true)
    await b.forget(flowId)
    expect(await a.renew(flowId, "198.51.100.63")).toBe(false)
    expect(await a.read(flowId)).toBeNull()
    // Its end, published late, does not bring it back.
    await a.settle(flowId, "198.51.100.63", { status: "issued", token: TOKEN })
    expect(await b.read(flowId)).toBeNull()
  })

  test("an instance with another SMTP365_SECRET_KEY does not find the sign-in; an altered token is refused", async () => {
    const other = createSharedStore({
      url: redis.url,
      secretKey: `${SECRET}-other`,
      log: () => undefined,
    })
    stores.push(other)
    const flowId = newFlowId()
    await a.open(flowId, "198.51.100.64", PENDING, 60_000)
    await a.settle(flowId, "198.51.100.64", { status: "issued", token: TOKEN })
    // The other key names the flow differently: it does not even find it.
    expect(await sharedSignIns(other, TTL_MS).read(flowId)).toBeNull()

    // One byte of the sealed token changed in Redis: the tag no longer matches.
    const key = stores[0]?.key("sign-in", flowId) ?? ""
    await stores[0]?.run(async (client) => {
      const record = String(await client.get(key))
      const altered = record.replace(
        /"sealedToken":"v1\.(.)/,
        (_, first: string) => `"sealedToken":"v1.${first === "A" ? "B" : "A"}`
      )
      await client.set(key, altered, { condition: "XX", expiration: "KEEPTTL" })
    })
    expect(await b.read(flowId)).toMatchObject({
      state: { status: "failed", failure: { code: "EDEVICECODE" } },
    })
  })
})
