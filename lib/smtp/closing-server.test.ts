import { afterAll, describe, expect, test } from "vitest"

import { directSendValues } from "@/test-support/setup-values"
import {
  startScriptedSmtpServer,
  type ScriptedAnswer,
  type ScriptedSmtpServer,
} from "@/test-support/smtp-servers"
import { runDiagnosedTest } from "@/lib/actions/test-send"
import type { TestOutcome } from "./types"

// Servers that hang up around DATA, written by hand: where the test says it failed depends on
// whether the reply to the message's final dot arrived before the close.
const FAST = { stepMs: 1_500, totalMs: 5_000 }
const servers: ScriptedSmtpServer[] = []

afterAll(() => Promise.all(servers.map((server) => server.close())))

/** A server that accepts the envelope, answers DATA with `data` and the final dot with `message`. */
async function closingServer(data: ScriptedAnswer, message: ScriptedAnswer) {
  const server = await startScriptedSmtpServer({
    greeting: "220 mx.fabrikam.test ESMTP",
    command: (line) =>
      /^EHLO\b/i.test(line)
        ? { reply: "250-mx.fabrikam.test\r\n250 8BITMIME" }
        : /^DATA$/i.test(line)
          ? data
          : /^QUIT$/i.test(line)
            ? { reply: "221 2.0.0 Bye", close: true }
            : { reply: "250 2.1.0 OK" },
    message,
  })
  servers.push(server)
  return server
}

const send = (server: ScriptedSmtpServer) => {
  const values = directSendValues({ host: "127.0.0.1", port: server.port }, "it-team@contoso.com")
  values.server.security = "none"
  return runDiagnosedTest(values, { allowedHosts: ["127.0.0.1"], timeouts: FAST })
}

const stageStates = (outcome: TestOutcome) =>
  outcome.stages.map((stage) => `${stage.id}:${stage.status}`)

const ENVELOPE_PASSED = [
  "resolve:passed",
  "connect:passed",
  "greeting:passed",
  "ehlo:passed",
  "tls:skipped",
  "auth:skipped",
  "mail:passed",
  "rcpt:passed",
]

describe("a server that closes the connection around DATA", () => {
  test("answers 250 to DATA itself, then closes: a failure at DATA, not at the greeting", async () => {
    const server = await closingServer({ reply: "250 2.0.0 OK", close: true }, {})
    const outcome = await send(server)
    expect(outcome.ok).toBe(false)
    expect(outcome.failure).toMatchObject({ stage: "data", code: "ECONNECTION" })
    expect(stageStates(outcome)).toEqual([...ENVELOPE_PASSED, "data:failed"])
    expect(outcome.diagnosis?.id).toBe("dropped-during-data")
    expect(server.messages).toEqual([])
  })

  test("reads the message, then closes without a reply to the final dot: a failure at DATA", async () => {
    const server = await closingServer({ reply: "354 Start mail input" }, { close: true })
    const outcome = await send(server)
    expect(outcome.failure).toMatchObject({ stage: "data", code: "ECONNECTION" })
    expect(stageStates(outcome)).toEqual([...ENVELOPE_PASSED, "data:failed"])
    expect(outcome.diagnosis?.id).toBe("dropped-during-data")
    expect(server.messages).toHaveLength(1)
  })

  test("answers the final dot with 250, then closes: the message was accepted, the test passes", async () => {
    const server = await closingServer(
      { reply: "354 Start mail input" },
      { reply: "250 2.0.0 OK <queued-1@mx.fabrikam.test>", close: true }
    )
    const outcome = await send(server)
    expect(outcome.failure).toBeUndefined()
    expect(outcome.ok).toBe(true)
    expect(outcome.response).toBe("250 2.0.0 OK <queued-1@mx.fabrikam.test>")
    expect(stageStates(outcome)).toEqual([...ENVELOPE_PASSED, "data:passed"])
    expect(outcome.stages.at(-1)?.reply).toBe("250 2.0.0 OK <queued-1@mx.fabrikam.test>")
    expect(server.messages).toHaveLength(1)
  })
})
