import * as z from "zod/mini"

import { accountStepSchema, mailboxAddressSchema } from "@/lib/schemas/setup"
import { OAUTH_SIGN_IN_LABELS, type OAuthSignIn } from "@/lib/schemas/setup-fields"
import type { ChecklistInput } from "@/lib/microsoft365/entra-checklist"

export type ChecklistQuery = Record<string, string | string[] | undefined>

const isFlow = (value: unknown): value is OAuthSignIn =>
  typeof value === "string" && Object.hasOwn(OAUTH_SIGN_IN_LABELS, value)

/** One value of the query: the first if repeated, "" if absent or not what the field takes. */
function field(query: ChecklistQuery, key: string, schema: z.ZodMiniType): string {
  const raw = query[key]
  const value = (Array.isArray(raw) ? raw[0] : raw) ?? ""
  const parsed = z.safeParse(schema, value)
  return parsed.success && typeof parsed.data === "string" ? parsed.data : ""
}

/**
 * The checklist page's input from its query (entraChecklistUrl writes it). A value the wizard's
 * own field would refuse is dropped, so a crafted link cannot put text of its choice into the
 * PowerShell the page shows: the step shows its placeholder instead. Without a known flow, the
 * app-only checklist.
 */
export function checklistFromQuery(query: ChecklistQuery): ChecklistInput {
  const flow = isFlow(query.flow) ? query.flow : "oauth-app"
  const { tenant, clientId } = accountStepSchema.shape
  return {
    flow,
    tenant: field(query, "tenant", tenant),
    clientId: field(query, "clientId", clientId),
    mailbox: field(query, "mailbox", mailboxAddressSchema),
  }
}
