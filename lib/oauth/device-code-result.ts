import type { Diagnosis } from "@/lib/smtp/types"
import type { TokenSummary } from "./claims"
import type { DeviceCodeStart } from "./device-code"

/**
 * What the device code server actions answer (app/oauth-actions.ts). Plain data for the browser:
 * never a token. A failure carries the identity platform's message and smtp365's diagnosis.
 */
export type DeviceCodeActionResult =
  | { kind: "invalid"; error: string; fieldErrors: Record<string, string> }
  | { kind: "started"; start: DeviceCodeStart }
  | { kind: "pending"; expiresAt: string }
  | { kind: "issued"; token: TokenSummary | null }
  | { kind: "failed"; error: string; code: string; diagnosis: Diagnosis }
  /** The flow is gone (expired, cancelled, or started on another server process): start again. */
  | { kind: "unknown"; error: string }
