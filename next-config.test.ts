import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { expect, test } from "vitest"

import { MAX_ACTION_BODY_BYTES } from "./lib/security/action-request"
import nextConfig from "./next.config"

test("next dev does not print server action arguments (the password would be among them)", () => {
  expect(nextConfig.logging && nextConfig.logging.serverFunctions).toBe(false)
})

test("Next.js's trailing-slash redirect is off: it answers before the headers and the proxy, without them", () => {
  expect(nextConfig.skipTrailingSlashRedirect).toBe(true)
})

test("the action gate's body limit is the one the installed Next.js applies", () => {
  // next.config.ts keeps Next.js's default, which the installed version spells out in its source.
  expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBeUndefined()
  const source = readFileSync(
    createRequire(import.meta.url).resolve("next/dist/server/app-render/action-handler.js"),
    "utf8"
  )
  // "bodySizeLimit !== defaultBodySizeLimit ? bytes.parse(bodySizeLimit) : 1024 * 1024"
  const [, factor, unit] =
    /bodySizeLimit !== defaultBodySizeLimit \?[^:\n]*:\s*(\d+)\s*\*\s*(\d+)/.exec(source) ?? []
  expect(Number(factor) * Number(unit)).toBe(MAX_ACTION_BODY_BYTES)
})
