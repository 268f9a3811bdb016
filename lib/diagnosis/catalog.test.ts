import type { AddressInfo } from "node:net"
import tls from "node:tls"
import { generate } from "selfsigned"
import { afterAll, beforeAll, describe, expect, test } from "vitest"

import { PASTE_CORPUS } from "@/test-support/paste-corpus"
import { directSendValues, smtpAuthValues } from "@/test-support/setup-values"
import { testServerTls } from "@/test-support/test-ca"
import { runDiagnosedTest } from "@/lib/actions/test-send"
import { ACTOR_LABELS } from "@/lib/diagnosis/actors"
import {
  createCertificateAuthority,
  issueServerCertificate,
  type PemKeyPair,
} from "@/lib/practice/certificates"
import { startSimulator, type RunningSimulator } from "@/lib/practice/simulator"
import type { SetupValues } from "@/lib/schemas/setup"
import type { PracticeTarget, RunTestOptions } from "@/lib/smtp/run-test"
import type { Diagnosis, FailureFacts, StageId } from "@/lib/smtp/types"
import { CATALOG, FALLBACK_ENTRY } from "./catalog"
import { classify, type DiagnosisContext } from "./classify"
import { ROUTE_CATALOG } from "./route-catalog"

// Real SMTP sessions against the simulator on loopback, trusted through NODE_EXTRA_CA_CERTS.
const PASSWORD = "Sorrel-Lantern-42|catalog"
const FAST = { stepMs: 1_500, totalMs: 5_000 }
const options: RunTestOptions = { allowedHosts: ["localhost", "127.0.0.1"], timeouts: FAST }
const DAY_MS = 24 * 60 * 60 * 1000
// The name practice certificates are issued for; the session checks the certificate against it.
const PRACTICE_NAME = "practice.smtp365.invalid"

let submission: RunningSimulator
let mx: RunningSimulator
let rejectDirectSend: RunningSimulator
let practiceCa: PemKeyPair
/** Simulators presenting a bad certificate, for the TLS faults. */
const badTls: Record<
  "expired" | "wrongHost" | "unknownCa" | "selfSigned" | "notForServers",
  RunningSimulator | undefined
> = {
  expired: undefined,
  wrongHost: undefined,
  unknownCa: undefined,
  selfSigned: undefined,
  notForServers: undefined,
}
let dropping: RunningSimulator
let implicitTls: tls.Server

beforeAll(async () => {
  const serverTls = testServerTls()
  practiceCa = await createCertificateAuthority()
  const unknownAuthority = await createCertificateAuthority()
  const [expired, wrongHost, unknownCa, selfSigned, notForServers] = await Promise.all([
    issueServerCertificate(practiceCa, {
      names: [PRACTICE_NAME],
      ips: [],
      validFrom: new Date(Date.now() - 2 * DAY_MS),
      validTo: new Date(Date.now() - DAY_MS),
    }),
    issueServerCertificate(practiceCa, { names: ["someone-else.invalid"], ips: [] }),
    // Every practice CA has the same name, so OpenSSL tries the trusted one and the signature fails
    // ("certificate signature failure"); an unrelated authority reads as an unknown issuer instead.
    issueServerCertificate(unknownAuthority, { names: [PRACTICE_NAME], ips: [] }),
    selfSignedServerCertificate(),
    // A certificate authority's own certificate: not meant for a TLS server.
    createCertificateAuthority(),
  ])
  ;[
    submission,
    mx,
    rejectDirectSend,
    dropping,
    badTls.expired,
    badTls.wrongHost,
    badTls.unknownCa,
    badTls.selfSigned,
    badTls.notForServers,
  ] = await Promise.all([
    startSimulator({ role: "submission", tls: serverTls, password: PASSWORD }),
    startSimulator({ role: "mx", tls: serverTls }),
    startSimulator({ role: "mx", tls: serverTls, rejectDirectSend: true }),
    startSimulator({ role: "submission", tls: serverTls, password: PASSWORD, dropInData: true }),
    ...[expired, wrongHost, unknownCa, selfSigned, notForServers].map((keyPair) =>
      startSimulator({ role: "submission", tls: keyPair, password: PASSWORD })
    ),
  ])
  // A port that expects implicit TLS: it waits for a handshake and never greets in plain text.
  implicitTls = tls.createServer(serverTls, (socket) => socket.on("error", () => undefined))
  await new Promise<void>((resolve) => implicitTls.listen(0, "127.0.0.1", resolve))
})

afterAll(async () => {
  const simulators = [submission, mx, rejectDirectSend, dropping, ...Object.values(badTls)]
  await Promise.all(simulators.map((simulator) => simulator?.close()))
  await new Promise((resolve) => implicitTls.close(resolve))
})

/** A server certificate that signs itself, for the practice name (EC P-256, like practice certificates). */
async function selfSignedServerCertificate(): Promise<PemKeyPair> {
  const pems = await generate([{ name: "commonName", value: PRACTICE_NAME }], {
    keyType: "ec",
    curve: "P-256",
    algorithm: "sha256",
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "extKeyUsage", serverAuth: true },
      { name: "subjectAltName", altNames: [{ type: 2, value: PRACTICE_NAME }] },
    ],
  })
  return { key: pems.private, cert: pems.cert }
}

const signIn = (user: string, server: Partial<SetupValues["server"]> = {}) =>
  smtpAuthValues({ port: submission.port }, { user, pass: PASSWORD }, server)

const sendAs = (user: string, from: string) => {
  const values = signIn(user)
  values.sender.fromAddress = from
  return values
}

/** Direct Send to the MX role; `from` selects a scenario of PRACTICE_MX_SENDERS. */
const directSend = (from: string, to = "it-team@contoso.com", simulator = mx) => {
  const values = directSendValues({ port: simulator.port }, to)
  values.sender.fromAddress = from
  return values
}

/** Everything a diagnosis tells the user to do or look at, as one text. */
const guidance = (diagnosis: Diagnosis | undefined) =>
  [
    ...(diagnosis?.fix ?? []),
    ...(diagnosis?.commands ?? []),
    ...(diagnosis?.checks ?? []).flatMap((check) => [check.command ?? "", check.place ?? ""]),
  ].join("\n")

interface SessionRow {
  entry: string
  /** What the row sends, when several rows reach one entry. */
  via: string
  values: () => SetupValues
  /** A phrase the fix, commands or checks must contain: the fix itself. */
  names: string
}

/** One row per reply the simulator gives, so one or more per server-side, non-bounce entry. */
const SERVER_ROWS: SessionRow[] = [
  {
    entry: "smtp-auth-disabled-tenant",
    via: "auth-disabled-tenant",
    values: () => signIn("auth-disabled-tenant@contoso.com"),
    names:
      "Set-CASMailbox -Identity 'auth-disabled-tenant@contoso.com' -SmtpClientAuthenticationDisabled $false",
  },
  {
    entry: "smtp-auth-disabled-mailbox",
    via: "auth-disabled-mailbox",
    values: () => signIn("auth-disabled-mailbox@contoso.com"),
    names:
      "Set-CASMailbox -Identity 'auth-disabled-mailbox@contoso.com' -SmtpClientAuthenticationDisabled $false",
  },
  {
    entry: "security-defaults",
    via: "security-defaults",
    values: () => signIn("security-defaults@contoso.com"),
    names: "Manage security defaults",
  },
  {
    entry: "basic-auth-disabled",
    via: "basic-auth-disabled",
    values: () => signIn("basic-auth-disabled@contoso.com"),
    names: "AllowBasicAuthSmtp",
  },
  {
    entry: "conditional-access",
    via: "conditional-access",
    values: () => signIn("conditional-access@contoso.com"),
    names: "Sign-in logs, filtered on the user conditional-access@contoso.com",
  },
  {
    entry: "federated-sts-unreachable",
    via: "federated-sts-unreachable",
    values: () => signIn("federated-sts-unreachable@contoso.com"),
    names: "reachable from the internet over HTTPS with TLS 1.2",
  },
  {
    entry: "federated-sts-not-https",
    via: "federated-sts-not-https",
    values: () => signIn("federated-sts-not-https@contoso.com"),
    names: "over HTTPS with TLS 1.2",
  },
  {
    entry: "credentials-incorrect",
    via: "a wrong password",
    values: () => ({
      ...signIn("sender@contoso.com"),
      account: { user: "sender@contoso.com", pass: "nope" },
    }),
    names: "full sign-in address, for example sender@contoso.com",
  },
  {
    entry: "auth-unsuccessful",
    via: "legacy-auth-blocked",
    values: () => signIn("legacy-auth-blocked@contoso.com"),
    names: "Get-CASMailbox -Identity 'legacy-auth-blocked@contoso.com'",
  },
  {
    entry: "basic-auth-retired",
    via: "basic-auth-retired",
    values: () => signIn("basic-auth-retired@contoso.com"),
    names: "OAuth 2.0 (XOAUTH2)",
  },
  {
    entry: "not-authenticated",
    via: "no sign-in on the submission endpoint",
    values: () => directSendValues({ port: submission.port }, "it-team@contoso.com"),
    names: "send to your MX endpoint on port 25",
  },
  {
    entry: "starttls-required",
    via: "MAIL FROM before STARTTLS",
    values: () => {
      const values = directSendValues({ port: submission.port }, "it-team@contoso.com")
      values.server.security = "none"
      return values
    },
    names: "Set security to STARTTLS",
  },
  {
    entry: "legacy-tls",
    via: "legacy-tls",
    values: () => signIn("legacy-tls@contoso.com"),
    names: "Set-TransportConfig -AllowLegacyTLSClients $true",
  },
  {
    entry: "throttled-mailbox-full",
    via: "throttled-mailbox-full",
    values: () => signIn("throttled-mailbox-full@contoso.com"),
    names: "Free space in the mailbox",
  },
  {
    entry: "throttled-send-as-denied",
    via: "throttled-send-as-denied",
    values: () => signIn("throttled-send-as-denied@contoso.com"),
    names: "Add-RecipientPermission",
  },
  {
    entry: "throttled-invalid-license",
    via: "throttled-invalid-license",
    values: () => signIn("throttled-invalid-license@contoso.com"),
    names: "license that includes Exchange Online",
  },
  {
    entry: "throttled-too-many-recipients",
    via: "throttled-too-many-recipients",
    values: () => signIn("throttled-too-many-recipients@contoso.com"),
    names: "at most 500 recipients",
  },
  {
    entry: "throttled-invalid-recipients",
    via: "throttled-invalid-recipients",
    values: () => signIn("throttled-invalid-recipients@contoso.com"),
    names: "invalid addresses",
  },
  {
    entry: "send-as-denied",
    via: "554 5.2.252 SendAsDenied",
    values: () => sendAs("sender@contoso.com", "ceo@contoso.com"),
    names:
      "Add-RecipientPermission -Identity 'ceo@contoso.com' -Trustee 'sender@contoso.com' -AccessRights SendAs",
  },
  {
    entry: "send-as-denied",
    via: "550 5.7.60",
    values: () => sendAs("send-as-5-7-60@contoso.com", "ceo@contoso.com"),
    names: "set the From address to send-as-5-7-60@contoso.com",
  },
  {
    entry: "send-as-denied",
    via: "554 5.2.0 SendAsDeniedException",
    values: () => sendAs("send-as-5-2-0@contoso.com", "ceo@contoso.com"),
    names:
      "Add-RecipientPermission -Identity 'ceo@contoso.com' -Trustee 'send-as-5-2-0@contoso.com'",
  },
  {
    entry: "thread-limit",
    via: "thread-limit",
    values: () => signIn("thread-limit@contoso.com"),
    names: "Give each device its own mailbox",
  },
  {
    entry: "submission-quota-exceeded",
    via: "quota-exceeded",
    values: () => signIn("quota-exceeded@contoso.com"),
    names: "back under its daily limit",
  },
  {
    entry: "mailbox-full",
    via: "mailbox-full",
    values: () => signIn("mailbox-full@contoso.com"),
    names: "Sent Items first, or raise its quota",
  },
  {
    entry: "outbound-spam-restricted",
    via: "outbound-spam",
    values: () => signIn("outbound-spam@contoso.com"),
    names: "not compromised",
  },
  {
    entry: "bad-outbound-sender",
    via: "bad-outbound-sender",
    values: () => signIn("bad-outbound-sender@contoso.com"),
    names: "https://security.microsoft.com/restrictedusers",
  },
  {
    entry: "account-banned",
    via: "5.7.501",
    values: () => signIn("spam-abuse@contoso.com"),
    names: "Contact Microsoft support",
  },
  {
    entry: "account-banned",
    via: "5.7.502",
    values: () => signIn("banned-sender@contoso.com"),
    names: "Contact Microsoft support",
  },
  {
    entry: "tenant-threshold",
    via: "tenant-threshold",
    values: () => signIn("tenant-threshold@contoso.com"),
    names: "contact Microsoft support to lift the block",
  },
  {
    entry: "tenant-attribution",
    via: "MAIL FROM tenant-attribution",
    values: () => directSend("tenant-attribution@contoso.com"),
    names: "current public IP address",
  },
  {
    entry: "direct-send-rejected",
    via: "RejectDirectSend",
    values: () => directSend("scanner@contoso.com", "it-team@contoso.com", rejectDirectSend),
    names: "partner inbound connector",
  },
  {
    entry: "ip-blocklisted",
    via: "MAIL FROM blocklisted-ip",
    values: () => directSend("blocklisted-ip@contoso.com"),
    names: "delist@messaging.microsoft.com",
  },
  {
    entry: "ip-throttled",
    via: "MAIL FROM throttled-ip",
    values: () => directSend("throttled-ip@contoso.com"),
    names: "inbound connector for their IP addresses",
  },
  {
    entry: "ip-banned",
    via: "MAIL FROM banned-ip",
    values: () => directSend("banned-ip@contoso.com"),
    names: "delist@messaging.microsoft.com",
  },
  {
    entry: "sending-ip-banned",
    via: "MAIL FROM banned-sending-ip",
    values: () => directSend("banned-sending-ip@contoso.com"),
    names: "delist portal",
  },
  {
    entry: "ip-not-accepted",
    via: "MAIL FROM untrusted-ip",
    values: () => directSend("untrusted-ip@contoso.com"),
    names: "ask for an exception",
  },
  {
    entry: "unregistered-domain",
    via: "MAIL FROM unregistered-domain",
    values: () => directSend("unregistered-domain@contoso.com"),
    names: "Add and verify every domain",
  },
  {
    entry: "recipient-rejected",
    via: "a recipient missing from the directory",
    values: () => directSend("scanner@contoso.com", "no-such-user@contoso.com"),
    names: "Check the recipient address",
  },
  {
    entry: "relay-denied",
    via: "Direct Send to an external recipient",
    values: () => directSend("scanner@contoso.com", "someone@gmail.com"),
    names: "use SMTP AUTH (smtp.office365.com, 587)",
  },
]

// OAuth (XOAUTH2) entries are reproduced against the local identity server and the simulator in
// lib/smtp/oauth-run-test.test.ts, which asserts each of these diagnoses.
const OAUTH_ENTRIES_IN_OAUTH_TESTS = [
  "aadsts-invalid-client-secret",
  "aadsts-client-secret-expired",
  "aadsts-application-not-found",
  "aadsts-tenant-not-found",
  "aadsts-consent-missing",
  "aadsts-public-client-flows-off",
  "aadsts-not-multi-tenant",
  "aadsts-device-code-expired",
  "aadsts-authorization-pending",
  "identity-unreachable",
  "device-code-not-finished",
  "xoauth2-graph-token",
  "xoauth2-app-rejected",
  "xoauth2-delegated-rejected",
  "xoauth2-malformed",
]

// High Volume Email and Azure Communication Services entries are reproduced against their own
// simulators in route-catalog.test.ts, which asserts each of these diagnoses.
const ROUTE_ENTRIES_IN_ROUTE_TESTS = ROUTE_CATALOG.map((entry) => entry.id)

// What no test of smtp365 can meet: a client's own mistakes smtp365 never makes (AUTH PLAIN, AUTH
// before STARTTLS, TLS 1.0 only), Outlook.com's and block lists' refusals of a sending server,
// Microsoft 365's internal errors, other providers. Real pasted texts of each are diagnosed in
// paste-corpus.test.ts.
const ENTRIES_IN_PASTE_CORPUS = PASTE_CORPUS.flatMap((text) => text.expect)

describe("every server-side entry, reproduced by the simulator in a real session", () => {
  test.concurrent.for(SERVER_ROWS.map((row) => [row.entry, row.via, row] as const))(
    "%s (%s)",
    async ([entry, , row], { expect }) => {
      const outcome = await runDiagnosedTest(row.values(), options)
      expect(outcome.ok).toBe(false)
      expect(outcome.failure?.reply).toBeTruthy()
      expect(outcome.diagnosis?.id).toBe(entry)
      expect(outcome.diagnosis?.generic).toBeUndefined()
      expect(guidance(outcome.diagnosis)).toContain(row.names)
    }
  )

  test("covers every server-side entry that is not bounce-only", () => {
    const covered = new Set([
      ...SERVER_ROWS.map((row) => row.entry),
      ...OAUTH_ENTRIES_IN_OAUTH_TESTS,
      ...ROUTE_ENTRIES_IN_ROUTE_TESTS,
      ...ENTRIES_IN_PASTE_CORPUS,
      // No public text of the reply was found: "replies and faults no live test reaches" below.
      "tenant-external-limit",
    ])
    const missing = CATALOG.filter(
      (entry) => entry.side === "server" && !entry.bounceOnly && !covered.has(entry.id)
    ).map((entry) => entry.id)
    expect(missing).toEqual([])
  })

  test("the 5.7.139 variants each lead to one switch, and say when it may not be enough", async () => {
    const outcome = await runDiagnosedTest(signIn("auth-disabled-mailbox@contoso.com"), options)
    expect(outcome.diagnosis?.commands).toEqual([
      "Connect-ExchangeOnline -UserPrincipalName 'admin@contoso.com'",
      "Set-CASMailbox -Identity 'auth-disabled-mailbox@contoso.com' -SmtpClientAuthenticationDisabled $false",
    ])
    expect(outcome.diagnosis?.checks?.map((check) => check.command)).toEqual([
      "Get-CASMailbox -Identity 'auth-disabled-mailbox@contoso.com' | Format-List SmtpClientAuthenticationDisabled",
    ])
    // A note beside the fix, not a step of it.
    expect(outcome.diagnosis?.caveat?.title).toBe("Uncertain after December 2026")
    expect(outcome.diagnosis?.caveat?.text).toMatch(/^Microsoft's timeline of 27 January 2026 /)
    expect(outcome.diagnosis?.fix.join(" ")).not.toContain("December 2026")
  })
})

/** A practice target serving another simulator, trusted through the practice CA only. */
const practiceAt =
  (simulator: () => RunningSimulator | undefined) => async (): Promise<PracticeTarget> => ({
    address: "127.0.0.1",
    port: simulator()!.port,
    servername: PRACTICE_NAME,
    ca: practiceCa.cert,
    description: "a simulator with a bad certificate",
  })

const practiceSignIn = () => signIn("sender@contoso.com", { practice: true, port: "587" })

// Already covered by lib/smtp/run-test.test.ts, with the session details they need: a refused
// connection, a silent server, implicit TLS against a STARTTLS port, no STARTTLS, Security None,
// a host that is not allowed.
const CLIENT_FAULTS_IN_RUN_TEST = [
  "connection-refused",
  "greeting-timeout",
  "implicit-tls-on-starttls-port",
  "starttls-not-offered",
  "credentials-without-tls",
  "host-not-allowed",
]

describe("client-side faults in a real session", () => {
  test.concurrent.for([
    ["certificate-expired", "an expired certificate", () => badTls.expired, "date and time"],
    [
      "certificate-wrong-host",
      "a certificate for another name",
      () => badTls.wrongHost,
      "never an IP address",
    ],
    [
      "certificate-untrusted",
      "a certificate from an unknown authority",
      () => badTls.unknownCa,
      "intercepts TLS",
    ],
    [
      "certificate-untrusted",
      "a self-signed certificate",
      () => badTls.selfSigned,
      "intercepts TLS",
    ],
    [
      "certificate-invalid",
      "a certificate not meant for a server",
      () => badTls.notForServers,
      "intercepts TLS",
    ],
  ] as const)("%s: %s", async ([entry, , simulator, names], { expect }) => {
    const outcome = await runDiagnosedTest(practiceSignIn(), {
      ...options,
      practiceTarget: practiceAt(simulator),
    })
    expect(outcome.failure?.stage).toBe("tls")
    expect(outcome.diagnosis?.id).toBe(entry)
    expect(guidance(outcome.diagnosis)).toContain(names)
    // Nothing was signed in: the credentials never left.
    expect(outcome.transcript.some((line) => line.text.startsWith("AUTH"))).toBe(false)
  })

  test("dropped-during-data: the connection is cut in the middle of the message", async () => {
    const outcome = await runDiagnosedTest(
      smtpAuthValues({ port: dropping.port }, { user: "sender@contoso.com", pass: PASSWORD }),
      options
    )
    expect(outcome.failure).toMatchObject({ stage: "data", code: "ECONNECTION" })
    expect(outcome.diagnosis?.id).toBe("dropped-during-data")
    expect(dropping.messages).toEqual([])
  })

  test("greeting-timeout: STARTTLS against a port that expects implicit TLS", async () => {
    const { port } = implicitTls.address() as AddressInfo
    const outcome = await runDiagnosedTest(signIn("sender@contoso.com", { port: String(port) }), {
      ...options,
      timeouts: { stepMs: 500, totalMs: 2_000 },
    })
    expect(outcome.failure).toMatchObject({ stage: "greeting", cause: "GREETING_TIMEOUT" })
    expect(outcome.diagnosis?.id).toBe("greeting-timeout")
    expect(outcome.diagnosis?.causes?.[0]).toMatch(/implicit TLS/)
  })
})

const CONTEXT: DiagnosisContext = {
  mailbox: "printer@contoso.com",
  from: "printer@contoso.com",
  host: "smtp.office365.com",
  port: 587,
}

const facts = (reply: string, stage: StageId = "data"): FailureFacts => ({
  stage,
  code: "EPASTED",
  reply,
  message: "pasted",
})

describe("replies and faults no live test reaches", () => {
  // Bounce-only codes and wordings the simulator does not give; the paste page owns the parsing.
  test.for([
    ["5.1.10 Recipient not found", "recipient-not-found", true],
    [
      "550 5.7.193 UnifiedGroupAgent; Delivery failed because the sender isn't a group member or external senders aren't permitted to send to this group.",
      "group-rejects-outsiders",
      true,
    ],
    [
      "550 5.7.509 Access denied, sending domain [contoso.com] does not pass DMARC verification",
      "dmarc-failed",
      true,
    ],
    [
      "550 5.7.23 The message was rejected because of Sender Policy Framework violation",
      "spf-failed",
      true,
    ],
    [
      "550 5.7.515 Access denied, sending domain contoso.com doesn't meet the required authentication level.",
      "authentication-level-required",
      true,
    ],
    [
      "5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM [PH7PR17MB1234.namprd17.prod.outlook.com]",
      "not-authenticated",
      false,
    ],
    ["Remote Server returned '550 5.7.1 Unable to relay'", "relay-denied", false],
    ["550 5.4.1 Relay Access Denied", "relay-denied", false],
    ["5.2.2 Submission quota exceeded", "submission-quota-exceeded", false],
    [
      "5.1.90 Your message can't be sent because you've reached your daily limit for message recipients",
      "submission-quota-exceeded",
      false,
    ],
    [
      "554 5.2.2 mailbox full; STOREDRV.Submission.Exception:QuotaExceededException.MapiExceptionQuotaExceeded",
      "mailbox-full",
      false,
    ],
    ["432 4.3.2 concurrent connection limit exceeded", "thread-limit", false],
    ["550 5.7.503 Access denied, banned sender", "account-banned", false],
    ["451 4.7.699 Access denied, please try again later", "ip-throttled", false],
    ["550 5.7.649 Access denied, banned sending IP [203.0.113.9]", "sending-ip-banned", false],
    // Only the code: no public log of this reply's text was found (reference §1e).
    ["550 5.7.233", "tenant-external-limit", false],
  ] as const)("%s → %s", ([reply, id, bounceOnly]) => {
    const diagnosis = classify(facts(reply), CONTEXT)
    expect(diagnosis.id).toBe(id)
    expect(diagnosis.bounceOnly ?? false).toBe(bounceOnly)
  })

  test("the group's command is filled in with the recipient when it is known", () => {
    const reply =
      "550 5.7.193 UnifiedGroupAgent; Delivery failed because the sender isn't a group member or external senders aren't permitted to send to this group."
    const diagnosis = classify(facts(reply), { ...CONTEXT, to: "sales@contoso.com" })
    expect(diagnosis.commands).toContain(
      "Set-UnifiedGroup -Identity 'sales@contoso.com' -RequireSenderAuthenticationEnabled $false"
    )
  })

  test("the same code 5.2.252 reads by its text: throttled, or Send As denied", () => {
    expect(
      classify(
        facts("550 5.2.252 Sender throttled due to continuous send as denied errors."),
        CONTEXT
      ).id
    ).toBe("throttled-send-as-denied")
    expect(
      classify(
        facts(
          "554 5.2.252 SendAsDenied; printer@contoso.com not allowed to send as ceo@contoso.com"
        ),
        CONTEXT
      ).id
    ).toBe("send-as-denied")
  })

  test("an IP address in the text is not read as an enhanced code", () => {
    const diagnosis = classify(facts("550 Rejected: client 10.5.7.1 is not allowed"), CONTEXT)
    expect(diagnosis.id).toBe(FALLBACK_ENTRY.id)
    expect(diagnosis.meaning).not.toContain("5.7.1")
  })

  // Faults a loopback test cannot produce (a blocked port, a name that does not resolve), from the
  // facts the session reports for them.
  test.for([
    [{ stage: "connect", code: "ETIMEDOUT", cause: "CONNECT_TIMEOUT" }, 25, "port-25-blocked"],
    [{ stage: "connect", code: "ETIMEDOUT", cause: "CONNECT_TIMEOUT" }, 587, "connect-timeout"],
    [{ stage: "resolve", code: "EDNS", cause: "ENOTFOUND" }, 587, "dns-failure"],
    [
      { stage: "greeting", code: "ETIMEDOUT", cause: "GREETING_TIMEOUT" },
      465,
      "greeting-timeout-implicit-port",
    ],
    [{ stage: "ehlo", code: "ETIMEDOUT" }, 587, "too-slow"],
    [{ stage: "auth", code: "ESOCKET" }, 587, "connection-dropped"],
    [
      { stage: "tls", code: "ETLS", cause: "ERR_SSL_UNSUPPORTED_PROTOCOL" },
      587,
      "tls-version-mismatch",
    ],
    [{ stage: "connect", code: "ESOCKET", cause: "ENETUNREACH" }, 587, "network-unreachable"],
    [{ stage: "connect", code: "ESOCKET", cause: "EACCES" }, 587, "network-unreachable"],
  ] as const)("%o on port %i → %s", ([partial, port, id]) => {
    const diagnosis = classify({ ...partial, message: "fault" }, { ...CONTEXT, port })
    expect(diagnosis.id).toBe(id)
  })

  test("covers every client-side entry, here or in run-test.test.ts", () => {
    const here = [
      "certificate-expired",
      "certificate-invalid",
      "certificate-wrong-host",
      "certificate-untrusted",
      "dropped-during-data",
      "greeting-timeout",
      "port-25-blocked",
      "connect-timeout",
      "dns-failure",
      "greeting-timeout-implicit-port",
      "too-slow",
      "connection-dropped",
      "tls-version-mismatch",
    ]
    const covered = new Set([
      ...here,
      ...CLIENT_FAULTS_IN_RUN_TEST,
      // lib/practice/practice-server.test.ts: a port the practice server does not answer on.
      "practice-port-closed",
      ...OAUTH_ENTRIES_IN_OAUTH_TESTS,
      ...ENTRIES_IN_PASTE_CORPUS,
    ])
    const missing = CATALOG.filter((entry) => entry.side === "client" && !covered.has(entry.id))
    expect(missing.map((entry) => entry.id)).toEqual([])
  })
})

describe("a reply nothing matches", () => {
  test("gets the generic reading of its codes, marked as not specific to Microsoft 365", () => {
    const diagnosis = classify(facts("550 5.7.999 Something new happened"), CONTEXT)
    expect(diagnosis).toMatchObject({ id: "unrecognised", generic: true, retry: false })
    expect(diagnosis.headline).toBe(
      "The server refused the test (permanent, security or policy status)"
    )
    expect(diagnosis.meaning).toContain("not specific to Microsoft 365")
    expect(diagnosis.meaning).toContain("550 is a permanent (5xx) refusal")
    expect(diagnosis.meaning).toContain("detail 999 is not one RFC 3463 defines")
    expect(diagnosis.sources.map((source) => source.url)).toContain(
      "https://www.rfc-editor.org/rfc/rfc3463"
    )
  })

  test("a 4xx reply is temporary, and RFC 3463's detail meaning is given when it has one", () => {
    const diagnosis = classify(facts("452 4.2.2 Over quota somewhere else"), CONTEXT)
    expect(diagnosis).toMatchObject({ generic: true, retry: true })
    expect(diagnosis.headline).toBe("The server refused the test (temporary, mailbox status)")
    expect(diagnosis.meaning).toContain('detail 4.2.2 is "Mailbox full"')
    expect(diagnosis.fix[0]).toMatch(/^Try again later/)
  })

  test("the basic code decides, and a bounce with only an enhanced code falls back to its class", () => {
    expect(classify(facts("554 Transaction failed"), CONTEXT)).toMatchObject({
      generic: true,
      retry: false,
      headline: "The server refused the test (permanent)",
    })
    expect(classify(facts("4.4.7 Message expired"), CONTEXT).meaning).toContain(
      '"Delivery time expired"'
    )
  })

  test("a failure without any reply says so", () => {
    const diagnosis = classify({ stage: "connect", code: "EUNKNOWN", message: "odd" }, CONTEXT)
    expect(diagnosis).toMatchObject({
      id: "unrecognised",
      generic: true,
      headline: "The test failed",
    })
  })
})

describe("the catalog as data", () => {
  test("every entry has an id, a headline, causes, a fix, who acts and a source", () => {
    const ids = CATALOG.map((entry) => entry.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const entry of [...CATALOG, FALLBACK_ENTRY]) {
      expect(entry.headline, entry.id).toMatch(/\S/)
      expect(entry.meaning, entry.id).toMatch(/\S/)
      expect(entry.fix.length, entry.id).toBeGreaterThan(0)
      expect(ACTOR_LABELS[entry.who], entry.id).toBeTruthy()
      expect(entry.sources.length, entry.id).toBeGreaterThan(0)
      for (const source of entry.sources) expect(source.url, entry.id).toMatch(/^https:\/\//)
      if (entry !== FALLBACK_ENTRY) expect(entry.causes.length, entry.id).toBeGreaterThan(0)
    }
  })

  test("server entries match on codes or text, client entries on what the client saw", () => {
    for (const entry of CATALOG) {
      const { enhanced, text, code, cause } = entry.match
      if (entry.side === "server") expect(Boolean(enhanced || text), entry.id).toBe(true)
      else expect(Boolean(code || cause), entry.id).toBe(true)
      if (entry.bounceOnly) expect(entry.side, entry.id).toBe("server")
    }
  })

  test("a fix names the read-only checks rather than pointing down at them", () => {
    // The card and the report show the checks above the fix, the commands below it.
    for (const entry of [...CATALOG, FALLBACK_ENTRY]) {
      for (const step of entry.fix) expect(step, entry.id).not.toMatch(/checks? below/i)
    }
  })

  test("every authentication entry has read-only checks", () => {
    const authentication = CATALOG.filter((entry) =>
      (entry.match.enhanced ?? []).some((code) =>
        ["5.7.139", "5.7.3", "5.7.30", "5.7.57"].includes(code)
      )
    ).filter((entry) => entry.id !== "starttls-required")
    expect(authentication.length).toBeGreaterThanOrEqual(11)
    for (const entry of authentication) {
      expect(entry.checks?.length, entry.id).toBeGreaterThan(0)
      for (const check of entry.checks ?? []) {
        expect(check.command ?? check.place, entry.id).toBeTruthy()
        expect(check.command ?? "", entry.id).not.toMatch(/^(Set|New|Remove|Add|Enable|Disable)-/)
      }
    }
  })
})
