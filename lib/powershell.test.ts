import { describe, expect, test } from "vitest"

import { psQuote } from "./powershell"

describe("psQuote", () => {
  test("wraps a value in single quotes", () => {
    expect(psQuote("hve-scanner@contoso.com")).toBe("'hve-scanner@contoso.com'")
  })

  test("doubles single quotes, typographic ones included, and expands nothing", () => {
    expect(psQuote("o'brien@contoso.com")).toBe("'o''brien@contoso.com'")
    expect(psQuote("o\u2019brien@contoso.com")).toBe("'o\u2019\u2019brien@contoso.com'")
    expect(psQuote("$env:USERNAME `n")).toBe("'$env:USERNAME `n'")
  })
})
