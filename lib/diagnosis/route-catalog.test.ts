import { afterAll, beforeAll, describe, expect, test } from "vitest"

import { signInValues } from "@/test-support/setup-values"
import { testServerTls } from "@/test-support/test-ca"
import { runDiagnosedTest } from "@/lib/actions/test-send"
import { PRACTICE_ACS_MAIL_FROM } from "@/lib/practice/acs-accounts"
import { startIdentityServer, type RunningIdentityServer } from "@/lib/practice/identity-server"
import { PRACTICE_CLIENT_SECRET, PRACTICE_TENANT_ID } from "@/lib/practice/identity-scenarios"
import { startSimulator, type RunningSimulator } from "@/lib/practice/simulator"
import type { SetupValues } from "@/lib/schemas/setup"
import type { RunTestOptions } from "@/lib/smtp/run-test"
import type { FailureFacts, StageId, StageStatus, TestOutcome } from "@/lib/smtp/types"
import { classify, type DiagnosisContext } from "./classify"
import { ROUTE_CATALOG } from "./route-catalog"

// Every practice account of the HVE and ACS simulators, through the real engine: real SMTP over
// loopback, a real HTTPS identity server for HVE's OAuth, trusted through NODE_EXTRA_CA_CERTS.
const PASSWORD = "Sorrel-Lantern-42|route"
const TOKEN_KEY = "route-catalog-hs256-key"
const FAST = { stepMs: 3_000, totalMs: 8_000 }
const HVE_HOST = "SA1PR12MB5678.namprd12.prod.outlook.com"
const ACS_USER = (app: number) =>
  `contoso-acs|3f2b8c41-0a6e-4d6b-9c1e-${String(app).padStart(12, "0")}|${PRACTICE_TENANT_ID}`

let hve: RunningSimulator
let acs: RunningSimulator
let identity: RunningIdentityServer
let options: RunTestOptions

beforeAll(async () => {
  const tls = testServerTls()
  ;[hve, acs, identity] = await Promise.all([
    startSimulator({ role: "hve", tls, password: PASSWORD, tokenKey: TOKEN_KEY }),
    startSimulator({ role: "acs", tls }),
    startIdentityServer({ tls, tokenKey: TOKEN_KEY }),
  ])
  options = { allowedHosts: ["localhost"], timeouts: FAST, identityUrl: identity.url }
})

afterAll(async () => {
  await Promise.all([hve.close(), acs.close(), identity.close()])
})

const hveAccount = (user: string, to = "it-team@contoso.com") => {
  const values = signInValues("hve", { port: hve.port }, { user, pass: PASSWORD }, user)
  values.test.to = to
  return values
}

const hveApp = (app: number): SetupValues => {
  const values = signInValues(
    "hve",
    { port: hve.port },
    { user: "hve-sender@contoso.com", pass: "" },
    "hve-sender@contoso.com"
  )
  values.account = {
    ...values.account,
    authType: "oauth-app",
    tenant: PRACTICE_TENANT_ID,
    clientId: `3f2b8c41-0a6e-4d6b-9c1e-${String(app).padStart(12, "0")}`,
    clientSecret: PRACTICE_CLIENT_SECRET,
  }
  return values
}

const acsUser = (user: string, pass = PRACTICE_CLIENT_SECRET, from = PRACTICE_ACS_MAIL_FROM) =>
  signInValues("acs", { port: acs.port }, { user, pass }, from)

/** The status of each stage that decides the outcome. */
const statuses = (outcome: TestOutcome) =>
  Object.fromEntries(
    outcome.stages
      .filter((stage) => ["token", "auth", "mail", "rcpt", "data"].includes(stage.id))
      .map((stage) => [stage.id, stage.status])
  ) as Partial<Record<StageId, StageStatus>>

const PASSED = { auth: "passed", mail: "passed", rcpt: "passed", data: "passed" } as const

interface Row {
  name: string
  values: () => SetupValues
  stages: Partial<Record<StageId, StageStatus>>
  reply?: string
  diagnosis?: string
}

const ROWS: Row[] = [
  {
    name: "HVE: a working account (password)",
    values: () => hveAccount("hve-sender@contoso.com"),
    stages: PASSED,
  },
  {
    name: "HVE: a recipient outside the organisation",
    values: () => hveAccount("hve-sender@contoso.com", "someone@fabrikam.example"),
    // DATA is pipelined after RCPT TO, and refused once no recipient is left (503).
    stages: { auth: "passed", mail: "passed", rcpt: "failed", data: "failed" },
    reply: "550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain",
    diagnosis: "hve-external-recipient",
  },
  {
    name: "HVE: security defaults",
    values: () => hveAccount("hve-security-defaults@contoso.com"),
    stages: { auth: "failed", mail: "not-reached", rcpt: "not-reached", data: "not-reached" },
    reply:
      "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.",
    diagnosis: "hve-security-defaults",
  },
  {
    name: "HVE: Conditional Access",
    values: () => hveAccount("hve-conditional-access@contoso.com"),
    stages: { auth: "failed", mail: "not-reached", rcpt: "not-reached", data: "not-reached" },
    reply:
      "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.",
    diagnosis: "hve-conditional-access",
  },
  {
    name: "HVE: OAuth app-only, an app on the account's Allowed Apps",
    values: () => hveApp(9),
    stages: { token: "passed", ...PASSED },
  },
  {
    name: "HVE: OAuth app-only, an app not on the account's Allowed Apps",
    values: () => hveApp(10),
    stages: { token: "passed", auth: "failed", mail: "not-reached" },
    reply: `535 5.7.3 Authentication unsuccessful [${HVE_HOST}]`,
    diagnosis: "hve-app-not-allowed",
  },
  {
    name: "ACS: the three-part username",
    values: () => acsUser(ACS_USER(21)),
    stages: PASSED,
  },
  {
    name: "ACS: an SMTP Username",
    values: () => acsUser("contoso-scanner"),
    stages: PASSED,
  },
  {
    name: "ACS: a wrong client secret",
    values: () => acsUser(ACS_USER(21), "not-the-secret"),
    stages: { auth: "failed", mail: "not-reached" },
    reply: "535 5.7.3 Authentication unsuccessful",
    diagnosis: "acs-authentication-unsuccessful",
  },
  {
    name: "ACS: an app whose secret was replaced",
    values: () => acsUser(ACS_USER(23)),
    stages: { auth: "failed", mail: "not-reached" },
    reply: "535 5.7.3 Authentication unsuccessful",
    diagnosis: "acs-authentication-unsuccessful",
  },
  {
    name: "ACS: an app without a role on the resource",
    values: () => acsUser(ACS_USER(22)),
    stages: { auth: "failed", mail: "not-reached" },
    reply: "535 5.7.3 Authentication unsuccessful",
    diagnosis: "acs-authentication-unsuccessful",
  },
  {
    name: "ACS: a From in a domain not connected to the resource",
    values: () => acsUser(ACS_USER(21), PRACTICE_CLIENT_SECRET, "scanner@fabrikam.example"),
    // The client pipelines RCPT TO and DATA after MAIL FROM: the server refuses them too (503).
    stages: { auth: "passed", mail: "failed", rcpt: "failed", data: "failed" },
    reply: "501 5.1.7 The specified sender domain has not been linked.",
    diagnosis: "acs-sender-domain-not-linked",
  },
]

describe("every HVE and ACS practice account, through the engine", () => {
  test.concurrent.for(ROWS.map((row) => [row.name, row] as const))(
    "%s",
    async ([, row], { expect }) => {
      const outcome = await runDiagnosedTest(row.values(), options)
      expect(statuses(outcome)).toMatchObject(row.stages)
      expect(outcome.ok).toBe(!row.diagnosis)
      expect(outcome.failure?.reply).toBe(row.reply)
      expect(outcome.diagnosis?.id).toBe(row.diagnosis)
      if (row.diagnosis) expect(outcome.diagnosis?.generic).toBeUndefined()
    }
  )

  test("covers every entry of the route catalog", () => {
    const covered = new Set(ROWS.map((row) => row.diagnosis))
    expect(ROUTE_CATALOG.map((entry) => entry.id).filter((id) => !covered.has(id))).toEqual([])
  })

  test("the ACS simulator offers AUTH LOGIN only, and takes the username whole", async () => {
    const outcome = await runDiagnosedTest(acsUser(ACS_USER(21)), options)
    const ehlo = outcome.stages.find((stage) => stage.id === "ehlo")?.reply ?? ""
    expect(outcome.transcript.map((line) => line.text)).toContain(ehlo)
    expect(ehlo.split("\n")).not.toContain("250-AUTH LOGIN")
    expect(outcome.transcript.map((line) => line.text).join("\n")).toMatch(/^250-AUTH LOGIN$/m)
    expect(acs.events).toContainEqual({ type: "auth", detail: `LOGIN ${ACS_USER(21)}` })
    expect(acs.messages.at(-1)).toMatchObject({
      from: PRACTICE_ACS_MAIL_FROM,
      authUser: ACS_USER(21),
    })
  })

  test("a diagnosis of the HVE route names the recipient and the account", async () => {
    const outcome = await runDiagnosedTest(
      hveAccount("hve-sender@contoso.com", "someone@fabrikam.example"),
      options
    )
    expect(outcome.diagnosis?.meaning).toContain("someone@fabrikam.example")
    const app = await runDiagnosedTest(hveApp(10), options)
    expect(app.diagnosis?.commands).toContain(
      "Add-HVEAppAccess -Identity 'hve-sender@contoso.com' -AppIds '3f2b8c41-0a6e-4d6b-9c1e-000000000010'"
    )
  })
})

describe("the same reply, read by the route it came from", () => {
  const CONTEXT: DiagnosisContext = {
    mailbox: "scanner@contoso.com",
    from: "scanner@contoso.com",
    host: "smtp.hve.mx.microsoft",
    port: 587,
  }
  const facts = (reply: string, extra: Partial<FailureFacts> = {}): FailureFacts => ({
    stage: "auth",
    code: "EAUTH",
    reply,
    responseCode: Number(reply.slice(0, 3)),
    message: reply,
    ...extra,
  })
  const SECURITY_DEFAULTS =
    "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator."

  const RELAY_DENIED = "550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain"
  const UNSUCCESSFUL = "535 5.7.3 Authentication unsuccessful"
  const NOT_LINKED = "501 5.1.7 The specified sender domain has not been linked."

  test.for([
    [
      "security defaults after HVE",
      "hve-security-defaults",
      facts(SECURITY_DEFAULTS, { method: "hve" }),
    ],
    [
      "security defaults after SMTP AUTH",
      "security-defaults",
      facts(SECURITY_DEFAULTS, { method: "smtp-auth" }),
    ],
    ["security defaults pasted", "security-defaults", facts(SECURITY_DEFAULTS)],
    [
      "5.7.54 after HVE",
      "hve-external-recipient",
      facts(RELAY_DENIED, { stage: "rcpt", method: "hve" }),
    ],
    [
      "5.7.54 after Direct Send",
      "relay-denied",
      facts(RELAY_DENIED, { stage: "rcpt", method: "direct-send" }),
    ],
    [
      "5.7.3 after ACS",
      "acs-authentication-unsuccessful",
      facts(UNSUCCESSFUL, { method: "acs", signIn: "app-secret" }),
    ],
    ["5.7.3 pasted", "auth-unsuccessful", facts(UNSUCCESSFUL)],
    [
      "5.7.3 after an HVE app",
      "hve-app-not-allowed",
      facts(UNSUCCESSFUL, { method: "hve", signIn: "oauth-app" }),
    ],
    [
      "5.7.3 after an SMTP AUTH app",
      "xoauth2-app-rejected",
      facts(UNSUCCESSFUL, { method: "smtp-auth", signIn: "oauth-app" }),
    ],
    // ACS's own wording needs no method: a pasted copy reads the same.
    ["5.1.7 pasted", "acs-sender-domain-not-linked", facts(NOT_LINKED, { stage: "mail" })],
  ] as const)("%s → %s", ([, id, failure]) => {
    expect(classify(failure, CONTEXT).id).toBe(id)
  })
})
