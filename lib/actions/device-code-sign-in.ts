import { classify } from "@/lib/diagnosis/classify"
import type { TokenSummary } from "@/lib/oauth/claims"
import type { DeviceCodeStart } from "@/lib/oauth/device-code"
import type { IdentityFailure } from "@/lib/oauth/identity-failure"
import type { Diagnosis } from "@/lib/smtp/types"

/**
 * Where a device code sign-in stands, as the device code actions answer it (app/oauth-actions.ts):
 * plain data for the browser, never a token. A refusal carries the identity platform's message
 * and smtp365's diagnosis.
 */
export type DeviceCodeSignIn =
  | { kind: "started"; start: DeviceCodeStart }
  | { kind: "pending"; expiresAt: string }
  | { kind: "issued"; token: TokenSummary | null }
  | { kind: "failed"; error: string; code: string; diagnosis: Diagnosis }

/** A sign-in the identity platform refused (or could not be asked for), with its diagnosis. */
export function failedSignIn(
  failure: IdentityFailure,
  context: { tenant?: string; clientId?: string; user: string }
): DeviceCodeSignIn {
  const answered = failure.code.startsWith("AADSTS")
  const diagnosis = classify(
    {
      stage: "token",
      code: "EIDENTITY",
      cause: failure.code,
      ...(answered ? { reply: failure.message } : {}),
      message: failure.message,
    },
    {
      mailbox: context.user,
      from: context.user,
      host: "",
      port: 587,
      ...(context.tenant ? { tenant: context.tenant } : {}),
      ...(context.clientId ? { clientId: context.clientId } : {}),
      signIn: "oauth-device",
    }
  )
  return { kind: "failed", error: failure.message, code: failure.code, diagnosis }
}
