"use server"

import type { SendTestEmailResult } from "@/lib/action-result"
import { env } from "@/lib/env"
import { practiceIdentityUrl, practiceTarget } from "@/lib/practice/practice-server"
import { limitTestSend } from "@/lib/security/limit-test-send"
import { setupSchema, toFieldErrors } from "@/lib/schemas/setup"
import { endingInError, streamProgress } from "@/lib/smtp/progress"
import { runSmtpTest } from "@/lib/smtp/run-test"
import { runSessionOnThread } from "@/lib/smtp/session-thread"

const UNEXPECTED = "smtp365 hit an unexpected error; nothing was sent. Try again."

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
  const limited = await limitTestSend(parsed.data.test.to)
  if (limited) return { kind: "error", ...limited }
  // Practice mode's tokens come from the practice identity server, never from Microsoft.
  const identityUrl =
    (parsed.data.server.practice ? await practiceIdentityUrl() : null) ?? env().SMTP365_IDENTITY_URL
  const progress = streamProgress((onEvent) =>
    runSmtpTest(parsed.data, {
      allowedHosts: env().SMTP365_ALLOWED_HOSTS,
      identityUrl,
      practiceTarget,
      runSession: runSessionOnThread,
      // The browser shows the stages while the test runs; the transcript comes with the outcome.
      onEvent: (event) => {
        if (event.type === "stage") onEvent(event)
      },
    })
  )
  // Stages reach the browser as they happen (React streams the async iterable), then the outcome.
  return {
    kind: "running",
    progress: endingInError(progress, UNEXPECTED, (error) =>
      // A bug, not an SMTP failure (those are outcomes). Log the error only: never the input.
      console.error(
        "sendTestEmail failed unexpectedly:",
        error instanceof Error ? error.message : error
      )
    ),
  }
}
