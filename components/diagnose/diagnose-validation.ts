import { zodResolver } from "@hookform/resolvers/zod"

import { pastedTextSchema } from "@/lib/schemas/paste"

// Fetched on demand by diagnose-form.tsx, with zod: the form shows without them.
export const pastedTextResolver = zodResolver(pastedTextSchema)
