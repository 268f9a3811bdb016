import "server-only"

import { classify } from "@/lib/diagnosis/classify"
import type { SetupValues } from "@/lib/schemas/setup"
import { checkHost } from "./host-guard"
import { createRedactor } from "./redact"
import { runSession, type SessionTarget, type SessionTimeouts } from "./session"
import { plannedStages } from "./stage-plan"
import { StageTracker } from "./stage-tracker"
import { composeTestMessage } from "./test-message"
import { Transcript } from "./transcript"
import type { FailureFacts, SessionEvent, TestOutcome } from "./types"

/** Connect, greeting and each reply at most 10 s; a whole test at most 30 s. */
export const DEFAULT_TIMEOUTS: SessionTimeouts = { stepMs: 10_000, totalMs: 30_000 }

/** Where practice mode sends: the built-in simulator, trusted through its own CA only. */
export interface PracticeTarget {
  address: string
  port: number
  servername: string
  ca: string
  description: string
}

export interface RunTestOptions {
  allowedHosts: readonly string[]
  /** Finds the simulator endpoint for a sending method; null when practice mode is off. */
  practiceTarget?: (values: SetupValues) => Promise<PracticeTarget | null>
  timeouts?: SessionTimeouts
  onEvent?: (event: SessionEvent) => void
}

/**
 * Runs one test send end to end: checks and resolves the server, talks SMTP stage by stage, and
 * diagnoses a failure. Always resolves with plain data; the password never appears in it.
 */
export async function runSmtpTest(
  values: SetupValues,
  options: RunTestOptions
): Promise<TestOutcome> {
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS
  const startedAt = new Date()
  const t0 = performance.now()
  const signsIn = values.method.method === "smtp-auth"
  const auth = signsIn ? { user: values.account.user, pass: values.account.pass } : undefined
  const tracker = new StageTracker(options.onEvent)
  const redact = createRedactor([auth?.pass, auth?.user])
  const transcript = new Transcript(redact, options.onEvent)
  const port = Number(values.server.port)
  const practice = values.server.practice

  const finish = (
    rest: Omit<TestOutcome, "startedAt" | "durationMs" | "target" | "stages" | "transcript">
  ) => {
    const outcome: TestOutcome = {
      startedAt: startedAt.toISOString(),
      durationMs: Math.round(performance.now() - t0),
      target: { host: values.server.host, port, security: values.server.security, practice },
      stages: [],
      transcript: [],
      ...rest,
    }
    if (outcome.failure) {
      // Defence in depth: a reply or error message never carries a credential out either.
      outcome.failure.message = redact(outcome.failure.message)
      if (outcome.failure.reply) outcome.failure.reply = redact(outcome.failure.reply)
      outcome.diagnosis = classify(outcome.failure, {
        mailbox: auth?.user || values.sender.fromAddress,
        from: values.sender.fromAddress,
        host: values.server.host,
        port,
      })
      tracker.markNotReached(plannedStages(values.server.security, signsIn))
      if (outcome.failure.reply) {
        transcript.annotateReply(outcome.failure.reply, outcome.diagnosis.headline)
      }
    }
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
    target = { ...simulator, security: values.server.security }
    tracker.pass("resolve", { detail: simulator.description })
    transcript.add("info", `Practice mode: ${simulator.description}`)
  } else {
    const guard = await withTimeout(
      checkHost(values.server.host, options.allowedHosts),
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

  const message = await composeTestMessage({
    fromAddress: values.sender.fromAddress,
    fromName: values.sender.fromName,
    to: values.test.to,
    via: `${values.server.host}:${port}`,
  })
  const end = await runSession(
    {
      target,
      ...(auth ? { auth } : {}),
      envelope: { from: values.sender.fromAddress, to: values.test.to },
      message: message.raw,
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
      ? { messageId: message.messageId, ...(end.response ? { response: end.response } : {}) }
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
