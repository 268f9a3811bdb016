import { zodResolver } from "@hookform/resolvers/zod"

import { setupSchema } from "@/lib/schemas/setup"

// Fetched on demand through setup-checks.ts: the one module that brings zod into the wizard.
export { setupSchema }

/** Built once, when this module is first fetched. */
export const setupResolver = zodResolver(setupSchema)
