import "server-only"

import type { SetupValues } from "@/lib/schemas/setup"
import { isOAuth, signInOf } from "@/lib/schemas/sign-in"
import { checkHost } from "./host-guard"
import { fetchToken, type TokenSource } from "./oauth-sign-in"
import { createRedactor } from "./redact"
import { clip } from "./result-size"
import type { SessionAuth, SessionTarget, SessionTimeouts, runSession } from "./session"
import { plannedStages } from "./stage-plan"
import { StageTracker } from "./stage-tracker"
import { Transcript } from "./transcript"
import type { FailureFacts, SessionEvent, SmtpOutcome } from "./types"

/**
 * Connect, greeting and each reply at most 8 s (Microsoft 365 answers within a second or two, and a
 * silent port must get its verdict within 10 s); a whole test at most 30 s.
 */
export const DEFAULT_TIMEOUTS: SessionTimeouts = { stepMs: 8_000, totalMs: 30_000 }

/** Where practice mode sends: the built-in simulator, trusted through its own CA only. */
export interface PracticeTarget {
  address: string
  port: number
  servername: string
  ca: string
  description: string
}

export interface RunTestOptions extends TokenSource {
  allowedHosts: readonly string[]
  /** Finds the simulator endpoint for a sending method; null when practice mode is off. */
  practiceTarget?: (values: SetupValues) => Promise<PracticeTarget | null>
  timeouts?: SessionTimeouts
  onEvent?: (event: SessionEvent) => void
  /**
   * Runs the SMTP session: on the session thread (the action's), or in this thread by default.
   * The default is imported only when it is used, so the web server's thread, which always passes
   * the session thread's runner, never loads nodemailer (about 100 ms of the first test after a
   * start: bench/results.md).
   */
  runSession?: typeof runSession
}

/**
 * Runs one test send end to end: checks and resolves the server and talks SMTP stage by stage.
 * With OAuth it first gets the token (the "token" stage). Always resolves with plain data: what
 * happened, and where it failed in facts a classifier can match (lib/diagnosis explains them);
 * the password, client secret and token never appear in it.
 */
export async function runSmtpTest(
  values: SetupValues,
  options: RunTestOptions
): Promise<SmtpOutcome> {
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS
  const startedAt = new Date()
  const t0 = performance.now()
  const signIn = signInOf(values)
  const signsIn = signIn !== "none"
  const oauth = isOAuth(signIn)
  let auth: SessionAuth | undefined =
    signsIn && !oauth ? { user: values.account.user, pass: values.account.pass } : undefined
  const secrets = signsIn
    ? [values.account.user, oauth ? values.account.clientSecret : values.account.pass]
    : []
  // Rebuilt once the token is known, so it is redacted too (defence in depth).
  let redactSecrets = createRedactor(secrets)
  const redact = (text: string) => redactSecrets(text)
  const tracker = new StageTracker(redact, options.onEvent)
  const transcript = new Transcript(redact, options.onEvent)
  let token: SmtpOutcome["token"]
  const port = Number(values.server.port)
  const practice = values.server.practice
  // Practice mode: the simulator's address, as an error message may name it, and the name for it.
  let simulatorName: { address: string; label: string } | undefined

  const finish = (
    rest: Omit<SmtpOutcome, "startedAt" | "durationMs" | "target" | "stages" | "transcript">
  ) => {
    const outcome: SmtpOutcome = {
      startedAt: startedAt.toISOString(),
      durationMs: Math.round(performance.now() - t0),
      target: { host: values.server.host, port, security: values.server.security, practice },
      stages: [],
      transcript: [],
      ...rest,
    }
    if (token) outcome.token = token
    if (outcome.failure) {
      if (signsIn) outcome.failure.signIn = signIn
      outcome.failure.method = values.method.method
      if (practice) outcome.failure.practice = true
      if (simulatorName) {
        // "connect ECONNREFUSED 127.0.0.1:41017" was the simulator, not the server typed.
        const { address, label } = simulatorName
        outcome.failure.message = outcome.failure.message.replaceAll(address, label)
      }
      // The same 535 5.7.3 has one certain reading when the token was for Microsoft Graph.
      if (
        outcome.failure.stage === "auth" &&
        token?.warnings.some((warning) => warning.id === "graph-audience")
      ) {
        outcome.failure.cause = "GRAPH_TOKEN"
      }
      // Defence in depth: a reply or error message never carries a credential out either, and
      // is kept to the size the stages and the transcript keep of it.
      outcome.failure.message = clip(redact(outcome.failure.message))
      if (outcome.failure.reply) outcome.failure.reply = clip(redact(outcome.failure.reply))
      tracker.markNotReached(plannedStages(values.server.security, signsIn, oauth))
    }
    if (outcome.response) outcome.response = clip(redact(outcome.response))
    outcome.stages = tracker.list()
    outcome.transcript = transcript.list()
    return outcome
  }
  const refuse = (failure: FailureFacts) => {
    tracker.fail("resolve", { detail: failure.message })
    return finish({ ok: false, tls: null, failure })
  }

  tracker.begin("resolve", values.server.host)
  let target: SessionTarget
  if (practice) {
    const simulator = await options.practiceTarget?.(values)
    if (!simulator) {
      return refuse({
        stage: "resolve",
        code: "EGUARD",
        message: "Practice mode is turned off on this smtp365 (SMTP365_PRACTICE=off)",
      })
    }
    // Named by the port typed: its loopback address is never shown as the server's. Capitalised:
    // the practice password is "practice", and redaction takes it out wherever it appears.
    const label = `Practice server, port ${port}`
    target = { ...simulator, security: values.server.security, label }
    simulatorName = { address: `${simulator.address}:${simulator.port}`, label }
    tracker.pass("resolve", { detail: simulator.description })
    transcript.add("info", `Practice mode: ${simulator.description}`)
  } else {
    const guard = await withTimeout(
      checkHost(values.server.host, options.allowedHosts, port),
      timeouts.stepMs
    )
    if (!guard) {
      return refuse({
        stage: "resolve",
        code: "EDNS",
        cause: "ETIMEOUT",
        message: `Resolving ${values.server.host} took longer than ${timeouts.stepMs / 1000} s`,
      })
    }
    if (!guard.allowed) {
      return refuse({
        stage: "resolve",
        code: guard.code,
        ...(guard.cause ? { cause: guard.cause } : {}),
        message: guard.message,
      })
    }
    target = {
      address: guard.address,
      port,
      security: values.server.security,
      ...(guard.servername ? { servername: guard.servername } : {}),
    }
    tracker.pass("resolve", { detail: `${guard.address} · ${guard.reason}` })
  }

  if (isOAuth(signIn)) {
    const step = await fetchToken(
      signIn,
      values.account,
      options,
      timeouts.stepMs,
      tracker,
      transcript
    )
    if (!step.ok) return finish({ ok: false, tls: null, failure: step.failure })
    redactSecrets = createRedactor([...secrets, step.accessToken])
    if (step.summary) token = step.summary
    auth = { user: values.account.user, accessToken: step.accessToken }
  }

  const end = await (options.runSession ?? (await import("./session")).runSession)(
    {
      target,
      ...(auth ? { auth } : {}),
      envelope: { from: values.sender.fromAddress, to: values.test.to },
      message: {
        fromAddress: values.sender.fromAddress,
        fromName: values.sender.fromName,
        to: values.test.to,
        via: `${values.server.host}:${port}`,
      },
      // The whole test, name resolution included, stays within totalMs.
      timeouts: { ...timeouts, totalMs: Math.max(1, timeouts.totalMs - (performance.now() - t0)) },
    },
    tracker,
    transcript
  )
  return finish({
    ok: end.ok,
    tls: end.tls,
    ...(end.ok
      ? {
          ...(end.messageId ? { messageId: end.messageId } : {}),
          ...(end.response ? { response: end.response } : {}),
        }
      : {}),
    ...(end.failure ? { failure: end.failure } : {}),
  })
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
