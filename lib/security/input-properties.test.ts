import fc from "fast-check"
import { describe, expect, test } from "vitest"

import { pastedTextSchema } from "@/lib/schemas/paste"
import { setupSchema, toFieldErrors } from "@/lib/schemas/setup"
import { SETUP_FIELD_PATHS, withFieldReplaced } from "@/test-support/setup-fuzz"
import { smtpAuthValues } from "@/test-support/setup-values"

// Property tests: whatever a client posts to the actions, the schemas answer with valid data or a
// structured error, never an exception. The HTTP side runs against the built app in
// e2e/bad-input.spec.ts.

const valid = smtpAuthValues(
  { host: "smtp.office365.com", port: 587 },
  { user: "sender@contoso.com", pass: "Prop-Test-Secret" }
)

/** Valid values with one field replaced by any value at all. */
const oneFieldReplaced = fc
  .record({
    at: fc.constantFrom(...SETUP_FIELD_PATHS),
    value: fc.anything({ withObjectString: true }),
  })
  .map(({ at, value }) => withFieldReplaced(valid, at, value))

/** Parses and checks the answer is one of the two structured shapes. */
function expectStructured(input: unknown) {
  const result = setupSchema.safeParse(input)
  if (result.success) {
    // Valid data parses again to itself: nothing half-checked gets through.
    expect(setupSchema.parse(result.data)).toEqual(result.data)
    return result
  }
  const fieldErrors = toFieldErrors(result.error)
  expect(Object.keys(fieldErrors).length).toBeGreaterThan(0)
  for (const message of Object.values(fieldErrors)) expect(typeof message).toBe("string")
  // The answer is plain data the action can return as it is.
  expect(JSON.parse(JSON.stringify(fieldErrors))).toEqual(fieldErrors)
  return result
}

describe("setupSchema under random input", () => {
  test("anything at all: valid data or field errors, never a throw", () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true }), (input) => {
        expectStructured(input)
      }),
      { numRuns: 500 }
    )
  })

  test("valid values with one field replaced: valid data or field errors, never a throw", () => {
    fc.assert(
      fc.property(oneFieldReplaced, (input) => {
        expectStructured(input)
      }),
      { numRuns: 1000 }
    )
  })

  test("a line break in any text field is refused (no SMTP command or header injection)", () => {
    const textPaths = SETUP_FIELD_PATHS.filter(
      ([, field]) => !["method", "practice", "security", "authType"].includes(field)
    )
    fc.assert(
      fc.property(
        fc.constantFrom(...textPaths),
        fc.string(),
        fc.constantFrom("\r", "\n", "\r\n"),
        fc.string(),
        (at, before, newline, after) => {
          const copy = structuredClone(valid) as unknown as Record<string, Record<string, string>>
          copy[at[0]]![at[1]] = `${copy[at[0]]![at[1]]}${before}${newline}${after}`
          const result = expectStructured(copy)
          expect(result.success).toBe(false)
        }
      ),
      { numRuns: 300 }
    )
  })

  test("one recipient per test: lists of addresses are refused", () => {
    fc.assert(
      fc.property(
        fc.array(fc.emailAddress(), { minLength: 2, maxLength: 5 }),
        fc.constantFrom(",", ", ", ";", " ", "\t"),
        (addresses, separator) => {
          const result = expectStructured({
            ...valid,
            test: { to: addresses.join(separator) },
          })
          expect(result.success).toBe(false)
        }
      ),
      { numRuns: 300 }
    )
  })

  test("pastedTextSchema: any value is text to read or a structured refusal", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({ text: fc.anything() }),
          fc.record({ text: fc.string({ unit: "binary" }) })
        ),
        (input) => {
          const result = pastedTextSchema.safeParse(input)
          if (!result.success) expect(toFieldErrors(result.error)).toBeTypeOf("object")
        }
      ),
      { numRuns: 500 }
    )
  })
})
