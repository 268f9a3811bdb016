// The bare Next.js action's worker thread (bench/bare-app/app/send/actions.js starts it): the
// direct reference's conversation (direct-conversation.mjs), run off the web server's thread as
// smtp365 runs its sessions, each step reported as it is done. A request is { id, port }; the
// replies are { id, step } and then { id, end } or { id, error }; { ready: true } first, once
// it has loaded what the conversation needs.
import { parentPort } from "node:worker_threads"

import { directSend, prepareDirectSend } from "./direct-conversation.mjs"

// Before any request, as smtp365's session thread loads nodemailer and makes its TLS context.
await prepareDirectSend()
parentPort.postMessage({ ready: true })

parentPort.on("message", ({ id, port }) => {
  directSend(port, (step) => parentPort.postMessage({ id, step })).then(
    (end) => parentPort.postMessage({ id, end }),
    (error) =>
      parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) })
  )
})
