import fc from "fast-check"
import { describe, expect, test } from "vitest"

import { PASTE_MAX_LENGTH } from "@/lib/schemas/paste"
import { HOSTILE_ACTION_BODIES } from "@/test-support/hostile-action-bodies"
import { decodeWithReact, encodeReply } from "@/test-support/react-decoder"
import { smtpAuthValues } from "@/test-support/setup-values"
import {
  checkActionRequest,
  MAX_ACTION_BODY_BYTES,
  MAX_ACTION_BODY_DEPTH,
  MAX_BIGINT_DIGITS,
} from "./action-request"

const ID = "40f081bdb4d4c5647135cccecd151aed12bcaa553c"
const TEXT = "text/plain;charset=UTF-8"

describe("checkActionRequest", () => {
  test("lets through the arguments React sends for plain values", () => {
    const values = { server: { host: "smtp.office365.com", port: "587" }, note: "$$5 a month" }
    expect(checkActionRequest(ID, TEXT, JSON.stringify([values]))).toBeNull()
    expect(
      checkActionRequest(ID, TEXT, '[{"authType":"$undefined","at":"$D2026-01-01"}]')
    ).toBeNull()
    // Not an action at all: Next.js renders or refuses it itself.
    expect(checkActionRequest(null, "", "anything")).toBeNull()
  })

  test.each([
    ["an empty body", ID, TEXT, ""],
    ["text that is not JSON", ID, TEXT, "[{"],
    ["JSON that is not an argument list", ID, TEXT, '{"a":1}'],
    ["a reference to a form part never sent", ID, TEXT, '["$K1"]'],
    ["a promise reference", ID, TEXT, '[{"x":"$@0"}]'],
    ["a server function reference", ID, TEXT, '["$h0"]'],
    ["a __proto__ key", ID, TEXT, '[{"__proto__":{"polluted":true}}]'],
  ])("refuses %s with 400", (_, id, type, body) => {
    expect(checkActionRequest(id, type, body)?.status).toBe(400)
  })

  test("refuses multipart bodies, with or without an action id", () => {
    expect(checkActionRequest(ID, "multipart/form-data; boundary=x", "--x--")?.status).toBe(400)
    expect(checkActionRequest(null, "multipart/form-data", "")?.status).toBe(400)
  })

  test.each(["", "91ad34", "arguments", "__proto__", `${ID}\n`])(
    "answers 404 for the action id %j",
    (id) => {
      expect(checkActionRequest(id, TEXT, "[]")?.status).toBe(404)
    }
  )

  test("refuses a body over the limit, and survives deep nesting", () => {
    expect(checkActionRequest(ID, TEXT, `["${"a".repeat(MAX_ACTION_BODY_BYTES)}"]`)?.status).toBe(
      413
    )
    const deep = "[".repeat(100_000) + "]".repeat(100_000)
    expect(() => checkActionRequest(ID, TEXT, deep)).not.toThrow()
  })

  test("counts the limit in bytes, as Next.js does", () => {
    // 349,525 three-byte characters and the brackets: 1,048,579 bytes in 349,529 characters.
    const wide = `["${"€".repeat(349_525)}"]`
    expect(checkActionRequest(ID, TEXT, wide)?.status).toBe(413)
    expect(checkActionRequest(ID, TEXT, Buffer.from(wide))?.status).toBe(413)
    const exactly = `["${"a".repeat(MAX_ACTION_BODY_BYTES - 4)}"]`
    expect(checkActionRequest(ID, TEXT, Buffer.from(exactly))).toBeNull()
  })
})

describe("checkActionRequest against React's own encoder and decoder", () => {
  test("lets through the bodies the browser sends for smtp365's actions", async () => {
    const values = smtpAuthValues(
      { host: "smtp.office365.com", port: 587 },
      { user: "sender@contoso.com", pass: '$ecret-[{1e400}]-\\"' }
    )
    // The longest paste, of the characters JSON writes longest (six bytes each), after a "$".
    const paste = "$" + "\u0001".repeat(PASTE_MAX_LENGTH - 1)
    const bodies = await Promise.all([
      encodeReply([values]),
      encodeReply([{ text: paste }]),
      encodeReply([{ text: "550 5.7.708 Service unavailable" }]),
      encodeReply([{ flowId: "a".repeat(32), user: "sender@contoso.com", waitMs: 15_000 }]),
      encodeReply([{ at: new Date(0), count: 12n, none: undefined, nan: Number.NaN, list: [1] }]),
    ])
    expect(Buffer.byteLength(bodies[1]!)).toBeLessThan(MAX_ACTION_BODY_BYTES)
    for (const body of bodies) expect(checkActionRequest(ID, TEXT, body)).toBeNull()
    expect(await decodeWithReact(bodies)).toEqual(bodies.map(() => null))
  })

  test.each(HOSTILE_ACTION_BODIES.map((hostile) => [hostile.name, hostile] as const))(
    "refuses %s before Next.js decodes it",
    (_, { body, status }) => {
      const started = performance.now()
      expect(checkActionRequest(ID, TEXT, body)?.status).toBe(status)
      expect(checkActionRequest(ID, TEXT, Buffer.from(body))?.status).toBe(status)
      // A linear scan: a megabyte takes milliseconds, not a decoder's seconds.
      expect(performance.now() - started).toBeLessThan(1_000)
    }
  )

  test("the bodies it refuses as breaking the decoder do break React's decoder", async () => {
    const breaking = HOSTILE_ACTION_BODIES.filter((hostile) => hostile.breaksDecoder)
    const errors = await decodeWithReact(breaking.map((hostile) => hostile.body))
    for (const [index, error] of errors.entries()) {
      expect(error, breaking[index]!.name).not.toBeNull()
    }
  })

  test("whatever it lets through, React's decoder decodes", async () => {
    const text = fc.oneof(
      fc.string(),
      fc.constantFrom("$undefined", "$NaN", "$-0", "$Infinity", "$D2026-01-01", "$Dnot a date"),
      fc.bigInt().map((value) => `$n${value}`),
      fc.integer({ min: MAX_BIGINT_DIGITS - 2, max: MAX_BIGINT_DIGITS + 2 }).map((digits) => {
        return `$n${"7".repeat(digits)}`
      }),
      fc.string().map((value) => `$$${value}`)
    )
    const value = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: "small", maxDepth: MAX_ACTION_BODY_DEPTH + 8 },
        text,
        fc.double(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(fc.string(), tie("value"), { maxKeys: 4 })
      ),
    })).value
    const nested = fc
      .tuple(fc.integer({ min: 1, max: MAX_ACTION_BODY_DEPTH + 4 }), value)
      .map(([depth, inner]) => "[".repeat(depth) + JSON.stringify(inner) + "]".repeat(depth))
    const body = fc.oneof(
      fc.array(value, { maxLength: 3 }).map((args) => JSON.stringify(args)),
      nested,
      fc.array(fc.constant(0), { minLength: 995, maxLength: 1005 }).map((args) => {
        return JSON.stringify(args)
      })
    )
    const passed = fc
      .sample(body, { numRuns: 600, seed: 365 })
      .filter((candidate) => checkActionRequest(ID, TEXT, candidate) === null)
    expect(passed.length).toBeGreaterThan(100)
    const errors = await decodeWithReact(passed)
    expect(errors.filter((error) => error !== null)).toEqual([])
  })
})
