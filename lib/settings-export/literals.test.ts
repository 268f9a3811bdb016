import { describe, expect, test } from "vitest"

import { displayNameForHeader } from "./literals"

/** RFC 2047 decoding of base64 encoded words, as a mail client reads them: joined, no spaces. */
function decodeWords(text: string) {
  const bytes = text.split(" ").flatMap((word) => {
    const base64 = /^=\?utf-8\?b\?([A-Za-z0-9+/=]+)\?=$/.exec(word)?.[1]
    if (base64 === undefined) throw new Error(`not an encoded word: ${word}`)
    return [...atob(base64)].map((char) => char.charCodeAt(0))
  })
  return new TextDecoder().decode(new Uint8Array(bytes))
}

describe("displayNameForHeader", () => {
  test("quotes a name with RFC 5322 specials and leaves a plain one as it is", () => {
    expect(displayNameForHeader("IT, Monitoring")).toBe('"IT, Monitoring"')
    expect(displayNameForHeader('Scan "Floor 2" \\1')).toBe('"Scan \\"Floor 2\\" \\\\1"')
    expect(displayNameForHeader("Floor 2 scanner #1")).toBe("Floor 2 scanner #1")
  })

  test("leaves a name outside ASCII to software that encodes it", () => {
    expect(displayNameForHeader("Jörg, IT")).toBe("Jörg, IT")
  })

  test("encodes a long name outside ASCII in words of at most 75 characters", () => {
    const name = `Jörg "Ops" O'Brien, ${"é".repeat(40)} 東京`
    const encoded = displayNameForHeader(name, { encode: true })
    const words = encoded.split(" ")
    expect(words.length).toBeGreaterThan(1)
    for (const word of words) expect(word.length).toBeLessThanOrEqual(75)
    expect(decodeWords(encoded)).toBe(name)
  })
})
