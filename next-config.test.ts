import { expect, test } from "vitest"

import nextConfig from "./next.config"

test("next dev does not print server action arguments (the password would be among them)", () => {
  expect(nextConfig.logging && nextConfig.logging.serverFunctions).toBe(false)
})
