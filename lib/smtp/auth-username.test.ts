import type { AddressInfo } from "node:net"
import { SMTPServer, type SMTPServerAuthentication } from "smtp-server"
import { afterEach, describe, expect, test } from "vitest"

import { signInValues } from "@/test-support/setup-values"
import { testServerTls } from "@/test-support/test-ca"
import { runSmtpTest } from "./run-test"

// Azure Communication Services' username holds "|" (<resource>|<app ID>|<tenant ID>). A real
// smtp-server on loopback, offering one mechanism at a time, records what it decoded from the wire.
const USERNAME =
  "contoso-acs|3f2b8c41-0a6e-4d6b-9c1e-000000000021|7d5c3f0e-6a1b-4c2d-9e8f-0a1b2c3d4e5f"
const SECRET = "Q8~practice|secret=with/odd+chars"

let server: SMTPServer | undefined

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = undefined
})

/** Starts a STARTTLS server offering only `mechanism`; resolves with its port and the sign-ins it saw. */
async function serverOffering(mechanism: "LOGIN" | "PLAIN") {
  const seen: Pick<SMTPServerAuthentication, "method" | "username" | "password">[] = []
  server = new SMTPServer({
    ...testServerTls(),
    authMethods: [mechanism],
    logger: false,
    disableReverseLookup: true,
    onAuth(auth, _session, callback) {
      seen.push({ method: auth.method, username: auth.username, password: auth.password })
      callback(null, { user: auth.username })
    },
    onData(stream, _session, callback) {
      stream.resume()
      stream.on("end", () => callback())
    },
  })
  const running = server
  await new Promise<void>((resolve) => running.listen(0, "127.0.0.1", resolve))
  return { port: (running.server.address() as AddressInfo).port, seen }
}

describe("a username with | reaches the server whole", () => {
  test.for(["LOGIN", "PLAIN"] as const)("through AUTH %s", async (mechanism) => {
    const { port, seen } = await serverOffering(mechanism)
    const values = signInValues(
      "acs",
      { host: "localhost", port },
      { user: USERNAME, pass: SECRET },
      "donotreply@contoso.com"
    )
    const outcome = await runSmtpTest(values, { allowedHosts: ["localhost"] })
    expect(outcome.ok).toBe(true)
    expect(seen).toEqual([{ method: mechanism, username: USERNAME, password: SECRET }])
    // The transcript names the mechanism, never the username or the secret.
    const transcript = outcome.transcript.map((line) => line.text).join("\n")
    expect(transcript).toContain(`AUTH ${mechanism}`)
    expect(transcript).not.toContain(USERNAME)
    expect(transcript).not.toContain(Buffer.from(USERNAME).toString("base64"))
    expect(JSON.stringify(outcome)).not.toContain(SECRET)
  })
})
