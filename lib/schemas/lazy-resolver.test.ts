import { zodResolver } from "@hookform/resolvers/zod"
import type { ResolverOptions } from "react-hook-form"
import { describe, expect, test } from "vitest"

import { CHECKS_UNAVAILABLE_MESSAGE, lazyResolver } from "./lazy-resolver"
import { senderStepSchema } from "./setup"

type Sender = { fromAddress: string; fromName: string }

const real = { resolver: zodResolver(senderStepSchema) }

/** What react-hook-form passes: the fields asked for, and the ones on screen marked `mount`. */
function options(mounted: string[]): ResolverOptions<Sender> {
  const names = ["fromAddress", "fromName"] as const
  return {
    names: [...names],
    fields: Object.fromEntries(
      names.map((name) => [name, { ref: { name }, name, mount: mounted.includes(name) }])
    ),
    shouldUseNativeValidation: false,
  }
}

/** A load that fails `failures` times (as an offline import() does), then returns the module. */
function flakyLoad(failures: number) {
  const load = () => {
    load.calls++
    return load.calls <= failures
      ? Promise.reject(new TypeError("Failed to fetch dynamically imported module"))
      : Promise.resolve(real)
  }
  load.calls = 0
  return load
}

describe("lazyResolver", () => {
  test("a check asked for before the module arrives waits for it, then checks for real", async () => {
    let arrive = () => {}
    const checks = lazyResolver(
      () => new Promise<typeof real>((resolve) => (arrive = () => resolve(real))),
      (module) => module.resolver
    )
    const result = checks.resolver({ fromAddress: "", fromName: "" }, undefined, options([]))
    expect(checks.loaded).toBeUndefined()
    arrive()
    expect((await result).errors).toMatchObject({
      fromAddress: { message: "Enter the From address, for example printer@contoso.com" },
    })
    expect(checks.loaded).toBe(real)
  })

  test("fetches once, however many checks and preloads ask", async () => {
    const load = flakyLoad(0)
    const checks = lazyResolver(load, (module) => module.resolver)
    checks.preload()
    checks.preload()
    const values = { fromAddress: "scanner@contoso.com", fromName: "Scanner" }
    await Promise.all([1, 2, 3].map(() => checks.resolver(values, undefined, options([]))))
    expect(await checks.ready()).toBe(true)
    expect(load.calls).toBe(1)
  })

  test("without the module, fails at the first field on screen; the next check fetches again", async () => {
    const load = flakyLoad(1)
    const checks = lazyResolver(load, (module) => module.resolver)
    const values = { fromAddress: "scanner@contoso.com", fromName: "Scanner" }

    const offline = await checks.resolver(values, undefined, options(["fromName"]))
    expect(offline).toEqual({
      values: {},
      errors: { fromName: { type: "unavailable", message: CHECKS_UNAVAILABLE_MESSAGE } },
    })

    const online = await checks.resolver(values, undefined, options(["fromName"]))
    expect(online).toEqual({ values, errors: {} })
    expect(load.calls).toBe(2)
  })

  test("a failed preload throws nowhere, and ready() reports it", async () => {
    const load = flakyLoad(1)
    const checks = lazyResolver(load, (module) => module.resolver)
    checks.preload()
    // Waits for the preload's fetch rather than starting another.
    expect(await checks.ready()).toBe(false)
    expect(await checks.ready()).toBe(true)
    expect(load.calls).toBe(2)
  })

  test("with no field on screen, the error still blocks the form", async () => {
    const checks = lazyResolver(flakyLoad(1), (module) => module.resolver)
    const result = await checks.resolver({ fromAddress: "", fromName: "" }, undefined, {
      ...options([]),
      names: [],
    })
    expect(Object.keys(result.errors)).toEqual(["form"])
  })
})
