import "server-only"

import { randomBytes } from "node:crypto"
import net from "node:net"

import { env } from "@/lib/env"
import type { SetupValues } from "@/lib/schemas/setup"
import type { SendingMethod } from "@/lib/schemas/setup-fields"
import type { PracticeTarget } from "@/lib/smtp/run-test"
import { trustIdentityOrigin } from "@/lib/oauth/network-client"
import { createCertificateAuthority, issueServerCertificate } from "./certificates"
import { startIdentityServer, type RunningIdentityServer } from "./identity-server"
import { startSimulator, type RunningSimulator } from "./simulator"

/** The name the practice simulators' certificate is issued for (never resolved: we connect by IP). */
const PRACTICE_SERVERNAME = "practice.smtp365.invalid"

interface PracticeServers extends Record<PracticeServer, RunningSimulator> {
  ca: string
  submission: RunningSimulator
  directSend: RunningSimulator
  relay: RunningSimulator
  hve: RunningSimulator
  acs: RunningSimulator
  /** The practice Microsoft identity platform: its tokens are the ones SMTP AUTH and HVE take. */
  identity: RunningIdentityServer
  /** A loopback port nothing listens on: practice tests on other ports than 25 and 587 go here. */
  closedPort: number
}

/** The ports Microsoft 365's SMTP endpoints answer on (SOURCES.mfd): 587 and 25. */
const PRACTICE_PORTS = new Set(["25", "587"])

// One set of simulators per server process, kept across hot reloads in development.
const globalKey = Symbol.for("smtp365.practiceServers")
const store = globalThis as typeof globalThis & {
  [globalKey]?: Promise<PracticeServers | null>
}

/**
 * Starts the built-in Microsoft 365 simulators on 127.0.0.1 (once): SMTP AUTH on
 * SMTP365_PRACTICE_PORT or an ephemeral port, and on ephemeral ports two MX endpoints (without and
 * with an inbound connector), High Volume Email and Azure Communication Services. Resolves to null
 * when practice mode is off or cannot start; a busy port falls back to an ephemeral one and never
 * stops the app.
 */
export function startPracticeServers(): Promise<PracticeServers | null> {
  if (!env().SMTP365_PRACTICE) return Promise.resolve(null)
  store[globalKey] ??= launch().catch((error: unknown) => {
    console.warn("Practice mode is unavailable:", error instanceof Error ? error.message : error)
    return null
  })
  return store[globalKey]
}

async function launch(): Promise<PracticeServers> {
  const authority = await createCertificateAuthority()
  const leaf = await issueServerCertificate(authority, { names: [PRACTICE_SERVERNAME], ips: [] })
  // The identity server is reached by its address (https://127.0.0.1:port), so its certificate names it.
  const identityLeaf = await issueServerCertificate(authority, { names: [], ips: ["127.0.0.1"] })
  // Shared by the identity server and the simulators that take its tokens, new for each process.
  const tokenKey = randomBytes(32).toString("base64url")
  const submission = await startSimulator({
    role: "submission",
    tls: leaf,
    tokenKey,
    port: env().SMTP365_PRACTICE_PORT,
    record: false,
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EADDRINUSE") throw error
    console.warn(
      `Practice port ${env().SMTP365_PRACTICE_PORT} is busy; the practice server uses a free port instead.`
    )
    return startSimulator({ role: "submission", tls: leaf, tokenKey, record: false })
  })
  const [directSend, relay, hve, acs, identity] = await Promise.all([
    startSimulator({ role: "mx", tls: leaf, record: false }),
    startSimulator({ role: "mx", tls: leaf, connector: true, record: false }),
    startSimulator({ role: "hve", tls: leaf, tokenKey, record: false }),
    startSimulator({ role: "acs", tls: leaf, record: false }),
    startIdentityServer({ tls: identityLeaf, tokenKey, pollIntervalSeconds: 1 }),
  ])
  trustIdentityOrigin(identity.url, authority.cert)
  return {
    ca: authority.cert,
    submission,
    directSend,
    relay,
    hve,
    acs,
    identity,
    closedPort: await freePort(),
  }
}

/** Stops the practice simulators (tests; a server process simply exits). */
export async function stopPracticeServers(): Promise<void> {
  const servers = await store[globalKey]
  store[globalKey] = undefined
  if (servers) {
    await Promise.all([
      servers.submission.close(),
      servers.directSend.close(),
      servers.relay.close(),
      servers.hve.close(),
      servers.acs.close(),
      servers.identity.close(),
    ])
  }
}

/** A port that was free a moment ago, released so that connecting to it is refused. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/**
 * Where OAuth tokens come from in practice mode: the practice identity server, never Microsoft
 * (null when practice mode is off or could not start).
 */
export async function practiceIdentityUrl(): Promise<string | null> {
  return (await startPracticeServers())?.identity.url ?? null
}

/**
 * Signs a practice device code in as the practice user would at the sign-in page (the practice
 * identity server has no page to open). False when the code is not pending.
 */
export async function signInPracticeDeviceCode(userCode: string): Promise<boolean> {
  return (await startPracticeServers())?.identity.signIn(userCode) ?? false
}

/** The simulators practice mode runs, by the key PracticeServers holds each under. */
export type PracticeServer = "submission" | "directSend" | "relay" | "hve" | "acs"

/**
 * Which simulator stands in for each method's Microsoft 365 endpoint, and how it is described: the
 * one place that maps a method to its simulator (the listing of practice accounts reads it too).
 */
export const PRACTICE_ENDPOINTS = {
  "smtp-auth": { server: "submission", role: "SMTP AUTH endpoint" },
  "direct-send": { server: "directSend", role: "MX endpoint" },
  relay: { server: "relay", role: "MX endpoint with an inbound connector" },
  hve: { server: "hve", role: "High Volume Email endpoint" },
  acs: { server: "acs", role: "Azure Communication Services SMTP endpoint" },
} as const satisfies Record<SendingMethod, { server: PracticeServer; role: string }>

/**
 * The simulator that stands in for the chosen method's Microsoft 365 endpoint. Only ports 25 and
 * 587 answer, as on Microsoft 365; any other port is refused, so practice shows that failure too.
 */
export async function practiceTarget(values: SetupValues): Promise<PracticeTarget | null> {
  const servers = await startPracticeServers()
  if (!servers) return null
  if (!PRACTICE_PORTS.has(values.server.port)) {
    return {
      address: "127.0.0.1",
      port: servers.closedPort,
      servername: PRACTICE_SERVERNAME,
      ca: servers.ca,
      description: `built-in Microsoft 365 simulator: nothing answers on port ${values.server.port} (only 25 and 587 do)`,
    }
  }
  const { server, role } = PRACTICE_ENDPOINTS[values.method.method]
  const simulator = servers[server]
  return {
    address: simulator.host,
    port: simulator.port,
    servername: PRACTICE_SERVERNAME,
    ca: servers.ca,
    // Its loopback address is not shown: the result names it "Practice server, port 587".
    description: `built-in Microsoft 365 simulator (${role})`,
  }
}
