import { lazyResolver } from "@/lib/schemas/lazy-resolver"

/**
 * The wizard's checks: zod, the setup schema and its resolver, fetched on the first interaction
 * with the wizard rather than with the page (the first step needs none of it to show).
 */
export const setupChecks = lazyResolver(
  () => import("./setup-validation"),
  (validation) => validation.setupResolver
)
