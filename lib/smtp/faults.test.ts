import { generate } from "selfsigned"
import { afterAll, beforeAll, describe, expect, test } from "vitest"

import { smtpAuthValues } from "@/test-support/setup-values"
import { testServerTls } from "@/test-support/test-ca"
import { runDiagnosedTest } from "@/lib/actions/test-send"
import { createCertificateAuthority, issueServerCertificate } from "@/lib/practice/certificates"
import { startSimulator, type RunningSimulator } from "@/lib/practice/simulator"
import type { RunTestOptions } from "./run-test"
import type { TestOutcome } from "./types"

// Every fault a server or the network can throw at a test, each on a real server on loopback: the
// test must end within its time limit with a specific diagnosis, and never send a credential to a
// server it could not trust.
const PASSWORD = "Fault-Lines-7-unit"
const FAST = { stepMs: 1_000, totalMs: 4_000 }
const DAY_MS = 24 * 60 * 60 * 1000
const options: RunTestOptions = { allowedHosts: ["localhost", "127.0.0.1"], timeouts: FAST }

/** A CA the test process trusts for one connection only (the path practice mode takes). */
let authority: { key: string; cert: string }
const servers: RunningSimulator[] = []

async function simulator(overrides: Partial<Parameters<typeof startSimulator>[0]>) {
  const sim = await startSimulator({
    role: "submission",
    tls: testServerTls(),
    password: PASSWORD,
    ...overrides,
  })
  servers.push(sim)
  return sim
}

beforeAll(async () => {
  authority = await createCertificateAuthority()
})

afterAll(async () => {
  await Promise.all(servers.map((sim) => sim.close()))
})

const values = (sim: RunningSimulator) =>
  smtpAuthValues({ port: sim.port }, { user: "sender@contoso.com", pass: PASSWORD })

/** Runs a test against `sim` the way practice mode does: by address, trusting `ca` only. */
function runTrusting(sim: RunningSimulator, ca: string, servername = "localhost") {
  return runDiagnosedTest(
    { ...values(sim), server: { ...values(sim).server, practice: true } },
    {
      ...options,
      practiceTarget: async () => ({
        address: "127.0.0.1",
        port: sim.port,
        servername,
        ca,
        description: "fault simulator",
      }),
    }
  )
}

async function timed(run: Promise<TestOutcome>) {
  const started = performance.now()
  const outcome = await run
  return { outcome, ms: performance.now() - started }
}

/** From the server's own record: no AUTH command of any kind ever arrived. */
function expectNoAuthReceived(sim: RunningSimulator, outcome: TestOutcome) {
  expect(sim.events.filter((event) => event.type === "auth")).toEqual([])
  expect(sim.messages).toEqual([])
  expect(outcome.transcript.some((line) => /^AUTH\b/.test(line.text))).toBe(false)
  expect(JSON.stringify(outcome)).not.toContain(PASSWORD)
}

describe("TLS faults: a specific diagnosis, and no AUTH ever sent", () => {
  test("an expired certificate", async () => {
    const tls = await issueServerCertificate(authority, {
      names: ["localhost"],
      ips: ["127.0.0.1"],
      validFrom: new Date(Date.now() - 3 * DAY_MS),
      validTo: new Date(Date.now() - DAY_MS),
    })
    const sim = await simulator({ tls })
    const { outcome, ms } = await timed(runTrusting(sim, authority.cert))
    expect(outcome.failure).toMatchObject({ stage: "tls", cause: "CERT_HAS_EXPIRED" })
    expect(outcome.diagnosis?.id).toBe("certificate-expired")
    expect(ms).toBeLessThan(FAST.stepMs)
    expectNoAuthReceived(sim, outcome)
  })

  test("a certificate for another host name", async () => {
    const tls = await issueServerCertificate(authority, { names: ["mail.fabrikam.com"], ips: [] })
    const sim = await simulator({ tls })
    const { outcome, ms } = await timed(runTrusting(sim, authority.cert, "localhost"))
    expect(outcome.failure).toMatchObject({ stage: "tls", cause: "ERR_TLS_CERT_ALTNAME_INVALID" })
    expect(outcome.diagnosis?.id).toBe("certificate-wrong-host")
    expect(ms).toBeLessThan(FAST.stepMs)
    expectNoAuthReceived(sim, outcome)
  })

  test("a certificate from a CA nobody trusts", async () => {
    const unknown = await createCertificateAuthority()
    const tls = await issueServerCertificate(unknown, { names: ["localhost"], ips: ["127.0.0.1"] })
    const sim = await simulator({ tls })
    const { outcome, ms } = await timed(runDiagnosedTest(values(sim), options))
    expect(outcome.failure?.stage).toBe("tls")
    // Which check OpenSSL reports depends on whether a trusted CA shares the issuer's name.
    expect([
      "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
      "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
      "CERT_SIGNATURE_FAILURE",
    ]).toContain(outcome.failure?.cause)
    expect(outcome.diagnosis?.id).toBe("certificate-untrusted")
    expect(ms).toBeLessThan(FAST.stepMs)
    expectNoAuthReceived(sim, outcome)
  })

  test("a self-signed certificate", async () => {
    const pems = await generate([{ name: "commonName", value: "localhost" }], {
      keySize: 2048,
      algorithm: "sha256",
      extensions: [{ name: "subjectAltName", altNames: [{ type: 2, value: "localhost" }] }],
    })
    const sim = await simulator({ tls: { key: pems.private, cert: pems.cert } })
    const { outcome, ms } = await timed(runDiagnosedTest(values(sim), options))
    expect(outcome.failure).toMatchObject({ stage: "tls", cause: "DEPTH_ZERO_SELF_SIGNED_CERT" })
    expect(outcome.diagnosis?.id).toBe("certificate-untrusted")
    expect(ms).toBeLessThan(FAST.stepMs)
    expectNoAuthReceived(sim, outcome)
  })

  test("a server that offers AUTH but not STARTTLS", async () => {
    const sim = await simulator({ startTls: false })
    const { outcome, ms } = await timed(runDiagnosedTest(values(sim), options))
    expect(outcome.failure?.stage).toBe("tls")
    expect(outcome.diagnosis?.id).toBe("starttls-not-offered")
    // It did offer AUTH in plain text: the test saw it and still never used it.
    expect(outcome.transcript.some((line) => /^250[- ]AUTH LOGIN/m.test(line.text))).toBe(true)
    expect(ms).toBeLessThan(FAST.stepMs)
    expectNoAuthReceived(sim, outcome)
  })
})

describe("server faults: a specific diagnosis within the time limit", () => {
  test("a server that never greets", async () => {
    const sim = await simulator({ silent: true })
    const { outcome, ms } = await timed(runDiagnosedTest(values(sim), options))
    expect(outcome.failure?.stage).toBe("greeting")
    expect(outcome.diagnosis?.id).toBe("greeting-timeout")
    expect(ms).toBeLessThan(FAST.stepMs + 500)
    expectNoAuthReceived(sim, outcome)
  })

  test("a server that greets, then answers 421 and closes", async () => {
    const sim = await simulator({ closeAfterGreeting421: true })
    const { outcome, ms } = await timed(runDiagnosedTest(values(sim), options))
    expect(outcome.failure?.stage).toBe("ehlo")
    expect(outcome.failure?.reply).toMatch(/^421 4\.7\.66 TLS 1\.0 and 1\.1 are not supported\./)
    expect(outcome.diagnosis?.id).toBe("legacy-tls")
    expect(ms).toBeLessThan(FAST.stepMs)
    expectNoAuthReceived(sim, outcome)
  })

  test("a server whose every reply comes later than the step timeout", async () => {
    const sim = await simulator({ replyDelayMs: FAST.stepMs * 3 })
    const { outcome, ms } = await timed(runDiagnosedTest(values(sim), options))
    expect(outcome.stages.find((stage) => stage.id === "greeting")?.status).toBe("passed")
    expect(outcome.failure).toMatchObject({ stage: "ehlo", code: "ETIMEDOUT" })
    expect(outcome.diagnosis?.id).toBe("too-slow")
    expect(ms).toBeLessThan(FAST.stepMs + 500)
    expectNoAuthReceived(sim, outcome)
  })

  test("a server that drops the connection in the middle of DATA", async () => {
    const sim = await simulator({ dropInData: true })
    const { outcome, ms } = await timed(runDiagnosedTest(values(sim), options))
    expect(outcome.failure?.stage).toBe("data")
    expect(outcome.failure?.reply).toBeUndefined()
    expect(outcome.diagnosis?.id).toBe("dropped-during-data")
    expect(ms).toBeLessThan(FAST.stepMs)
    expect(sim.messages).toEqual([])
  })
})
