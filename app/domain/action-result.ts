import type { DomainCheckResult } from "@/lib/dns/types"

/** What the domain check answers: invalid input (a message per field), the checks, or an error. */
export type CheckDomainResult =
  | { kind: "invalid"; error: string; fieldErrors: Record<string, string> }
  | { kind: "checked"; result: DomainCheckResult }
  | { kind: "error"; error: string }
