import { describe, expect, it, test } from "vitest"

import { addressFits, domainOfAddress, localPartOfAddress } from "./email-address"

describe("domainOfAddress", () => {
  it("is what follows the @", () => {
    expect(domainOfAddress("scanner@contoso.com")).toBe("contoso.com")
  })

  it("follows the last @, as a quoted local part may hold one", () => {
    expect(domainOfAddress('"front@desk"@contoso.com')).toBe("contoso.com")
  })

  it("is empty for a value without @", () => {
    expect(domainOfAddress("contoso.com")).toBe("")
  })
})

describe("localPartOfAddress", () => {
  it("is what precedes the last @", () => {
    expect(localPartOfAddress('"front@desk"@contoso.com')).toBe('"front@desk"')
  })

  it("is the whole value without @", () => {
    expect(localPartOfAddress("postmaster")).toBe("postmaster")
  })
})

describe("addressFits: RFC 5321's limits", () => {
  test("64 octets before the @ and 254 in all fit; one more does not", () => {
    expect(addressFits(`${"a".repeat(64)}@contoso.com`)).toBe(true)
    expect(addressFits(`${"a".repeat(65)}@contoso.com`)).toBe(false)
    expect(addressFits(`a@${"b".repeat(252)}`)).toBe(true)
    expect(addressFits(`a@${"b".repeat(253)}`)).toBe(false)
  })

  test("counts octets, not characters", () => {
    expect(addressFits(`${"€".repeat(21)}@contoso.com`)).toBe(true)
    expect(addressFits(`${"€".repeat(22)}@contoso.com`)).toBe(false)
  })
})
