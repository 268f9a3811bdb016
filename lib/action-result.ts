import type { TestProgress } from "@/lib/smtp/progress"

/**
 * What the test-send server action answers: invalid input (with messages per form field), a test
 * that is running (its stages and transcript stream as they happen, then the outcome: passed or
 * failed), or an error (the abuse limit, or an unexpected server error).
 */
export type SendTestEmailResult =
  | { kind: "invalid"; error: string; fieldErrors: Record<string, string> }
  | { kind: "running"; progress: AsyncIterable<TestProgress> }
  | {
      kind: "error"
      error: string
      /** Set when the abuse limit refused the test: seconds until a test may run again. */
      retryAfterSeconds?: number
    }
