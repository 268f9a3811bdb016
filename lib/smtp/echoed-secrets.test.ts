import type { SMTPServerAuthentication } from "smtp-server"
import { afterAll, beforeAll, describe, expect, test } from "vitest"

import { smtpAuthValues } from "@/test-support/setup-values"
import { startTestSmtpServer, type TestSmtpServer } from "@/test-support/smtp-servers"
import { streamedTest } from "@/test-support/streamed-test"
import { runDiagnosedTest } from "@/lib/actions/test-send"
import { signAccessToken } from "@/lib/practice/access-tokens"
import type { SetupValues } from "@/lib/schemas/setup"

// A server that repeats what the client signed in with in its 535, in each form it can: no form of
// the secret may come back, in the streamed stages, the outcome or anything else the user gets.
const USER = "sender@contoso.com"
const PASSWORD = "Echo-Chamber-77|unit"
const TOKEN = signAccessToken(
  {
    aud: "https://outlook.office.com",
    scp: "SMTP.Send",
    upn: USER,
    exp: Math.floor(Date.now() / 1000) + 3600,
  },
  "echo-test-key"
)
const FAST = { stepMs: 2_000, totalMs: 6_000 }

const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64")
const authPlainBlob = (user: string, pass: string) => base64(`\0${user}\0${pass}`)
const xoauth2Blob = (user: string, token: string) =>
  base64(`user=${user}\x01auth=Bearer ${token}\x01\x01`)

interface Echo {
  name: string
  /** The one mechanism the server offers, so the client signs in with it. */
  mechanism: "PLAIN" | "LOGIN" | "XOAUTH2"
  /** The secret the client sent, and what the 535 repeats of it. */
  secret: string
  echo: (auth: SMTPServerAuthentication) => string
}

const ECHOES: Echo[] = [
  {
    name: "the password as typed",
    mechanism: "PLAIN",
    secret: PASSWORD,
    echo: (a) => a.password ?? "",
  },
  {
    name: "the password in base64",
    mechanism: "PLAIN",
    secret: PASSWORD,
    echo: (a) => base64(a.password ?? ""),
  },
  {
    name: "the whole AUTH PLAIN blob",
    mechanism: "PLAIN",
    secret: PASSWORD,
    echo: (a) => authPlainBlob(a.username ?? "", a.password ?? ""),
  },
  {
    name: "the AUTH LOGIN lines (username and password in base64)",
    mechanism: "LOGIN",
    secret: PASSWORD,
    echo: (a) => `${base64(a.username ?? "")} ${base64(a.password ?? "")}`,
  },
  {
    name: "the XOAUTH2 blob",
    mechanism: "XOAUTH2",
    secret: TOKEN,
    echo: (a) => xoauth2Blob(a.username ?? "", a.accessToken ?? ""),
  },
]

const servers = new Map<string, TestSmtpServer>()

beforeAll(async () => {
  for (const { name, mechanism, echo } of ECHOES) {
    servers.set(
      name,
      await startTestSmtpServer({
        authMethods: [mechanism],
        onAuth: (auth, _session, callback) =>
          callback(
            Object.assign(new Error(`5.7.8 Authentication unsuccessful, you sent ${echo(auth)}`), {
              responseCode: 535,
            })
          ),
      })
    )
  }
})

afterAll(() => Promise.all([...servers.values()].map((server) => server.close())))

function values({ name, mechanism }: Echo): SetupValues {
  const port = servers.get(name)!.port
  if (mechanism !== "XOAUTH2") return smtpAuthValues({ port }, { user: USER, pass: PASSWORD })
  const oauth = smtpAuthValues({ port }, { user: USER, pass: "" })
  oauth.account = {
    ...oauth.account,
    authType: "oauth-device",
    tenant: "contoso.com",
    clientId: "3f2b8c41-0a6e-4d6b-9c1e-000000000011",
    flowId: "echo-test-flow-0000000000",
  }
  return oauth
}

/**
 * Fails if `text` holds `secret` as typed or in base64 at any offset: every run of base64
 * characters is decoded from each of its first four positions, so the secret is found inside any
 * blob (AUTH PLAIN, XOAUTH2), whatever its alignment there.
 */
function expectNoSecretIn(text: string, secret: string) {
  expect(text).not.toContain(secret)
  const needle = Buffer.from(secret, "utf8")
  for (const [run] of text.matchAll(/[A-Za-z0-9+/]{4,}={0,2}/g)) {
    for (let skip = 0; skip < 4; skip++) {
      const decoded = Buffer.from(run.slice(skip), "base64")
      if (decoded.includes(needle)) {
        expect.fail(`the secret is in base64 in ${JSON.stringify(run.slice(0, 60))}…`)
      }
    }
  }
}

describe("a server that repeats the credential in its 535", () => {
  test.for(ECHOES)("$name: no form of it in the streamed stages or the outcome", async (echo) => {
    const { outcome, streamed, events } = await streamedTest((onEvent) =>
      runDiagnosedTest(values(echo), {
        allowedHosts: ["localhost"],
        timeouts: FAST,
        deviceToken: () => TOKEN,
        onEvent,
      })
    )
    // The server did get the sign-in it echoes, and refused it.
    expect(servers.get(echo.name)?.auths).toContain(echo.mechanism)
    expect(outcome.failure).toMatchObject({ stage: "auth", responseCode: 535 })
    const echoed = /^535 5\.7\.8 Authentication unsuccessful, you sent /
    expect(outcome.stages.find((stage) => stage.id === "auth")?.reply).toMatch(echoed)
    // The failed AUTH stage was emitted, reply and all, for the stream.
    expect(events).toContainEqual({
      type: "stage",
      stage: expect.objectContaining({
        id: "auth",
        status: "failed",
        reply: expect.stringMatching(echoed),
      }),
    })
    for (const what of [events, streamed, outcome].map((value) => JSON.stringify(value))) {
      expectNoSecretIn(what, echo.secret)
      // The forms the client put on the wire, whole.
      expect(what).not.toContain(base64(echo.secret))
      expect(what).not.toContain(authPlainBlob(USER, PASSWORD))
      expect(what).not.toContain(xoauth2Blob(USER, TOKEN))
      expect(what).not.toContain(TOKEN.split(".")[2])
    }
  })
})
