import { describe, expect, test } from "vitest"

import { hasAccessPassword } from "./basic-auth"

const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString("base64")}`

describe("hasAccessPassword", () => {
  const password = "Kiln-Ferry-Orbit-42"

  test("accepts the password with any user name", () => {
    expect(hasAccessPassword(basic(`admin:${password}`), password)).toBe(true)
    expect(hasAccessPassword(basic(`:${password}`), password)).toBe(true)
    expect(hasAccessPassword(basic(`a:b:${password}`), "b:" + password)).toBe(true)
  })

  test.each([
    null,
    "",
    "Basic",
    "Basic !!!",
    "Bearer abc",
    basic(password),
    basic(`admin:${password}x`),
    basic(`admin:${password.slice(0, -1)}`),
    basic("admin:"),
  ])("refuses %j", (header) => {
    expect(hasAccessPassword(header, password)).toBe(false)
  })
})
