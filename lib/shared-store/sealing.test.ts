import { describe, expect, test } from "vitest"

import { storeKeys } from "./sealing"

const SECRET = "a-test-secret-of-at-least-32-characters"
const TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJ1cG4iOiJzZW5kZXJAY29udG9zby5jb20ifQ.c2lnbmF0dXJl"
const KEY = "smtp365:sign-in:abc"

describe("sealing a token for Redis (AES-256-GCM, key from SMTP365_SECRET_KEY)", () => {
  test("opens with the same secret and context, and shows no part of the token", () => {
    const sealed = storeKeys(SECRET).seal(TOKEN, KEY)
    expect(storeKeys(SECRET).open(sealed, KEY)).toBe(TOKEN)
    for (const part of [TOKEN, ...TOKEN.split(".")]) {
      expect(sealed).not.toContain(part)
      expect(Buffer.from(sealed.slice(3), "base64url").toString("latin1")).not.toContain(part)
    }
    // A fresh IV each time: the same token never seals the same way twice.
    expect(storeKeys(SECRET).seal(TOKEN, KEY)).not.toBe(sealed)
  })

  test("does not open with another secret, under another key, or altered", () => {
    const sealed = storeKeys(SECRET).seal(TOKEN, KEY)
    expect(storeKeys(`${SECRET}!`).open(sealed, KEY)).toBeNull()
    expect(storeKeys(SECRET).open(sealed, "smtp365:sign-in:other")).toBeNull()
    const bytes = Buffer.from(sealed.slice(3), "base64url")
    bytes[bytes.length - 1] = (bytes.at(-1) ?? 0) ^ 1
    expect(storeKeys(SECRET).open(`v1.${bytes.toString("base64url")}`, KEY)).toBeNull()
    expect(storeKeys(SECRET).open("v1.short", KEY)).toBeNull()
    expect(storeKeys(SECRET).open(TOKEN, KEY)).toBeNull()
  })

  test("names keys by a keyed hash: stable per secret and kind, never the value", () => {
    const keys = storeKeys(SECRET)
    const name = keys.hash("limit:test-send:client", "198.51.100.7")
    expect(name).toBe(storeKeys(SECRET).hash("limit:test-send:client", "198.51.100.7"))
    expect(name).not.toContain("198.51.100.7")
    expect(keys.hash("limit:sign-in:client", "198.51.100.7")).not.toBe(name)
    expect(storeKeys(`${SECRET}!`).hash("limit:test-send:client", "198.51.100.7")).not.toBe(name)
  })
})
