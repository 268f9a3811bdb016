import "server-only"

import MailComposer from "nodemailer/lib/mail-composer"

export interface TestMessageInput {
  fromAddress: string
  fromName: string
  to: string
  /** Shown in the body so the recipient knows which setup sent it. */
  via: string
}

/**
 * The one message smtp365 sends. Its content is fixed here, on the server: a caller chooses only the
 * sender and the single recipient, so the tool cannot be used to send arbitrary mail.
 */
export async function composeTestMessage(
  input: TestMessageInput,
  now = new Date()
): Promise<{ raw: Buffer; messageId: string }> {
  const composer = new MailComposer({
    from: input.fromName ? { name: input.fromName, address: input.fromAddress } : input.fromAddress,
    to: input.to,
    subject: "smtp365 test email",
    date: now,
    text: [
      "This is a test email sent by smtp365 to check a Microsoft 365 SMTP setup.",
      "",
      `Sent through: ${input.via}`,
      `Sent at: ${now.toISOString()}`,
      "",
      "If you received it, the settings work: nothing else to do.",
    ].join("\r\n"),
  })
  const node = composer.compile()
  const raw = await node.build()
  return { raw, messageId: node.messageId() }
}
