import type { TextDiagnosis } from "@/lib/diagnosis/diagnose-text"

/**
 * What the diagnose action answers: invalid input (with a message per form field), the diagnosis of
 * the pasted text (which may be "no reply found"), or an unexpected server error.
 */
export type DiagnosePastedTextResult =
  | { kind: "invalid"; error: string; fieldErrors: Record<string, string> }
  | { kind: "diagnosed"; result: TextDiagnosis }
  | { kind: "error"; error: string }
