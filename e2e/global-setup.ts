import { startDnsServer } from "./support/dns-server"

/**
 * Starts dnsmasq with the test zones on the fixed port playwright.config.ts gave the app in
 * SMTP365_DNS_SERVERS; the returned function stops it after the run.
 */
export default async function globalSetup() {
  const dns = await startDnsServer({ port: Number(process.env.SMTP365_TEST_DNS_PORT) })
  return () => dns.stop()
}
