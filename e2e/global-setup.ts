import { startIdentityServer } from "../lib/practice/identity-server"
import { startDnsServer } from "../test-support/dns-server"
import { testServerTls } from "../test-support/test-ca"
import { TEST_CLIENT_SECRET, TEST_TOKEN_KEY } from "./support/test-secrets"

/**
 * Starts dnsmasq with the test zones, and the test identity server (the Microsoft identity
 * platform look-alike), on the fixed ports playwright.config.ts gave the app in
 * SMTP365_DNS_SERVERS and SMTP365_IDENTITY_URL; the returned function stops them after the run.
 */
export default async function globalSetup() {
  const [dns, identity] = await Promise.all([
    startDnsServer({ port: Number(process.env.SMTP365_TEST_DNS_PORT) }),
    startIdentityServer({
      tls: testServerTls(),
      port: Number(process.env.SMTP365_TEST_IDENTITY_PORT),
      tokenKey: TEST_TOKEN_KEY,
      clientSecret: TEST_CLIENT_SECRET,
      // Device code tests wait one poll after the sign-in, not Microsoft's five seconds.
      pollIntervalSeconds: 1,
    }),
  ])
  return async () => {
    await Promise.all([dns.stop(), identity.close()])
  }
}
