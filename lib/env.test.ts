import { describe, expect, test } from "vitest"

import { readEnv } from "./env"

describe("readEnv", () => {
  test("starts with no variable set", () => {
    expect(readEnv({})).toEqual({
      SMTP365_ALLOWED_HOSTS: [],
      SMTP365_PRACTICE: true,
      SMTP365_PRACTICE_PORT: 0,
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
})
