import { describe, expect, it } from "vitest"

import { domainOfAddress, localPartOfAddress } from "./email-address"

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
