"use server"

import type { ActionResult } from "@/lib/action-result"
import { runDiagnosedTest } from "@/lib/actions/test-send"
import { validatedAction } from "@/lib/actions/validated-action"
import { env } from "@/lib/env"
import { practiceIdentityUrl, practiceTarget } from "@/lib/practice/practice-server"
import { limitTestSend } from "@/lib/security/limit-test-send"
import { setupSchema } from "@/lib/schemas/setup"
import { endingInError, streamProgress, type TestProgress } from "@/lib/smtp/progress"
import { runSessionOnThread } from "@/lib/smtp/session-thread"

const UNEXPECTED = "smtp365 hit an unexpected error; nothing was sent. Try again."

/**
 * Sends the test email described by the wizard's values. The input is parsed again here with the
 * same schema as the form (an action is reachable by a plain POST, whatever the UI checked). The
 * data is the test's progress: its stages as they happen, then the outcome (passed or failed).
 */
export const sendTestEmail = validatedAction(
  setupSchema,
  {
    name: "sendTestEmail",
    invalid: "Some fields need attention before the test can run.",
    unexpected: UNEXPECTED,
    limit: (values) => limitTestSend(values.test.to),
    logs: "message",
  },
  async (
    values,
    logUnexpected
  ): Promise<ActionResult<{ progress: AsyncIterable<TestProgress> }>> => {
    // Practice mode's tokens come from the practice identity server, never from Microsoft.
    const identityUrl =
      (values.server.practice ? await practiceIdentityUrl() : null) ?? env().SMTP365_IDENTITY_URL
    const progress = streamProgress((onEvent) =>
      runDiagnosedTest(values, {
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
    // A throw in the stream is a bug, not an SMTP failure (those are outcomes).
    return {
      ok: true,
      data: {
        progress: endingInError(progress, UNEXPECTED, logUnexpected),
      },
    }
  }
)
