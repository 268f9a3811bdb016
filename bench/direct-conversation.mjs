// The success scenario's SMTP conversation without the product: nodemailer's SMTPConnection with
// the steps lib/smtp/session.ts takes (connect, STARTTLS, AUTH LOGIN, MAIL FROM, RCPT TO, DATA)
// and the message lib/smtp/test-message.ts composes, ended at DATA's reply. Like the product, it
// makes its TLS context once and composes the message for each send.
import tls from "node:tls"
import SMTPConnection from "nodemailer/lib/smtp-connection"

import { HOST, PRACTICE_PASSWORD, SCENARIOS } from "./scenarios.mjs"
import { importTs } from "./ts-modules.mjs"

const success = SCENARIOS.find((scenario) => scenario.id === "success")

// The system's roots and NODE_EXTRA_CA_CERTS (the test CA), TLS 1.2 or later: lib/smtp/session.ts's
// context for a server that is not practice mode's.
let secureContext
let composeTestMessage

/**
 * Loads what the conversation needs and makes its TLS context, as smtp365's session thread does
 * when it starts (floor-worker.mjs does it at start too; the reference on its first send).
 */
export async function prepareDirectSend() {
  secureContext ??= tls.createSecureContext({ minVersion: "TLSv1.2" })
  composeTestMessage ??= (await importTs("lib/smtp/test-message.ts")).composeTestMessage
}

/** One step of the conversation as a promise: `work` gets nodemailer's callback. */
const step = (work) =>
  new Promise((resolve, reject) => work((error, value) => (error ? reject(error) : resolve(value))))

/**
 * Composes the test message and sends it to the submission simulator on `port`, composing while it
 * connects as the product does. Resolves with DATA's reply. `onStep` hears of each step done
 * ("connect", "auth", "data"), for the bare Next.js action that streams them (floor-worker.mjs).
 */
export async function directSend(port, onStep = () => {}) {
  await prepareDirectSend()
  const message = composeTestMessage({
    fromAddress: success.from,
    fromName: "Bench",
    to: success.to,
    via: `${HOST}:${port}`,
  })
  // Waited for at DATA; a conversation that fails sooner drops it.
  message.catch(() => {})
  const connection = new SMTPConnection({
    host: HOST,
    port,
    requireTLS: true,
    tls: { secureContext, rejectUnauthorized: true, host: HOST },
  })
  const broken = new Promise((_, reject) => connection.once("error", reject))
  broken.catch(() => {})
  const race = (work) => Promise.race([step(work), broken])
  try {
    await race((done) => connection.connect(() => done(null)))
    onStep("connect")
    await race((done) => connection.login({ user: success.user, pass: PRACTICE_PASSWORD }, done))
    onStep("auth")
    const { raw } = await message
    const info = await race((done) =>
      connection.send({ from: success.from, to: [success.to] }, raw, done)
    )
    onStep("data")
    connection.quit()
    return info.response
  } finally {
    connection.close()
  }
}
