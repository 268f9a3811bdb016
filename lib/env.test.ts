import { describe, expect, test } from "vitest"

import { ConfigurationError, readEnv } from "./env"

describe("readEnv", () => {
  test("starts with no variable set", () => {
    expect(readEnv({})).toEqual({
      SMTP365_ALLOWED_HOSTS: [],
      SMTP365_PRACTICE: true,
      SMTP365_PRACTICE_PORT: 0,
      SMTP365_IDENTITY_URL: "https://login.microsoftonline.com",
      SMTP365_RATE_LIMIT: 10,
      SMTP365_TRUST_PROXY: undefined,
      SMTP365_ACCESS_PASSWORD: undefined,
      SMTP365_DNS_SERVERS: [],
      SMTP365_HOSTNAMES: [],
      SMTP365_REDIS_URL: undefined,
      SMTP365_SECRET_KEY: undefined,
    })
  })

  test("reads a comma-separated host list, ignoring blanks, case and IPv6 brackets", () => {
    expect(
      readEnv({ SMTP365_ALLOWED_HOSTS: " 127.0.0.1, Mail.Contoso.test,,[::1] " })
        .SMTP365_ALLOWED_HOSTS
    ).toEqual(["127.0.0.1", "mail.contoso.test", "::1"])
  })

  test("turns practice mode off only with 'off'", () => {
    expect(readEnv({ SMTP365_PRACTICE: "OFF" }).SMTP365_PRACTICE).toBe(false)
    expect(readEnv({ SMTP365_PRACTICE: "" }).SMTP365_PRACTICE).toBe(true)
    expect(readEnv({ SMTP365_PRACTICE: "yes" }).SMTP365_PRACTICE).toBe(true)
  })

  test.each(["", "abc", "0", "70000", "25.5", "-1"])(
    "falls back to an ephemeral practice port for %j",
    (value) => {
      expect(readEnv({ SMTP365_PRACTICE_PORT: value }).SMTP365_PRACTICE_PORT).toBe(0)
    }
  )

  test("takes a valid practice port", () => {
    expect(readEnv({ SMTP365_PRACTICE_PORT: "2587" }).SMTP365_PRACTICE_PORT).toBe(2587)
  })

  test.each(["", "abc", "0", "-5", "2.5", "1e9"])(
    "falls back to 10 test sends a minute for SMTP365_RATE_LIMIT=%j",
    (value) => {
      expect(readEnv({ SMTP365_RATE_LIMIT: value }).SMTP365_RATE_LIMIT).toBe(10)
    }
  )

  test("takes a valid rate limit", () => {
    expect(readEnv({ SMTP365_RATE_LIMIT: " 3 " }).SMTP365_RATE_LIMIT).toBe(3)
  })

  test("trusts a proxy only when it is named by an IP address", () => {
    expect(readEnv({ SMTP365_TRUST_PROXY: " 10.0.0.5 " }).SMTP365_TRUST_PROXY).toBe("10.0.0.5")
    expect(readEnv({ SMTP365_TRUST_PROXY: "[FD00::1]" }).SMTP365_TRUST_PROXY).toBe("fd00::1")
    expect(readEnv({ SMTP365_TRUST_PROXY: "proxy.internal" }).SMTP365_TRUST_PROXY).toBeUndefined()
    expect(readEnv({ SMTP365_TRUST_PROXY: "true" }).SMTP365_TRUST_PROXY).toBeUndefined()
  })

  test("asks for an access password only when one is set, keeping it verbatim", () => {
    expect(readEnv({ SMTP365_ACCESS_PASSWORD: "  " }).SMTP365_ACCESS_PASSWORD).toBeUndefined()
    expect(readEnv({ SMTP365_ACCESS_PASSWORD: " s3cret " }).SMTP365_ACCESS_PASSWORD).toBe(
      " s3cret "
    )
  })

  test("reads DNS servers as ip[:port], dropping entries that are not addresses", () => {
    expect(
      readEnv({
        SMTP365_DNS_SERVERS:
          " 127.0.0.1:5353, 9.9.9.9,[::1]:53, 2001:db8::1, dns.example, 10.0.0.1:0, [1.2.3.4]:53 ",
      }).SMTP365_DNS_SERVERS
    ).toEqual(["127.0.0.1:5353", "9.9.9.9", "[::1]:53", "2001:db8::1"])
  })

  test("reads the served host names, without ports, brackets or case, dropping what is no name", () => {
    expect(
      readEnv({
        SMTP365_HOSTNAMES:
          " Wizard.Contoso.test, 10.0.0.7:3000,,[FD00::7]:443, fd00::8, https://x.test/, a b ",
      }).SMTP365_HOSTNAMES
    ).toEqual(["wizard.contoso.test", "10.0.0.7", "fd00::7", "fd00::8"])
  })

  describe("SMTP365_REDIS_URL and SMTP365_SECRET_KEY", () => {
    const SECRET = "0123456789abcdef0123456789abcdef"

    test("takes a Redis URL with a secret key of 32 characters or more", () => {
      const parsed = readEnv({
        SMTP365_REDIS_URL: " rediss://:pw@redis.internal:6380/2 ",
        SMTP365_SECRET_KEY: SECRET,
      })
      expect(parsed.SMTP365_REDIS_URL).toBe("rediss://:pw@redis.internal:6380/2")
      expect(parsed.SMTP365_SECRET_KEY).toBe(SECRET)
      expect(readEnv({ SMTP365_REDIS_URL: "  " }).SMTP365_REDIS_URL).toBeUndefined()
    })

    test.each([
      [{}, /^SMTP365_SECRET_KEY is not set, and SMTP365_REDIS_URL needs it/],
      [{ SMTP365_SECRET_KEY: "   " }, /^SMTP365_SECRET_KEY is not set/],
      [
        { SMTP365_SECRET_KEY: SECRET.slice(1) },
        /^SMTP365_SECRET_KEY is shorter than 32 characters/,
      ],
    ])("refuses to start with a Redis URL and the secret key %j", (secret, message) => {
      const read = () => readEnv({ SMTP365_REDIS_URL: "redis://127.0.0.1:6379", ...secret })
      expect(read).toThrow(ConfigurationError)
      expect(read).toThrow(message)
      expect(read).toThrow(/openssl rand -base64 32/)
    })

    test.each(["127.0.0.1:6379", "http://redis.internal", "redis://", "not a url"])(
      "refuses to start with the Redis URL %j, saying how to write it",
      (url) => {
        const read = () => readEnv({ SMTP365_REDIS_URL: url, SMTP365_SECRET_KEY: SECRET })
        expect(read).toThrow(ConfigurationError)
        expect(read).toThrow(
          /^SMTP365_REDIS_URL is not a Redis URL: write it as redis:\/\/host:port/
        )
      }
    )

    test("never puts the URL or the key in its message", () => {
      for (const source of [
        { SMTP365_REDIS_URL: "redis//:hunter2@x", SMTP365_SECRET_KEY: SECRET },
        { SMTP365_REDIS_URL: "redis://:hunter2@x", SMTP365_SECRET_KEY: "short-secret" },
      ]) {
        const message = (() => {
          try {
            readEnv(source)
            return "no error"
          } catch (error) {
            return (error as Error).message
          }
        })()
        expect(message).toMatch(/^SMTP365_/)
        expect(message).not.toMatch(/hunter2|short-secret/)
      }
    })

    test("a secret key alone changes nothing", () => {
      expect(readEnv({ SMTP365_SECRET_KEY: "short" }).SMTP365_REDIS_URL).toBeUndefined()
    })
  })
})
