import { afterAll, describe, expect, test } from "vitest"

import { smtpAuthValues } from "@/test-support/setup-values"
import { startTestSmtpServer, type TestSmtpServer } from "@/test-support/smtp-servers"
import { issueTestServerCertificate } from "@/test-support/test-ca"
import { runDiagnosedTest } from "@/lib/actions/test-send"
import type { SecurityMode } from "@/lib/schemas/setup-fields"

// The server typed as an IP address (listed in SMTP365_ALLOWED_HOSTS): its certificate must name
// that address. Both certificates below come from the CA the test process trusts, so the name is
// the only thing that differs.
const PASSWORD = "Named-Right-31|unit"
const FAST = { stepMs: 2_000, totalMs: 6_000 }
const servers: TestSmtpServer[] = []

afterAll(() => Promise.all(servers.map((server) => server.close())))

/** A server on 127.0.0.1 that takes any sign-in, presenting a certificate for `names` and `ips`. */
async function serverWithCertificate(
  security: SecurityMode,
  subject: { names: string[]; ips: string[] }
) {
  const server = await startTestSmtpServer({
    ...(await issueTestServerCertificate(subject)),
    secure: security === "tls",
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username }),
  })
  servers.push(server)
  return server
}

const byAddress = (server: TestSmtpServer, security: SecurityMode) =>
  runDiagnosedTest(
    smtpAuthValues(
      { host: "127.0.0.1", port: server.port },
      { user: "sender@contoso.com", pass: PASSWORD },
      { security }
    ),
    { allowedHosts: ["127.0.0.1"], timeouts: FAST }
  )

describe("a server typed as an IP address", () => {
  test.for(["starttls", "tls"] as const)(
    "%s: a certificate for localhost only is refused, and AUTH is never sent",
    async (security) => {
      const server = await serverWithCertificate(security, { names: ["localhost"], ips: [] })
      const outcome = await byAddress(server, security)
      expect(outcome.ok).toBe(false)
      expect(outcome.failure).toMatchObject({ stage: "tls", cause: "ERR_TLS_CERT_ALTNAME_INVALID" })
      expect(outcome.diagnosis?.id).toBe("certificate-wrong-host")
      expect(server.auths).toEqual([])
      expect(outcome.transcript.some((line) => /^AUTH\b/.test(line.text))).toBe(false)
    }
  )

  test.for(["starttls", "tls"] as const)(
    "%s: a certificate that names the address (IP SAN 127.0.0.1) is accepted",
    async (security) => {
      const server = await serverWithCertificate(security, { names: [], ips: ["127.0.0.1"] })
      const outcome = await byAddress(server, security)
      expect(outcome.failure).toBeUndefined()
      expect(outcome.ok).toBe(true)
      expect(outcome.tls?.subject).toContain("IP Address:127.0.0.1")
      // The certificate the handshake checked, as the result shows it.
      expect(outcome.tls?.issuer).toBe("smtp365 local CA (practice mode and tests)")
      expect(Date.parse(outcome.tls?.validTo ?? "")).toBeGreaterThan(Date.now())
      expect(server.auths).toHaveLength(1)
    }
  )
})
