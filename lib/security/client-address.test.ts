import { describe, expect, test } from "vitest"

import { clientAddress, normalizeAddress } from "./client-address"
import { PEER_ADDRESS_HEADER } from "./peer-address"

const request = (headers: Record<string, string>) => new Headers(headers)

describe("clientAddress", () => {
  test("uses the socket's address and ignores X-Forwarded-For without a trusted proxy", () => {
    const headers = request({
      [PEER_ADDRESS_HEADER]: "203.0.113.9",
      "x-forwarded-for": "198.51.100.1",
    })
    expect(clientAddress(headers)).toBe("203.0.113.9")
    // Naming some other proxy changes nothing for a client that connects directly.
    expect(clientAddress(headers, "10.0.0.5")).toBe("203.0.113.9")
  })

  test("believes only the entry the trusted proxy appended", () => {
    const headers = request({
      [PEER_ADDRESS_HEADER]: "::ffff:10.0.0.5",
      "x-forwarded-for": "198.51.100.1, 203.0.113.77",
    })
    expect(clientAddress(headers, "10.0.0.5")).toBe("203.0.113.77")
  })

  test("falls back to the proxy's own address when its header holds no address", () => {
    const headers = request({ [PEER_ADDRESS_HEADER]: "10.0.0.5", "x-forwarded-for": "junk" })
    expect(clientAddress(headers, "10.0.0.5")).toBe("10.0.0.5")
  })

  test("counts an IPv6 client by its /64", () => {
    expect(clientAddress(request({ [PEER_ADDRESS_HEADER]: "2001:db8:1:2:aaaa::1" }))).toBe(
      "2001:db8:1:2::/64"
    )
    expect(clientAddress(request({ [PEER_ADDRESS_HEADER]: "2001:db8:1:2:ffff:1:2:3" }))).toBe(
      "2001:db8:1:2::/64"
    )
    expect(clientAddress(request({ [PEER_ADDRESS_HEADER]: "::1" }))).toBe("0:0:0:0::/64")
  })

  test("without the peer header, uses what Next.js put in X-Forwarded-For", () => {
    expect(clientAddress(request({ "x-forwarded-for": "127.0.0.1" }))).toBe("127.0.0.1")
    expect(clientAddress(request({}))).toBe("unknown")
  })
})

describe("normalizeAddress", () => {
  test.each([
    ["::ffff:192.0.2.1", "192.0.2.1"],
    ["[2001:DB8::1]", "2001:db8::1"],
    [" 192.0.2.1 ", "192.0.2.1"],
    ["unknown", ""],
    ["192.0.2.1:443", ""],
  ])("%j -> %j", (input, output) => {
    expect(normalizeAddress(input)).toBe(output)
  })
})
