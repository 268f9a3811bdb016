import { describe, expect, test } from "vitest"

import { setupSchema } from "@/lib/schemas/setup"
import type { SignIn } from "@/lib/schemas/setup-fields"
import { secretFieldOf } from "@/lib/schemas/sign-in"

import { SIGN_IN_FLOW_FIELD, WIZARD_STEPS, findStep, stepsFor } from "./step-registry"

describe("the wizard's step registry", () => {
  test("every field of the setup schema belongs to exactly one step", () => {
    const schemaFields = Object.entries(setupSchema.shape).flatMap(([step, schema]) =>
      Object.keys(schema.shape).map((field) => `${step}.${field}`)
    )
    const stepFields = WIZARD_STEPS.flatMap((step): readonly string[] => step.fields)
    expect([...stepFields].sort()).toStrictEqual([...schemaFields].sort())
    expect(new Set(stepFields).size).toBe(stepFields.length)
    expect(schemaFields).toContain(SIGN_IN_FLOW_FIELD)
  })

  test("a setup that signs in goes through Account; one that does not skips it", () => {
    const ids = (signIn: Parameters<typeof stepsFor>[0]) => stepsFor(signIn).map((step) => step.id)
    const all = ["method", "server", "account", "sender", "domain", "test", "settings"]
    expect(ids("password")).toStrictEqual(all)
    expect(ids("oauth-app")).toStrictEqual(all)
    expect(ids("oauth-device")).toStrictEqual(all)
    expect(ids("none")).toStrictEqual(all.filter((id) => id !== "account"))
  })

  test("the Test step asks again for every secret a reload empties, and only for those", () => {
    const signIns: SignIn[] = ["none", "password", "app-secret", "oauth-app", "oauth-device"]
    const secrets = new Set(signIns.map(secretFieldOf).filter((field) => field !== null))
    expect(new Set(findStep("test")?.asksAgain)).toStrictEqual(secrets)
    // An earlier step's field, never the step's own.
    const test = WIZARD_STEPS.findIndex((step) => step.id === "test")
    const earlier = WIZARD_STEPS.slice(0, test).flatMap((step): readonly string[] => step.fields)
    for (const field of secrets) expect(earlier).toContain(field)
  })

  test("ids are unique, and only known ids are found", () => {
    const ids = WIZARD_STEPS.map((step) => step.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(findStep("test")?.title).toBe("Test")
    expect(findStep("nope")).toBeUndefined()
    expect(findStep(null)).toBeUndefined()
  })

  test("one test step, with the setup steps before it and the results after it", () => {
    const phases = WIZARD_STEPS.map((step) => step.phase)
    const test = phases.indexOf("test")
    expect(phases.filter((phase) => phase === "test")).toHaveLength(1)
    expect(phases.slice(0, test).every((phase) => phase === "setup")).toBe(true)
    expect(phases.slice(test + 1).every((phase) => phase === "results")).toBe(true)
  })
})
