import { describe, expect, test } from "vitest"

import { checkHost, hostName } from "./host-name"

describe("hostName", () => {
  test.each([
    ["localhost", "localhost"],
    ["LocalHost:3000", "localhost"],
    ["127.0.0.1:3100", "127.0.0.1"],
    ["[::1]", "::1"],
    ["[::1]:3100", "::1"],
    ["::1", "::1"],
    [" Wizard.Contoso.test ", "wizard.contoso.test"],
    ["[FD00::7]:443", "fd00::7"],
  ])("%j is %j", (value, name) => {
    expect(hostName(value)).toBe(name)
  })

  test.each([
    "",
    "[localhost]",
    "[::1",
    "::1]:80",
    "a b",
    "user@host",
    "host:port",
    "https://x.test",
  ])("%j is no host name", (value) => {
    expect(hostName(value)).toBeNull()
  })
})

describe("checkHost", () => {
  const open = { hostNames: [] }

  test.each(["localhost", "localhost:3000", "127.0.0.1", "127.0.0.1:3100", "[::1]", "[::1]:3100"])(
    "without an access password, serves the loopback name %j",
    (host) => {
      expect(checkHost(host, open)).toBeNull()
    }
  )

  test.each([
    "rebound.example",
    "rebound.example:3000",
    // Other spellings of this machine are no name a browser sends for it; a rebinding page's is.
    "127.0.0.2",
    "0.0.0.0:3000",
    "localhost.",
    "localhost.rebound.example",
    "[::ffff:127.0.0.1]",
    "",
  ])("without an access password, refuses %j with 421 and says what to set", (host) => {
    const refusal = checkHost(host, open)
    expect(refusal?.status).toBe(421)
    expect(refusal?.message).toContain("SMTP365_ACCESS_PASSWORD")
    expect(refusal?.message).toContain("SMTP365_HOSTNAMES")
  })

  test("names the refused host in the advice, when it is a host name", () => {
    expect(checkHost("Wizard.Contoso.test:8080", open)?.message).toContain(
      "add wizard.contoso.test to SMTP365_HOSTNAMES"
    )
    expect(checkHost("[fd00::7]", open)?.message).toContain("add [fd00::7] to SMTP365_HOSTNAMES")
    expect(checkHost(null, open)?.message).not.toContain("add ")
  })

  test("serves the names in SMTP365_HOSTNAMES, with any port, and still the loopback names", () => {
    const listed = { hostNames: ["wizard.contoso.test", "10.0.0.7"] }
    expect(checkHost("wizard.contoso.test", listed)).toBeNull()
    expect(checkHost("WIZARD.contoso.test:8443", listed)).toBeNull()
    expect(checkHost("10.0.0.7:3000", listed)).toBeNull()
    expect(checkHost("localhost:3000", listed)).toBeNull()
    expect(checkHost("contoso.test", listed)?.status).toBe(421)
    expect(checkHost("evil.wizard.contoso.test", listed)?.status).toBe(421)
  })

  test("with an access password, serves any host name: the password is the boundary", () => {
    const guarded = { accessPassword: "Tundra-Quill-Access-8", hostNames: [] }
    for (const host of ["rebound.example", "10.0.0.7:3000", "", null]) {
      expect(checkHost(host, guarded)).toBeNull()
    }
  })
})
