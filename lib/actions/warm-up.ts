import "server-only"

import { DEFAULT_PRACTICE_PASSWORD, PRACTICE_DOMAIN } from "@/lib/practice/accounts"
import { practiceTarget } from "@/lib/practice/practice-server"
import { setupSchema, type SetupValues } from "@/lib/schemas/setup"
import { handOverSessionThread, runSessionOnThread } from "@/lib/smtp/session-thread"
import { runDiagnosedTest } from "./test-send"

/** The warm-up's limits: a loopback simulator answers at once, and the start must not wait long. */
const WARM_UP_TIMEOUTS = { stepMs: 2_000, totalMs: 5_000 }

/**
 * The warm-up's test, as the form submits it: practice mode's mailbox that sends as itself
 * (lib/practice/accounts.ts "sender"), to itself, over SMTP AUTH with STARTTLS.
 */
export function warmUpValues(): SetupValues {
  const mailbox = `sender@${PRACTICE_DOMAIN}`
  return setupSchema.parse({
    method: { method: "smtp-auth" },
    server: {
      practice: true,
      domain: "",
      host: "smtp.office365.com",
      port: "587",
      security: "starttls",
    },
    account: { user: mailbox, pass: DEFAULT_PRACTICE_PASSWORD },
    sender: { fromAddress: mailbox, fromName: "smtp365 warm-up" },
    test: { to: mailbox },
  })
}

/**
 * One practice test when the server starts (instrumentation.ts), through the path every test send
 * takes after the action's own checks: the form's schema, lib/smtp's run with its session on the
 * session thread (STARTTLS, AUTH, MAIL FROM, RCPT TO, DATA) and the diagnosis, against the
 * built-in simulator on 127.0.0.1: nothing leaves the machine, and the simulator keeps nothing.
 * Without it the first test after a start ran that code for the first time, its session 12 to
 * 42 ms slower than the next one's (bench/results.md). Resolves once it is over, whatever
 * happened: with practice mode off there is nothing to send to, and a failure here is no reason
 * to keep the server from starting (a real test would meet it, and say what it is).
 */
export async function warmUpTestSend(): Promise<void> {
  try {
    await runDiagnosedTest(warmUpValues(), {
      allowedHosts: [],
      practiceTarget,
      runSession: runSessionOnThread,
      timeouts: WARM_UP_TIMEOUTS,
    })
  } catch {
    // Nothing to do: see above.
  }
  // The warm thread is the first test's, in the server action's copy of lib/smtp.
  handOverSessionThread()
}
