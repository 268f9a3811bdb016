import { afterEach, describe, expect, test, vi } from "vitest"
import * as z from "zod/mini"

import {
  SHARED_STORE_UNAVAILABLE_MESSAGE,
  SharedStoreUnavailable,
} from "@/lib/shared-store/unavailable"

import { validatedAction } from "./validated-action"

const schema = z.object({
  server: z.object({ host: z.string().check(z.minLength(1, "Enter the server name")) }),
  pass: z.string(),
})
const OPTIONS = { name: "testAction", invalid: "Check the fields.", unexpected: "Try again." }
const SECRET = "Wrapper-Test-Secret"

afterEach(() => {
  vi.restoreAllMocks()
})

describe("validatedAction", () => {
  test("answers invalid input with a message per react-hook-form path, without running", async () => {
    const run = vi.fn()
    const action = validatedAction(schema, OPTIONS, run)
    expect(await action({ server: { host: "" }, pass: SECRET })).toEqual({
      ok: false,
      error: "Check the fields.",
      fieldErrors: { "server.host": "Enter the server name" },
    })
    expect(run).not.toHaveBeenCalled()
  })

  test("runs the action with the parsed input and answers what it answers", async () => {
    const action = validatedAction(schema, OPTIONS, async ({ server }) => ({
      ok: true,
      data: server.host,
    }))
    expect(await action({ server: { host: "smtp.office365.com" }, pass: "" })).toEqual({
      ok: true,
      data: "smtp.office365.com",
    })
  })

  test("asks the limit with the parsed input, and answers its refusal without running", async () => {
    const run = vi.fn()
    const limit = vi.fn(async () => ({ error: "Too many.", retryAfterSeconds: 42 }))
    const action = validatedAction(schema, { ...OPTIONS, limit }, run)
    expect(await action({ server: { host: "smtp.office365.com" }, pass: "" })).toEqual({
      ok: false,
      error: "Too many.",
      retryAfterSeconds: 42,
    })
    expect(limit).toHaveBeenCalledWith({ server: { host: "smtp.office365.com" }, pass: "" })
    expect(run).not.toHaveBeenCalled()
  })

  test("answers Redis not answering, from the limit or the action, with its own message and no log", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {})
    const down = async (): Promise<never> => {
      throw new SharedStoreUnavailable()
    }
    const input = { server: { host: "smtp.office365.com" }, pass: "" }
    for (const action of [
      validatedAction(schema, { ...OPTIONS, limit: down }, vi.fn()),
      validatedAction(schema, OPTIONS, down),
    ]) {
      expect(await action(input)).toEqual({ ok: false, error: SHARED_STORE_UNAVAILABLE_MESSAGE })
    }
    // The store logs the outage once; each refused request adds nothing.
    expect(error).not.toHaveBeenCalled()
  })

  test.for([
    ["name", "TypeError"],
    ["message", `cannot read ${SECRET}`],
  ] as const)(
    "answers a throw with the generic message and logs the action and the error's %s",
    async ([logs, detail]) => {
      const error = vi.spyOn(console, "error").mockImplementation(() => {})
      const action = validatedAction(schema, { ...OPTIONS, logs }, async () => {
        throw new TypeError(`cannot read ${SECRET}`)
      })
      expect(await action({ server: { host: "smtp.office365.com" }, pass: SECRET })).toEqual({
        ok: false,
        error: "Try again.",
      })
      expect(error.mock.calls).toEqual([["testAction failed unexpectedly:", detail]])
    }
  )

  test("never logs the input, whatever is thrown", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {})
    const action = validatedAction(schema, { ...OPTIONS, logs: "message" }, async (input) => {
      throw input
    })
    await action({ server: { host: "smtp.office365.com" }, pass: SECRET })
    expect(error.mock.calls).toEqual([["testAction failed unexpectedly:", "object"]])
  })

  test("gives the action the same log, for a bug after it answered", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {})
    const action = validatedAction(schema, OPTIONS, async (_input, logUnexpected) => {
      logUnexpected(new RangeError("late"))
      return { ok: true, data: undefined }
    })
    await action({ server: { host: "smtp.office365.com" }, pass: "" })
    expect(error.mock.calls).toEqual([["testAction failed unexpectedly:", "RangeError"]])
  })
})
