import { describe, expect, test } from "vitest"

import { checkActionRequest, MAX_ACTION_BODY_BYTES } from "./action-request"

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
})
