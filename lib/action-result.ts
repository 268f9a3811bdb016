import type { TestOutcome } from "@/lib/smtp/types"

/**
 * What the test-send server action answers: invalid input (with messages per form field), a test
 * that ran (passed or failed, with its stages and transcript), or an unexpected server error.
 */
export type SendTestEmailResult =
  | { kind: "invalid"; error: string; fieldErrors: Record<string, string> }
  | { kind: "ran"; outcome: TestOutcome }
  | { kind: "error"; error: string }
