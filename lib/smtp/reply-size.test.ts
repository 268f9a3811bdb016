import { afterAll, describe, expect, test } from "vitest"

import { directSendValues } from "@/test-support/setup-values"
import { startScriptedSmtpServer, type ScriptedSmtpServer } from "@/test-support/smtp-servers"
import { streamedTest } from "@/test-support/streamed-test"
import { runDiagnosedTest } from "@/lib/actions/test-send"
import { REPLY_LIMIT } from "./result-size"

// Servers whose replies run to hundreds of kilobytes (under nodemailer's 1 MB a reply): what they
// add to a test's result, streamed or final, stays small, and the result says what was cut.
const FAST = { stepMs: 3_000, totalMs: 8_000 }
/** The most a test's outcome, or all the events it emitted, may weigh as JSON, whatever the server said. */
const BOUND = 64_000
const CUT = /\[… [\d,]+ characters cut …\]/
const servers: ScriptedSmtpServer[] = []

afterAll(() => Promise.all(servers.map((server) => server.close())))

/** A multi-line reply of `lines` lines of about 80 characters, ending with `last`. */
const huge = (code: number, lines: number, last: string) =>
  [
    ...Array.from({ length: lines }, (_, i) => `${code}-X-PADDING-${i} ${"x".repeat(60)}`),
    `${code} ${last}`,
  ].join("\r\n")

async function run(server: ScriptedSmtpServer) {
  servers.push(server)
  const values = directSendValues({ host: "127.0.0.1", port: server.port }, "it-team@contoso.com")
  values.server.security = "none"
  return streamedTest((onEvent) =>
    runDiagnosedTest(values, { allowedHosts: ["127.0.0.1"], timeouts: FAST, onEvent })
  )
}

describe("a server's replies: what a result keeps of them", () => {
  test("an 800 KB EHLO reply and a 400 KB 550: each kept to a few KB, marked as cut", async () => {
    const { outcome, events } = await run(
      await startScriptedSmtpServer({
        greeting: "220 mx.fabrikam.test ESMTP",
        command: (line) =>
          /^EHLO\b/i.test(line)
            ? { reply: huge(250, 10_000, "8BITMIME") }
            : /^MAIL\b/i.test(line)
              ? { reply: huge(550, 5_000, "5.7.1 Sender rejected") }
              : { reply: "221 2.0.0 Bye", close: true },
        message: {},
      })
    )
    expect(outcome.failure).toMatchObject({ stage: "mail", responseCode: 550 })
    const ehlo = outcome.stages.find((stage) => stage.id === "ehlo")
    const mail = outcome.stages.find((stage) => stage.id === "mail")
    expect(ehlo?.status).toBe("passed")
    // The start (the code, the server's name) and the end (the last line) are kept.
    expect(ehlo?.reply).toMatch(/^250-X-PADDING-0 /)
    expect(ehlo?.reply).toMatch(/\n250 8BITMIME$/)
    for (const reply of [ehlo?.reply, mail?.reply, outcome.failure?.reply]) {
      expect(reply).toMatch(CUT)
      expect(reply?.length).toBeLessThanOrEqual(REPLY_LIMIT)
    }
    expect(outcome.failure?.reply).toMatch(/^550-X-PADDING-0 /)
    expect(outcome.failure?.message.length).toBeLessThanOrEqual(REPLY_LIMIT)
    const server = outcome.transcript.filter((line) => line.direction === "server")
    expect(server.filter((line) => CUT.test(line.text))).toHaveLength(2)
    // The reply that failed the test is still found in the transcript, and explained.
    expect(server.at(-1)?.note).toBe(outcome.diagnosis?.headline)
    expect(JSON.stringify(outcome).length).toBeLessThan(BOUND)
    expect(JSON.stringify(events).length).toBeLessThan(BOUND)
  })

  test("every reply huge, the test passing: the transcript stops at its limit and says what it left out", async () => {
    const { outcome, events } = await run(
      await startScriptedSmtpServer({
        greeting: huge(220, 2_000, "mx.fabrikam.test ESMTP"),
        command: (line) =>
          /^DATA$/i.test(line)
            ? { reply: huge(354, 2_000, "Start mail input") }
            : /^QUIT$/i.test(line)
              ? { reply: huge(221, 2_000, "Bye"), close: true }
              : { reply: huge(250, 2_000, "OK") },
        message: { reply: huge(250, 2_000, "2.0.0 Queued") },
      })
    )
    expect(outcome.ok).toBe(true)
    expect(outcome.response).toMatch(CUT)
    expect(outcome.stages.every((stage) => (stage.reply ?? "").length <= REPLY_LIMIT)).toBe(true)
    expect(outcome.transcript.at(-1)?.text).toMatch(
      /^The transcript stops here: it keeps at most [\d,]+ lines and [\d,]+ characters\. \d+ later lines? \([\d,]+ characters\) (was|were) left out\.$/
    )
    expect(JSON.stringify(outcome.transcript).length).toBeLessThan(30_000)
    expect(JSON.stringify(outcome).length).toBeLessThan(BOUND)
    expect(JSON.stringify(events).length).toBeLessThan(BOUND)
  })
})
