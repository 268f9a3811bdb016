import { spawn } from "node:child_process"
import { createSocket } from "node:dgram"
import { mkdtemp, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"

import { freePort } from "./free-port"

/** Azure Communication Services' DKIM and DKIM2 CNAMEs under a domain, as Microsoft documents them. */
function acsDkim(domain: string) {
  return [1, 2].map(
    (n) =>
      `cname=selector${n}-azurecomm-prod-net._domainkey.${domain},selector${n}-azurecomm-prod-net._domainkey.azurecomm.net`
  )
}

/**
 * Test zones, as dnsmasq options (one a line in its conf file). Names under .test are reserved
 * (RFC 2606); dnsmasq answers for the listed zones only, and NXDOMAIN for other names in them.
 */
export const TEST_ZONES: readonly string[] = [
  "local=/test/",
  "local=/outlook.com/",
  "local=/mx.microsoft/",
  "local=/onmicrosoft.com/",
  "local=/dkim.mail.microsoft/",
  "local=/office365.us/",
  "local=/azurecomm.net/",
  "local=/example.com/",
  "local=/example.org/",
  "local=/in-addr.arpa/",
  // Microsoft's include, shortened: what the checks follow.
  'txt-record=spf.protection.outlook.com,"v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 ip4:52.100.0.0/14 ip4:104.47.0.0/17 ip6:2a01:111:f400::/48 -all"',

  // good.test: all correct, classic MX and DKIM, the office IP 203.0.113.10 in SPF.
  "mx-host=good.test,good-test.mail.protection.outlook.com,0",
  'txt-record=good.test,"v=spf1 ip4:203.0.113.10 include:spf.protection.outlook.com -all"',
  'txt-record=good.test,"google-site-verification=abc123"',
  "cname=selector1._domainkey.good.test,selector1-good-test._domainkey.contoso.onmicrosoft.com",
  "cname=selector2._domainkey.good.test,selector2-good-test._domainkey.contoso.onmicrosoft.com",
  'txt-record=_dmarc.good.test,"v=DMARC1; p=reject; rua=mailto:dmarc@good.test"',

  // newmx.test: the newer mx.microsoft MX and dkim.mail.microsoft DKIM, DMARC only monitoring.
  "mx-host=newmx.test,newmx-test.o-v1.mx.microsoft,0",
  'txt-record=newmx.test,"v=spf1 include:spf.protection.outlook.com ~all"',
  "cname=selector1._domainkey.newmx.test,selector1-newmx-test._domainkey.contoso.n-v1.dkim.mail.microsoft",
  "cname=selector2._domainkey.newmx.test,selector2-newmx-test._domainkey.contoso.n-v1.dkim.mail.microsoft",
  'txt-record=_dmarc.newmx.test,"v=DMARC1; p=none"',

  // gcchigh.test: a GCC High tenant, MX under mail.protection.office365.us.
  "mx-host=gcchigh.test,contoso.mail.protection.office365.us,0",

  // noinclude.test: mail hosted elsewhere, SPF without Microsoft's include.
  "mx-host=noinclude.test,mx.otherhost.test,10",
  'txt-record=noinclude.test,"v=spf1 include:spf.otherhost.test ~all"',
  'txt-record=spf.otherhost.test,"v=spf1 ip4:192.0.2.0/24 -all"',

  // twospf.test: two SPF records.
  "mx-host=twospf.test,twospf-test.mail.protection.outlook.com,0",
  'txt-record=twospf.test,"v=spf1 include:spf.protection.outlook.com -all"',
  'txt-record=twospf.test,"v=spf1 ip4:198.51.100.7 ~all"',

  // toomany.test: a chain of includes, 11 lookups in all.
  "mx-host=toomany.test,toomany-test.mail.protection.outlook.com,0",
  'txt-record=toomany.test,"v=spf1 include:spf.protection.outlook.com include:l1.toomany.test -all"',
  ...Array.from({ length: 10 }, (_, index) =>
    index < 9
      ? `txt-record=l${index + 1}.toomany.test,"v=spf1 include:l${index + 2}.toomany.test -all"`
      : `txt-record=l${index + 1}.toomany.test,"v=spf1 ip4:198.51.100.0/24 -all"`
  ),

  // nodkim.test: MX, SPF and DMARC, no DKIM selectors.
  "mx-host=nodkim.test,nodkim-test.mail.protection.outlook.com,0",
  'txt-record=nodkim.test,"v=spf1 include:spf.protection.outlook.com -all"',
  'txt-record=_dmarc.nodkim.test,"v=DMARC1; p=quarantine; rua=mailto:d@nodkim.test"',

  // sub.test: DMARC with a subdomain policy; alerts.sub.test has no record of its own.
  'txt-record=_dmarc.sub.test,"v=DMARC1; p=reject; sp=quarantine; rua=mailto:d@sub.test"',

  // acs.test: an Azure Communication Services custom domain with the records its portal lists, its
  // mail received by another host; MX is not what ACS sends through.
  "mx-host=acs.test,mx.otherhost.test,10",
  'txt-record=acs.test,"ms-domain-verification=5d0c6a3e-2f41-4b8e-9c7a-1e2f3a4b5c6d"',
  'txt-record=acs.test,"v=spf1 include:spf.protection.outlook.com -all"',
  ...acsDkim("acs.test"),
  'txt-record=_dmarc.acs.test,"v=DMARC1; p=reject; rua=mailto:dmarc@acs.test"',

  // acsunverified.test: SPF and DKIM for ACS, but no verification TXT (another service's token only).
  'txt-record=acsunverified.test,"google-site-verification=abc123"',
  'txt-record=acsunverified.test,"v=spf1 include:spf.protection.outlook.com -all"',
  ...acsDkim("acsunverified.test"),

  // acssoftfail.test: ACS's include with ~all, which its verification refuses.
  'txt-record=acssoftfail.test,"ms-domain-verification=0b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b"',
  'txt-record=acssoftfail.test,"v=spf1 include:spf.protection.outlook.com ~all"',
  ...acsDkim("acssoftfail.test"),

  // acsnodkim.test: verified with SPF, and Microsoft 365's DKIM selectors instead of ACS's.
  'txt-record=acsnodkim.test,"ms-domain-verification=7c6b5a4f-3e2d-4c1b-8a9f-0e1d2c3b4a59"',
  'txt-record=acsnodkim.test,"v=spf1 include:spf.protection.outlook.com -all"',
  "cname=selector1._domainkey.acsnodkim.test,selector1-acsnodkim-test._domainkey.contoso.onmicrosoft.com",
  "cname=selector2._domainkey.acsnodkim.test,selector2-acsnodkim-test._domainkey.contoso.onmicrosoft.com",

  // acsotherdkim.test: DKIM2 points somewhere other than the documented target; the token is malformed.
  'txt-record=acsotherdkim.test,"ms-domain-verification=not-a-guid"',
  'txt-record=acsotherdkim.test,"v=spf1 include:spf.protection.outlook.com -all"',
  "cname=selector1-azurecomm-prod-net._domainkey.acsotherdkim.test,selector1-azurecomm-prod-net._domainkey.azurecomm.net",
  "cname=selector2-azurecomm-prod-net._domainkey.acsotherdkim.test,selector2-azurecomm-prod-net._domainkey.otherhost.test",

  // RFC 7208 appendix A.1's example.com and example.org (host-record also adds the PTR).
  "mx-host=example.com,mail-a.example.com,10",
  "mx-host=example.com,mail-b.example.com,20",
  "host-record=example.com,192.0.2.10",
  "host-record=example.com,192.0.2.11",
  "host-record=amy.example.com,192.0.2.65",
  "host-record=bob.example.com,192.0.2.66",
  "host-record=mail-a.example.com,192.0.2.129",
  "host-record=mail-b.example.com,192.0.2.130",
  "mx-host=example.org,mail-c.example.org,10",
  "host-record=mail-c.example.org,192.0.2.140",
  // RFC 7208 appendix A.4: a DNSBL-style exists: check.
  "host-record=3.2.0.192.in-addr._spf.example.com,127.0.0.2",
]

export interface RunningDnsServer {
  port: number
  stop(): Promise<void>
}

/**
 * Starts Debian's dnsmasq in the foreground on 127.0.0.1 serving TEST_ZONES, and resolves once it
 * answers. `port` 0 picks a free port.
 */
export async function startDnsServer(
  options: { port?: number; zones?: readonly string[] } = {}
): Promise<RunningDnsServer> {
  const port = options.port || (await freePort())
  const dir = await mkdtemp(path.join(tmpdir(), "smtp365-dns-"))
  const conf = path.join(dir, "zones.conf")
  await writeFile(conf, `${(options.zones ?? TEST_ZONES).join("\n")}\n`)
  const child = spawn(
    process.env.DNSMASQ_PATH ?? "/usr/sbin/dnsmasq",
    [
      "--no-daemon",
      "--no-resolv",
      "--no-hosts",
      "--conf-file=/dev/null",
      `--conf-file=${conf}`,
      "--listen-address=127.0.0.1",
      "--bind-interfaces",
      `--port=${port}`,
      "--pid-file=",
      // Root would drop to "nobody", which may not read the temp dir.
      ...(process.getuid?.() === 0 ? ["--user=root"] : []),
      "--cache-size=0",
    ],
    { stdio: ["ignore", "ignore", "pipe"] }
  )
  // A run that ends early (the web server failed to start, say) skips the teardown: dnsmasq would
  // outlive it and hold the port, and the next run would fail with "Address already in use".
  const killOnExit = () => child.kill("SIGTERM")
  process.once("exit", killOnExit)
  let stderr = ""
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      process.off("exit", killOnExit)
      resolve()
    })
  )

  // dnsmasq logs "started" once its sockets are bound.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dnsmasq did not start: ${stderr}`)), 5000)
    const check = () => {
      if (/started, version/.test(stderr)) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stderr.on("data", check)
    child.once("exit", (code) => {
      clearTimeout(timer)
      reject(new Error(`dnsmasq exited with ${code}: ${stderr}`))
    })
    check()
  })

  return {
    port,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM")
      await exited
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/**
 * A UDP "DNS server" on 127.0.0.1 that never answers (for timeouts) or answers every query with
 * SERVFAIL (`servfail: true`).
 */
export async function startBrokenDnsServer(
  options: { servfail?: boolean } = {}
): Promise<RunningDnsServer> {
  const socket = createSocket("udp4")
  if (options.servfail) {
    socket.on("message", (query, peer) => {
      if (query.length < 12) return
      const reply = Buffer.from(query)
      // QR=1 with the query's opcode and RD; RA=1 and RCODE=2 (SERVFAIL).
      reply[2] = 0x80 | ((query[2] ?? 0) & 0x79)
      reply[3] = 0x82
      socket.send(reply, peer.port, peer.address)
    })
  }
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve))
  return {
    port: socket.address().port,
    stop: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  }
}
