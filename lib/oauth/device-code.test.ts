import { setTimeout as sleep } from "node:timers/promises"
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest"

import { testServerTls } from "@/test-support/test-ca"
import { startIdentityServer, type RunningIdentityServer } from "@/lib/practice/identity-server"

import {
  cancelDeviceCode,
  MAX_PENDING_PER_CLIENT,
  SIGN_INS_WAITING,
  startDeviceCode,
  waitForDeviceCode,
  type DeviceCodeOptions,
} from "./device-code"

// Real HTTPS identity servers on loopback (the practice one), trusted through NODE_EXTRA_CA_CERTS.
const TOKEN_KEY = "device-code-unit-hs256-key"
const APP = { tenant: "contoso.com", clientId: "3f2b8c41-0a6e-4d6b-9c1e-000000000011" }
const USER = "sender@contoso.com"

const servers: RunningIdentityServer[] = []
let identity: RunningIdentityServer
/** Every flow a test started, cancelled after it so none outlives the test. */
const started: string[] = []

async function identityServer(pollIntervalSeconds: number | null) {
  const server = await startIdentityServer({
    tls: testServerTls(),
    tokenKey: TOKEN_KEY,
    pollIntervalSeconds,
  })
  servers.push(server)
  return server
}

async function start(
  client: string,
  server = identity,
  options: Omit<DeviceCodeOptions, "client"> = {}
) {
  const result = await startDeviceCode(APP, server.url, { client, ...options })
  if (result.ok) started.push(result.start.flowId)
  return result
}

async function flowOf(client: string, server = identity, options = {}) {
  const result = await start(client, server, options)
  if (!result.ok) throw new Error(result.failure.message)
  return result.start
}

/** Device code requests (new codes) the server has answered. */
const codeRequests = (server: RunningIdentityServer) =>
  server.requests.filter((request) => request.grant === "devicecode").length

/** Token requests of the device code grant (the polls) the server has received. */
const polls = (server: RunningIdentityServer) =>
  server.requests.filter((request) => request.grant?.endsWith("device_code")).length

beforeAll(async () => {
  identity = await identityServer(1)
  vi.stubEnv("SMTP365_IDENTITY_URL", identity.url)
})

afterEach(async () => {
  await Promise.all(started.splice(0).map((flowId) => cancelDeviceCode(flowId)))
})

afterAll(async () => {
  vi.unstubAllEnvs()
  await Promise.all(servers.map((server) => server.close()))
})

describe("waiting device code sign-ins per client address", () => {
  test(`refuses a client's sign-in beyond ${MAX_PENDING_PER_CLIENT} waiting, without asking the identity platform, while others still start`, async () => {
    const before = codeRequests(identity)
    // Started together: the count holds for simultaneous starts too.
    const results = await Promise.all(
      Array.from({ length: MAX_PENDING_PER_CLIENT + 1 }, () => start("198.51.100.40"))
    )
    expect(results.filter((result) => result.ok)).toHaveLength(MAX_PENDING_PER_CLIENT)
    const refused = results.find((result) => !result.ok)
    expect(refused).toEqual({
      ok: false,
      failure: {
        code: SIGN_INS_WAITING,
        message:
          "3 device code sign-ins from your address are already waiting (3 at a time on this smtp365). Nothing was started: finish or cancel one of them; one nobody waits for ends after 60 seconds.",
      },
    })
    expect(codeRequests(identity) - before).toBe(MAX_PENDING_PER_CLIENT)

    // Another client address is not affected.
    expect((await start("198.51.100.41")).ok).toBe(true)

    // A cancelled sign-in, and one that finished, no longer count as waiting.
    const [first, second] = results.flatMap((result) => (result.ok ? [result.start] : []))
    await cancelDeviceCode(first?.flowId ?? "")
    expect(identity.signIn(second?.userCode ?? "")).toBe(true)
    expect(await waitForDeviceCode(second?.flowId ?? "", USER, 5_000)).toMatchObject({
      status: "issued",
    })
    expect((await start("198.51.100.40")).ok).toBe(true)
    expect((await start("198.51.100.40")).ok).toBe(true)
    expect((await start("198.51.100.40")).ok).toBe(false)
  })

  test("the start action answers the refusal as an error, with nothing to diagnose", async () => {
    const { startDeviceCodeSignIn } = await import("@/app/oauth-actions")
    const account = { ...APP, user: USER }
    for (let i = 0; i < MAX_PENDING_PER_CLIENT; i++) {
      const result = await startDeviceCodeSignIn({ account })
      expect(result).toMatchObject({ ok: true, data: { kind: "started" } })
      if (result.ok && result.data.kind === "started") started.push(result.data.start.flowId)
    }
    expect(await startDeviceCodeSignIn({ account })).toEqual({
      ok: false,
      error: expect.stringMatching(/^3 device code sign-ins from your address are already waiting/),
    })
  })
})

describe("a sign-in nobody asks about", () => {
  test("is cancelled and forgotten after the idle time, and its polling stops; one being asked about lives on", async () => {
    const quiet = await identityServer(1)
    const options = { abandonAfterMs: 1_000 }
    const abandoned = await flowOf("198.51.100.50", quiet, options)
    const watched = await flowOf("198.51.100.50", identity, options)

    // The wizard's questions, short and long (a wait longer than the idle time counts as asking).
    const until = Date.now() + 1_500
    while (Date.now() < until) {
      expect(await waitForDeviceCode(watched.flowId, USER, 250)).toMatchObject({
        status: "pending",
      })
    }
    expect(await waitForDeviceCode(watched.flowId, USER, 2_000)).toMatchObject({
      status: "pending",
    })

    expect(await waitForDeviceCode(abandoned.flowId, USER, 0)).toEqual({ status: "unknown" })
    const after = polls(quiet)
    await sleep(2_500)
    expect(polls(quiet)).toBe(after)
    // It no longer counts as waiting: the client may start two more next to the watched one.
    expect((await start("198.51.100.50")).ok).toBe(true)
    expect((await start("198.51.100.50")).ok).toBe(true)
  })
})

describe("polling the token endpoint", () => {
  test("no faster than the interval the identity platform names, however often the wizard asks", async () => {
    const server = await identityServer(1)
    const flow = await flowOf("198.51.100.60", server)
    const before = polls(server)
    const windowMs = 3_000
    const until = Date.now() + windowMs
    while (Date.now() < until) await waitForDeviceCode(flow.flowId, USER, 20)
    const count = polls(server) - before
    // At most one poll per 1 s interval over the window; and msal does poll.
    expect(count).toBeLessThanOrEqual(Math.floor(windowMs / 1_000) + 1)
    expect(count).toBeGreaterThanOrEqual(2)
  })

  test("every 5 s when the device code answer names no interval (RFC 8628's default)", async () => {
    const server = await identityServer(null)
    const flow = await flowOf("198.51.100.61", server)
    const before = polls(server)
    await sleep(3_000)
    expect(await waitForDeviceCode(flow.flowId, USER, 0)).toMatchObject({ status: "pending" })
    expect(polls(server) - before).toBeLessThanOrEqual(1)
  })
})
