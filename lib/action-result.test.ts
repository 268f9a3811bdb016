import { describe, expect, test, vi } from "vitest"

import { setFieldErrors } from "./action-result"

describe("setFieldErrors", () => {
  test("sets each message as a server error and answers the names, in order", () => {
    const setError = vi.fn()
    const names = setFieldErrors({ setError }, { "server.host": "Enter it", "test.to": "Check it" })
    expect(names).toEqual(["server.host", "test.to"])
    expect(setError.mock.calls).toEqual([
      ["server.host", { type: "server", message: "Enter it" }],
      ["test.to", { type: "server", message: "Check it" }],
    ])
  })

  test("keeps to the fields given, and sets nothing without field errors", () => {
    const setError = vi.fn()
    expect(
      setFieldErrors({ setError }, { form: "Odd", "test.to": "Check it" }, ["test.to"])
    ).toEqual(["test.to"])
    expect(setFieldErrors({ setError }, undefined)).toEqual([])
    expect(setError).toHaveBeenCalledTimes(1)
  })
})
