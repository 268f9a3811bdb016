import fc from "fast-check"
import { describe, expect, test } from "vitest"

import { createRedactor, REDACTED } from "./redact"

// The redactor against what a server could echo: a secret inside a base64 blob at any offset, with
// any bytes around it, in a reply line. Whatever comes out, no form of the secret is left in it.

const RUN = /[A-Za-z0-9+/]+={0,2}/g

/** Whether `text` holds `secret` as typed, or in a run of base64 decoded from any of its offsets. */
function holdsSecret(text: string, secret: string): boolean {
  if (text.includes(secret)) return true
  const bytes = Buffer.from(secret, "utf8")
  for (const [run] of text.matchAll(RUN)) {
    for (let skip = 0; skip < 4; skip++) {
      if (Buffer.from(run.slice(skip), "base64").includes(bytes)) return true
    }
  }
  return false
}

/** A secret as an admin types one: a password, an email address, a client secret. */
const secret = fc.oneof(
  fc.string({ minLength: 4, maxLength: 40 }),
  fc.string({ unit: "grapheme", minLength: 2, maxLength: 12 }),
  fc.emailAddress()
)

/** A reply that repeats `secret` in base64, inside a blob with any bytes around it. */
const echoingReply = secret.chain((typed) =>
  fc
    .record({
      before: fc.uint8Array({ maxLength: 12 }),
      after: fc.uint8Array({ maxLength: 12 }),
      other: fc.string({ minLength: 2, maxLength: 20 }),
    })
    .map(({ before, after, other }) => {
      const blob = Buffer.concat([before, Buffer.from(typed, "utf8"), after]).toString("base64")
      return { typed, other, reply: `535 5.7.3 ${blob} was refused` }
    })
)

// Lines of a real conversation, which hold no secret: they come out as they went in.
const CONVERSATION = [
  "220 PH7PR17MB1234.namprd17.prod.outlook.com Microsoft ESMTP MAIL Service ready at Mon, 7 Dec 2026 06:10:30 +0000",
  "250-PH7PR17MB1234.namprd17.prod.outlook.com Hello [127.0.0.1]\n250-PIPELINING\n250-8BITMIME\n250-SMTPUTF8\n250-AUTH LOGIN XOAUTH2\n250 SIZE 157286400",
  "334 VXNlcm5hbWU6",
  "334 UGFzc3dvcmQ6",
  "235 2.7.0 Authentication successful",
  "RCPT TO:<it-team@contoso.com>",
  "250 OK: message queued as 4f2a9c8e1b7d3a6f",
]

describe("createRedactor", () => {
  test("a base64 run that holds the secret, at any offset, is replaced whole", () => {
    fc.assert(
      fc.property(echoingReply, ({ typed, other, reply }) => {
        const redacted = createRedactor([typed, other])(reply)
        expect(redacted).not.toContain(typed)
        // Secrets of 4 bytes and more are decoded; shorter ones are only found as typed.
        if (Buffer.byteLength(typed) < 4) return
        expect(holdsSecret(redacted, typed)).toBe(false)
        // The whole run, and nothing else unless the other secret is in the words around it.
        const around = `535 5.7.3 ${REDACTED} was refused`
        if (createRedactor([other])(around) === around) expect(redacted).toBe(around)
      }),
      { numRuns: 2000 }
    )
  })

  test("a whole base64 run that holds the secret is replaced, not only its middle", () => {
    const password = "Echo-Chamber-77|unit"
    const blob = Buffer.from(`\0sender@contoso.com\0${password}`).toString("base64")
    expect(createRedactor([password])(`535 5.7.3 ${blob}`)).toBe(`535 5.7.3 ${REDACTED}`)
  })

  test("lines without a secret come out as they went in", () => {
    fc.assert(
      fc.property(secret, (typed) => {
        const redact = createRedactor(["sender@contoso.com", typed])
        for (const line of CONVERSATION) {
          if (!holdsSecret(line, typed)) expect(redact(line)).toBe(line)
        }
      }),
      { numRuns: 500 }
    )
  })
})
