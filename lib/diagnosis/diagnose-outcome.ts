import type { SetupValues } from "@/lib/schemas/setup"
import { isOAuth, signInOf } from "@/lib/schemas/sign-in"
import type { SmtpOutcome, TestOutcome } from "@/lib/smtp/types"
import { classify } from "./classify"

/**
 * A test send's outcome with its diagnosis: a failure is explained for this setup (its commands
 * filled in with the mailbox, the tenant and the app), and the transcript line of the reply that
 * failed the test (the last server line that reads exactly that reply) gets the diagnosis's
 * headline as its note. An outcome without a failure comes back as it is.
 */
export function diagnoseOutcome(outcome: SmtpOutcome, values: SetupValues): TestOutcome {
  const { failure } = outcome
  if (!failure) return outcome
  const signIn = signInOf(values)
  const signsIn = signIn !== "none"
  const oauth = isOAuth(signIn)
  // The mailbox signed in with a password from the start, with OAuth once it had its token.
  const signedIn =
    signsIn &&
    (!oauth || outcome.stages.some((stage) => stage.id === "token" && stage.status === "passed"))
  const diagnosis = classify(failure, {
    mailbox: (signedIn && values.account.user) || values.sender.fromAddress,
    from: values.sender.fromAddress,
    to: values.test.to,
    host: values.server.host,
    port: Number(values.server.port),
    ...(oauth ? { tenant: values.account.tenant, clientId: values.account.clientId, signIn } : {}),
  })
  const replyAt = failure.reply
    ? outcome.transcript.findLastIndex(
        (line) => line.direction === "server" && line.text === failure.reply
      )
    : -1
  const transcript = outcome.transcript.map((line, index) =>
    index === replyAt ? { ...line, note: diagnosis.headline } : line
  )
  return { ...outcome, transcript, diagnosis }
}
