import http from "node:http"
import path from "node:path"
import { createClient } from "redis"

import packageJson from "../package.json"
import type { DeviceCodeSignIn } from "../lib/actions/device-code-sign-in"
import { PRACTICE_TENANT_ID } from "../lib/practice/identity-scenarios"
import { startIdentityServer, type RunningIdentityServer } from "../lib/practice/identity-server"
import type { SetupValues } from "../lib/schemas/setup"
import { freePort } from "../test-support/free-port"
import { startRedisServer, type RunningRedis } from "../test-support/redis-server"
import { smtpAuthValues } from "../test-support/setup-values"
import { startTestSmtpServer, type TestSmtpServer } from "../test-support/smtp-servers"
import { testServerTls } from "../test-support/test-ca"
import { expect, test } from "./fixtures"
import { callAction } from "./support/action-client"
import { startAppServer, type AppServer } from "./support/app-server"
import { INSTANCES_ACCESS_PASSWORD, INSTANCES_SECRET_KEY } from "./support/test-secrets"

// Two smtp365 instances (`next start` of the one build) behind an imagined load balancer, sharing
// a real redis-server on loopback, with the test identity server and an SMTP server that takes
// XOAUTH2. Each test calls the actions over HTTP as the browser does, through either instance.

const DEVICE_APP = "3f2b8c41-0a6e-4d6b-9c1e-000000000011"
const MAILBOX = "sender@contoso.com"
const STORE_DOWN = /^smtp365 cannot reach the store its servers share \(Redis\) right now/
const OUTAGE_LINE = /smtp365: Redis at 127\.0\.0\.1:\d+ does not answer/g

let redis: RunningRedis
let identity: RunningIdentityServer
let smtp: TestSmtpServer
/** The access tokens the SMTP server received in AUTH XOAUTH2. */
const tokens: string[] = []
let a: AppServer
let b: AppServer

/**
 * The headers of a user behind the proxy both instances trust (SMTP365_TRUST_PROXY): each test
 * has its own client address, so each counts against its own limits.
 */
function user(address: string) {
  return {
    Authorization: `Basic ${Buffer.from(`tech:${INSTANCES_ACCESS_PASSWORD}`).toString("base64")}`,
    "X-Forwarded-For": address,
  }
}

/** Starts a device code sign-in through `server` and answers its flow ID and user code. */
async function startSignIn(server: AppServer, headers: Record<string, string>) {
  const account = { tenant: PRACTICE_TENANT_ID, clientId: DEVICE_APP, user: MAILBOX }
  const { result } = await callAction<DeviceCodeSignIn>(
    server.url,
    "startDeviceCodeSignIn",
    { account },
    headers
  )
  if (!result.ok || result.data.kind !== "started") {
    throw new Error(`The sign-in did not start: ${JSON.stringify(result)}`)
  }
  return result.data.start
}

function poll(server: AppServer, flowId: string, waitMs: number, headers: Record<string, string>) {
  return callAction<DeviceCodeSignIn>(
    server.url,
    "checkDeviceCodeSignIn",
    { flowId, user: MAILBOX, waitMs },
    headers
  )
}

/** A test send that fails fast at the connection (nothing listens on the port): it counts. */
async function closedPortValues(to: string): Promise<SetupValues> {
  const values = smtpAuthValues(
    { host: "127.0.0.1", port: await freePort() },
    { user: MAILBOX, pass: "not-the-practice-password" }
  )
  return { ...values, test: { to } }
}

/** Every key in Redis with its value as text (strings, sorted sets), for the scans. */
async function redisContents(): Promise<{ key: string; value: string }[]> {
  const client = createClient({ url: redis.url })
  client.on("error", () => undefined)
  await client.connect()
  try {
    const contents: { key: string; value: string }[] = []
    for await (const batch of client.scanIterator({ COUNT: 100 })) {
      for (const key of batch.map(String)) {
        const type = String(await client.type(key))
        const value =
          type === "string"
            ? String(await client.get(key))
            : type === "zset"
              ? JSON.stringify(await client.zRangeWithScores(key, 0, -1))
              : `(${type})`
        contents.push({ key, value })
      }
    }
    return contents
  } finally {
    client.destroy()
  }
}

/** A GET with the Host header a load balancer's probe may send, without the access password. */
function probe(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { Host: host }, timeout: 10_000 }, (response) => {
      let body = ""
      response.setEncoding("utf8")
      response.on("data", (chunk: string) => (body += chunk))
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }))
    })
    request.on("timeout", () => request.destroy(new Error(`${url}: no answer`)))
    request.on("error", reject)
  })
}

test.describe("Start-up with SMTP365_REDIS_URL", () => {
  test("without SMTP365_SECRET_KEY, the server stops at once and says what to set", async () => {
    const server = await startAppServer({
      SMTP365_REDIS_URL: "redis://127.0.0.1:6379",
      SMTP365_SECRET_KEY: "",
      SMTP365_PRACTICE: "off",
    })
    expect(await server.exited).toBe(1)
    expect(server.output()).toContain(
      "smtp365 cannot start: SMTP365_SECRET_KEY is not set, and SMTP365_REDIS_URL needs it"
    )
  })
})

test.describe("Several instances sharing Redis", () => {
  // One set of servers for the whole story; the last test stops instance A.
  test.describe.configure({ mode: "serial", timeout: 120_000 })

  test.beforeAll(async () => {
    redis = await startRedisServer()
    identity = await startIdentityServer({
      tls: testServerTls(),
      tokenKey: "instances-spec-hs256-key",
      // The poll after the sign-in comes a second later, not Microsoft's five.
      pollIntervalSeconds: 1,
    })
    smtp = await startTestSmtpServer({
      authMethods: ["XOAUTH2"],
      onAuth: (auth, _session, callback) => {
        tokens.push(auth.accessToken ?? "")
        callback(null, { user: auth.username })
      },
    })
    const configuration = {
      SMTP365_REDIS_URL: redis.url,
      SMTP365_SECRET_KEY: INSTANCES_SECRET_KEY,
      SMTP365_ACCESS_PASSWORD: INSTANCES_ACCESS_PASSWORD,
      SMTP365_TRUST_PROXY: "127.0.0.1",
      SMTP365_IDENTITY_URL: identity.url,
      SMTP365_ALLOWED_HOSTS: "127.0.0.1,localhost",
      SMTP365_RATE_LIMIT: "3",
      SMTP365_PRACTICE: "off",
      // The identity server's and the SMTP server's certificates come from the test CA.
      NODE_EXTRA_CA_CERTS: path.join(__dirname, "..", ".test-ca", "ca.pem"),
    }
    ;[a, b] = await Promise.all([startAppServer(configuration), startAppServer(configuration)])
  })

  test.afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()])
    await Promise.all([redis?.close(), identity?.close(), smtp?.close()])
  })

  test("GET /api/health answers the version, without the password, to any host name, unlimited", async () => {
    const { port } = new URL(a.url)
    // The access password is on: everything else asks for it.
    expect((await probe(`${a.url}/`, `127.0.0.1:${port}`)).status).toBe(401)
    for (const host of [`127.0.0.1:${port}`, `smtp365-a.internal:${port}`, "10.0.3.7"]) {
      const health = await probe(`${a.url}/api/health`, host)
      expect(health.status, host).toBe(200)
      expect(JSON.parse(health.body)).toEqual({ status: "ok", version: packageJson.version })
    }
    // No rate limit: many more probes than the limits allow any client.
    const statuses = await Promise.all(
      Array.from({ length: 12 }, () => fetch(`${b.url}/api/health`).then((r) => r.status))
    )
    expect(statuses.every((status) => status === 200)).toBe(true)
  })

  test("a limit reached through one instance holds on the other", async () => {
    const client = user("198.51.100.21")
    for (let i = 0; i < 3; i++) {
      const sent = await callAction(
        a.url,
        "sendTestEmail",
        await closedPortValues(`it-${i}@contoso.com`),
        client
      )
      expect(sent.result.ok, JSON.stringify(sent.result)).toBe(true)
      expect(sent.outcome?.failure?.cause).toBe("ECONNREFUSED")
    }
    const refused = await callAction(
      b.url,
      "sendTestEmail",
      await closedPortValues("another@contoso.com"),
      client
    )
    expect(refused.result).toMatchObject({
      ok: false,
      error: expect.stringMatching(
        /^Too many test sends from your address \(3 a minute on this smtp365\)\. Nothing was sent/
      ),
    })
    // Another client, through either instance, has its own count.
    const other = await callAction(
      b.url,
      "sendTestEmail",
      await closedPortValues("another@contoso.com"),
      user("198.51.100.22")
    )
    expect(other.result.ok).toBe(true)
    // Redis holds the counts under hashed names: no client address, no mailbox.
    const contents = await redisContents()
    expect(contents.filter(({ key }) => key.startsWith("smtp365:limit:test-send:"))).not.toEqual([])
    for (const { key, value } of contents) {
      expect(`${key} ${value}`).not.toMatch(/198\.51\.100|contoso/)
    }
  })

  test("a device code sign-in started on one instance completes through polls on the other, and its token is sealed in Redis", async () => {
    const client = user("198.51.100.31")
    const start = await startSignIn(a, client)
    expect((await poll(b, start.flowId, 0, client)).result).toMatchObject({
      ok: true,
      data: { kind: "pending" },
    })
    expect(identity.signIn(start.userCode, MAILBOX)).toBe(true)
    // B answers from Redis once A's msal has the token (its next poll, a second later).
    const issued = await poll(b, start.flowId, 15_000, client)
    expect(issued.result).toMatchObject({
      ok: true,
      data: { kind: "issued", token: { kind: "delegated", user: MAILBOX, scopes: ["SMTP.Send"] } },
    })

    // B sends the test with the token A's flow received, from Redis.
    const values = smtpAuthValues({ port: smtp.port }, { user: MAILBOX, pass: "" })
    const sent = await callAction(
      b.url,
      "sendTestEmail",
      {
        ...values,
        account: {
          authType: "oauth-device",
          user: MAILBOX,
          pass: "",
          tenant: PRACTICE_TENANT_ID,
          clientId: DEVICE_APP,
          flowId: start.flowId,
        },
      },
      client
    )
    expect(sent.outcome?.ok, JSON.stringify(sent.outcome?.failure)).toBe(true)
    const token = tokens.at(-1) ?? ""
    expect(token).toMatch(/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/)

    // Nowhere in Redis: not the token, not any of its parts, decoded or not, nor the flow ID.
    const parts = token.split(".")
    const needles = [
      token,
      ...parts,
      ...parts.slice(0, 2).map((part) => Buffer.from(part, "base64url").toString("utf8")),
      start.flowId,
      MAILBOX,
      "198.51.100.31",
      INSTANCES_SECRET_KEY,
    ]
    const contents = await redisContents()
    const records = contents.filter(({ key }) => /^smtp365:sign-in:[\w-]+$/.test(key))
    expect(records).toHaveLength(1)
    expect(records[0]?.value).toContain('"sealedToken":"v1.')
    for (const { key, value } of contents) {
      for (const needle of needles) expect(`${key} ${value}`).not.toContain(needle)
    }
    // Nor in either instance's log.
    for (const needle of [token, ...parts, INSTANCES_SECRET_KEY, INSTANCES_ACCESS_PASSWORD]) {
      expect(a.output() + b.output()).not.toContain(needle)
    }

    // Cancelled through A, it is gone for B too.
    await callAction(a.url, "cancelDeviceCodeSignIn", { flowId: start.flowId }, client)
    expect((await poll(b, start.flowId, 0, client)).result).toEqual({
      ok: false,
      error: "This sign-in is no longer known: start it again.",
    })
  })

  test("Redis stopped mid-run: a clear error for what needs it, a 503 health, one log line; restarted, it all resumes", async () => {
    const client = user("198.51.100.41")
    await redis.stop()

    const needRedis = [
      callAction(b.url, "sendTestEmail", await closedPortValues("it@contoso.com"), client),
      callAction(
        a.url,
        "startDeviceCodeSignIn",
        {
          account: { tenant: PRACTICE_TENANT_ID, clientId: DEVICE_APP, user: MAILBOX },
        },
        client
      ),
      poll(b, "Fl0wIdThatNobodyStarted_x", 5_000, client),
    ]
    for (const answer of await Promise.all(needRedis)) {
      expect(answer.status).toBe(200)
      expect(answer.result).toEqual({ ok: false, error: expect.stringMatching(STORE_DOWN) })
      expect(answer.ms).toBeLessThan(5_000)
    }
    for (const server of [a, b]) {
      const health = await fetch(`${server.url}/api/health`)
      const body = await health.text()
      expect(health.status).toBe(503)
      expect(JSON.parse(body)).toEqual({
        status: "unavailable",
        version: packageJson.version,
        reason:
          "Redis, which this instance shares its limits and sign-ins through, does not answer.",
      })
      expect(body).not.toContain(String(redis.port))
    }
    // The other steps keep working: the pages, and what needs no Redis.
    expect((await fetch(`${a.url}/diagnose`, { headers: client })).status).toBe(200)
    const diagnosed = await callAction(
      b.url,
      "diagnosePastedText",
      { text: "535 5.7.139 Authentication unsuccessful, the user credentials were incorrect." },
      client
    )
    expect(diagnosed.result.ok).toBe(true)
    // The operator sees one line per instance for the outage, however many requests failed.
    for (const server of [a, b]) expect(server.output().match(OUTAGE_LINE)).toHaveLength(1)

    await redis.restart()
    await expect
      .poll(async () => (await fetch(`${b.url}/api/health`)).status, { timeout: 10_000 })
      .toBe(200)
    const resumed = await callAction(
      b.url,
      "sendTestEmail",
      await closedPortValues("it@contoso.com"),
      client
    )
    expect(resumed.result.ok).toBe(true)
    const start = await startSignIn(b, client)
    expect((await poll(a, start.flowId, 0, client)).result).toMatchObject({
      data: { kind: "pending" },
    })
    await callAction(b.url, "cancelDeviceCodeSignIn", { flowId: start.flowId }, client)
    for (const server of [a, b]) {
      expect(server.output()).toMatch(/smtp365: Redis at 127\.0\.0\.1:\d+ answers again\./)
      // Refusals, not bugs: no action logged an unexpected failure.
      expect(server.output()).not.toContain("failed unexpectedly")
    }
  })

  test("the instance running a sign-in stops: after its lease runs out, polls on the other say so", async () => {
    const client = user("198.51.100.51")
    const start = await startSignIn(a, client)
    await a.stop("SIGKILL")
    // The lease (15 s) outlives the crash for a while: pending, then the answer.
    await expect
      .poll(async () => (await poll(b, start.flowId, 5_000, client)).result, {
        timeout: 30_000,
        intervals: [0],
      })
      .toEqual({
        ok: false,
        error:
          "The smtp365 server that was waiting for this sign-in has stopped, so it can no longer finish: start it again.",
      })
    // Forgotten, and no longer counted among the client's waiting sign-ins.
    expect((await poll(b, start.flowId, 0, client)).result).toMatchObject({ ok: false })
    const contents = await redisContents()
    // (the waiting set of the client's sign-ins as well: Redis drops a set once it is empty).
    expect(contents.filter(({ key }) => key.startsWith("smtp365:sign-in"))).toEqual([])
  })
})
