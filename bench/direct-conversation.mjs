// The success scenario's SMTP conversation without the product: nodemailer's SMTPConnection with
// the steps lib/smtp/session.ts takes (connect, STARTTLS, AUTH LOGIN, MAIL FROM, RCPT TO, DATA)
// and the message lib/smtp/test-message.ts composes, ended at DATA's reply.
import SMTPConnection from "nodemailer/lib/smtp-connection"

import { HOST, PRACTICE_PASSWORD, SCENARIOS } from "./scenarios.mjs"
import { importTs } from "./ts-modules.mjs"

const success = SCENARIOS.find((scenario) => scenario.id === "success")

function converse(port, ca, message) {
  return new Promise((resolve, reject) => {
    const connection = new SMTPConnection({ host: HOST, port, requireTLS: true, tls: { ca } })
    connection.once("error", reject)
    connection.connect(() =>
      connection.login({ user: success.user, pass: PRACTICE_PASSWORD }, (loginError) => {
        if (loginError) return reject(loginError)
        connection.send({ from: success.from, to: [success.to] }, message, (sendError, info) => {
          connection.quit()
          if (sendError) reject(sendError)
          else resolve(info.response)
        })
      })
    )
  })
}

/** Composes the test message and sends it to the submission simulator on `port`. */
export async function directSend(port, ca) {
  const { composeTestMessage } = await importTs("lib/smtp/test-message.ts")
  const { raw } = await composeTestMessage({
    fromAddress: success.from,
    fromName: "Bench",
    to: success.to,
    via: `${HOST}:${port}`,
  })
  return converse(port, ca, raw)
}
