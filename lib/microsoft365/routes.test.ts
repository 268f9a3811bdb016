import { describe, expect, test } from "vitest"

import { methodInfo } from "./methods"
import { recommendRoute, type SenderFacts } from "./routes"

const route = (facts: SenderFacts) => recommendRoute(facts)

describe("a route for every sender", () => {
  test("waits for how it signs in and whom it mails", () => {
    expect(route({})).toBeNull()
    expect(route({ signIn: "password" })).toBeNull()
    expect(route({ external: true })).toBeNull()
  })

  test("an app that can do OAuth: SMTP AUTH with an app-only token", () => {
    for (const external of [false, true]) {
      expect(route({ signIn: "oauth", external })).toMatchObject({
        method: "smtp-auth",
        oauth: "oauth-app",
      })
    }
  })

  test("a printer that only knows a password and mails staff: High Volume Email, dated", () => {
    const advice = route({ signIn: "password", external: false })
    expect(advice?.method).toBe("hve")
    expect(advice?.oauth).toBeUndefined()
    expect(advice?.dates.map((date) => date.when)).toEqual([
      "End of December 2026",
      "Second half of 2027",
      "September 2028",
    ])
    expect(advice?.caveat).toBeUndefined()
    expect(
      route({ signIn: "password", external: false, securityDefaults: "unknown" })?.caveat
    ).toMatch(/security defaults/)
  })

  test("with security defaults on, the password cannot sign in: Direct Send, HVE as the other", () => {
    const advice = route({ signIn: "password", external: false, securityDefaults: "on" })
    expect(advice?.method).toBe("direct-send")
    expect(advice?.alternatives.map((alternative) => alternative.method)).toContain("hve")
  })

  test("a password-only sender that mails outside: ACS, or a connector with a static IP", () => {
    expect(route({ signIn: "password", external: true })?.method).toBe("acs")
    const withIp = route({ signIn: "password", external: true, staticIp: true })
    expect(withIp?.method).toBe("acs")
    expect(withIp?.alternatives.map((alternative) => alternative.method)).toContain("relay")
  })

  test("a sender that cannot sign in: Direct Send inside, a connector outside", () => {
    expect(route({ signIn: "none", external: false })?.method).toBe("direct-send")
    expect(route({ signIn: "none", external: true, staticIp: true })).toMatchObject({
      method: "relay",
      alternatives: [],
    })
    expect(route({ signIn: "none", external: true, staticIp: false })?.caveat).toMatch(
      /relay of your own/
    )
  })

  test("every advice names a method that exists, with reasons and sources", () => {
    const answers: SenderFacts[] = []
    for (const signIn of ["oauth", "password", "none"] as const)
      for (const external of [false, true])
        for (const staticIp of [undefined, false, true])
          for (const securityDefaults of [undefined, "on", "off", "unknown"] as const)
            answers.push({ signIn, external, staticIp, securityDefaults })
    for (const facts of answers) {
      const advice = route(facts)
      expect(advice, JSON.stringify(facts)).not.toBeNull()
      expect(methodInfo(advice!.method).id).toBe(advice!.method)
      expect(advice!.reasons.length).toBeGreaterThan(0)
      expect(advice!.sources.length).toBeGreaterThan(0)
      // An internal-only route is never suggested for a sender that mails outside.
      if (facts.external) expect(methodInfo(advice!.method).internalOnly).toBe(false)
    }
  })
})
