import { zodResolver } from "@hookform/resolvers/zod"

import { domainCheckSchema } from "@/lib/dns/domain-check-schema"

// Fetched on demand by domain-check.tsx, with zod: the form shows without them.
export const domainCheckResolver = zodResolver(domainCheckSchema)
