import fc from "fast-check"
import { describe, expect, test } from "vitest"

import { readPowerShell } from "@/test-support/powershell-reader"
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

  test("any value reads back from the command as exactly that value, one argument", () => {
    // Quotes of every kind PowerShell knows, and what it would expand outside single quotes.
    const tricky = fc.constantFrom(
      "'",
      "\u2018",
      "\u2019",
      "\u201A",
      "\u201B",
      '"',
      "\u201C",
      "$",
      "`",
      "@",
      " ",
      "\n",
      "#",
      ";",
      "|",
      "a"
    )
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: tricky })), (value) => {
        expect(
          readPowerShell(`Set-CASMailbox -Identity ${psQuote(value)} -Enabled $false`)
        ).toEqual([
          { kind: "bare", value: "Set-CASMailbox" },
          { kind: "bare", value: "-Identity" },
          { kind: "single-quoted", value },
          { kind: "bare", value: "-Enabled" },
          { kind: "bare", value: "$false" },
        ])
      })
    )
  })

  test("the reader refuses what PowerShell would not read as the value", () => {
    expect(() => readPowerShell("Set-CASMailbox -Identity o'brien@contoso.com")).toThrow(
      /quote inside a bare word/
    )
    expect(() => readPowerShell("Set-CASMailbox -Identity 'o'brien@contoso.com'")).toThrow()
    expect(() => readPowerShell('Where-Object AppId -eq "$app"')).toThrow(/expands/)
    expect(() => readPowerShell("Connect-ExchangeOnline -Organization <tenant>")).toThrow()
  })
})
