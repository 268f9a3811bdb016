import net from "node:net"
import { afterAll, beforeAll, describe, expect, test } from "vitest"

import { smtpAuthValues } from "@/test-support/setup-values"
import { runDiagnosedTest } from "@/lib/actions/test-send"
import { setupSchema } from "@/lib/schemas/setup"
import { checkHost, isPublicAddress } from "./host-guard"

// A real server on loopback that only counts connections: a refusal must never reach it.
let recorder: net.Server
let port: number
let connections = 0

beforeAll(async () => {
  recorder = net.createServer((socket) => {
    connections += 1
    socket.destroy()
  })
  port = await new Promise<number>((resolve) =>
    recorder.listen(0, "127.0.0.1", () => resolve((recorder.address() as net.AddressInfo).port))
  )
})

afterAll(() => new Promise<void>((resolve) => recorder.close(() => resolve())))

const FAST = { stepMs: 1_500, totalMs: 5_000 }
const account = { user: "sender@contoso.com", pass: "Guard-Secret-9" }

describe("isPublicAddress", () => {
  test.each([
    "127.0.0.1",
    "127.1.2.3",
    "::1",
    "[::1]",
    "::",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:169.254.169.254",
    "0.0.0.0",
    "10.0.0.8",
    "172.16.4.4",
    "192.168.1.10",
    "169.254.169.254",
    "100.64.0.1",
    "100.100.100.200",
    "fe80::1",
    "fe80::1%eth0",
    "fd00::1",
    "fd00:ec2::254",
    "64:ff9b::a9fe:a9fe",
    "2002:7f00:1::",
    // IPv4-compatible and -translated forms of loopback, and the registries' newer ranges.
    "::127.0.0.2",
    "::ffff:0:127.0.0.2",
    "3fff::1",
    "5f00::1",
    "100:0:0:1::1",
    "64:ff9b:1::1",
    "2001:db8::1",
    "2001:2::1",
    "192.0.0.170",
    "198.18.0.1",
    "240.0.0.1",
    "224.0.0.1",
    "255.255.255.255",
    "2130706433",
    "0177.0.0.1",
    "0x7f.0.0.1",
    "localhost",
    "",
  ])("refuses %j", (address) => {
    expect(isPublicAddress(address)).toBe(false)
  })

  test.each([
    "52.96.222.194",
    "40.99.10.2",
    "2603:1036:3::2",
    "8.8.8.8",
    // Forms that wrap a public IPv4 address reach that address: NAT64 on an IPv6-only network.
    "64:ff9b::3460:dec2",
    "::ffff:52.96.222.194",
  ])("accepts the public address %j", (address) => {
    expect(isPublicAddress(address)).toBe(true)
  })
})

describe("checkHost", () => {
  test("refuses a port SMTP does not use on a Microsoft 365 endpoint, without resolving it", async () => {
    for (const smtpPort of [22, 80, 443, 3306, 8080]) {
      expect(await checkHost("smtp.office365.com", [], smtpPort)).toMatchObject({
        allowed: false,
        code: "EGUARD",
        cause: "PORT",
        message: expect.stringContaining(`Port ${smtpPort} is not an SMTP port`),
      })
    }
  })

  test("lets a host in SMTP365_ALLOWED_HOSTS use any port", async () => {
    expect(await checkHost("127.0.0.1", ["127.0.0.1"], port)).toMatchObject({
      allowed: true,
      address: "127.0.0.1",
    })
  })

  test("says why it refuses a host that is not listed", async () => {
    expect(await checkHost("127.0.0.1", [], 587)).toMatchObject({
      allowed: false,
      cause: "HOST",
      message: expect.stringContaining("is not a Microsoft 365 SMTP endpoint"),
    })
  })
})

describe("refusals never touch the network", () => {
  // Every spelling of this machine and of the metadata service the wizard might be sent: the
  // schema rejects it, or the guard refuses it; either way no connection reaches the recorder.
  const spellings = [
    "127.0.0.1",
    "localhost",
    "LOCALHOST.",
    "::ffff:127.0.0.1",
    "[::ffff:127.0.0.1]",
    "[::1]",
    "::1",
    "0.0.0.0",
    "2130706433",
    "0177.0.0.1",
    "0x7f.0.0.1",
    "0x7f000001",
    "127.1",
    "169.254.169.254",
    "fe80::1",
    "fd00::1",
    "100.64.0.1",
    "metadata.google.internal",
  ]

  test.each(spellings)("refuses %j before connecting", async (host) => {
    const values = smtpAuthValues({ host, port }, account)
    const parsed = setupSchema.safeParse(values)
    if (!parsed.success) {
      expect(parsed.error.issues.map((issue) => issue.path.join("."))).toContain("server.host")
      return
    }
    const outcome = await runDiagnosedTest(parsed.data, { allowedHosts: [], timeouts: FAST })
    expect(outcome.failure).toMatchObject({ stage: "resolve", code: "EGUARD" })
    expect(outcome.diagnosis?.id).toBe("host-not-allowed")
    expect(outcome.stages.slice(1).every((stage) => stage.status === "not-reached")).toBe(true)
    expect(connections).toBe(0)
  })

  test("refuses a Microsoft 365 endpoint on a non-SMTP port before resolving or connecting", async () => {
    const started = performance.now()
    const outcome = await runDiagnosedTest(
      smtpAuthValues({ host: "smtp.office365.com", port: 8080 }, account),
      { allowedHosts: [], timeouts: FAST }
    )
    expect(outcome.failure).toMatchObject({ stage: "resolve", code: "EGUARD", cause: "PORT" })
    expect(outcome.stages.find((stage) => stage.id === "resolve")?.detail).toContain(
      "Port 8080 is not an SMTP port"
    )
    // No DNS query (which could take seconds here) and no socket: the answer is immediate.
    expect(performance.now() - started).toBeLessThan(200)
    expect(connections).toBe(0)
  })
})
