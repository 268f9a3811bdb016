"use server"

import type { SendTestEmailResult } from "@/lib/action-result"
import { env } from "@/lib/env"
import { practiceTarget } from "@/lib/practice/practice-server"
import { setupSchema, toFieldErrors } from "@/lib/schemas/setup"
import { runSmtpTest } from "@/lib/smtp/run-test"

/**
 * Sends the test email described by the wizard's values. The input is parsed again here with the
 * same schema as the form (an action is reachable by a plain POST, whatever the UI checked).
 */
export async function sendTestEmail(input: unknown): Promise<SendTestEmailResult> {
  const parsed = setupSchema.safeParse(input)
  if (!parsed.success) {
    return {
      kind: "invalid",
      error: "Some fields need attention before the test can run.",
      fieldErrors: toFieldErrors(parsed.error),
    }
  }
  try {
    const outcome = await runSmtpTest(parsed.data, {
      allowedHosts: env().SMTP365_ALLOWED_HOSTS,
      practiceTarget,
    })
    return { kind: "ran", outcome }
  } catch (error) {
    // A bug, not an SMTP failure (those are outcomes). Log the error only: never the input.
    console.error(
      "sendTestEmail failed unexpectedly:",
      error instanceof Error ? error.message : error
    )
    return { kind: "error", error: "smtp365 hit an unexpected error; nothing was sent. Try again." }
  }
}
