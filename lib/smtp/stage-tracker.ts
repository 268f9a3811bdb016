import "server-only"

import { clip } from "./result-size"
import type { SessionEvent, StageId, StageResult } from "./types"

const LABELS: Record<StageId, string> = {
  resolve: "Resolve",
  token: "Token",
  connect: "Connect",
  tls: "TLS",
  greeting: "Greeting",
  ehlo: "EHLO",
  auth: "AUTH",
  mail: "MAIL FROM",
  rcpt: "RCPT TO",
  data: "DATA",
}

/**
 * Keeps the ordered list of stages of one test and their timing. Stages appear in the order they
 * start (implicit TLS comes before the greeting, STARTTLS after EHLO) and each is reported through
 * `emit` as soon as it changes, so a caller can stream progress. Every server reply a stage keeps
 * passes through `redact` first (the same redactor as the transcript's), so the streamed stages and
 * the outcome's never hold a credential a server repeated, and is clipped to REPLY_LIMIT, as is
 * each detail.
 */
export class StageTracker {
  private readonly stages: StageResult[] = []
  private readonly startedAt = new Map<StageId, number>()

  constructor(
    private readonly redact: (text: string) => string,
    private readonly emit: (event: SessionEvent) => void = () => {}
  ) {}

  begin(id: StageId, detail?: string) {
    // A stage starts once: STARTTLS's second EHLO belongs to the TLS stage already running.
    if (this.find(id)) return
    this.startedAt.set(id, performance.now())
    this.put({ id, label: LABELS[id], status: "running", ...(detail ? { detail } : {}) })
  }

  pass(id: StageId, update: { reply?: string; detail?: string } = {}) {
    this.finish(id, "passed", update)
  }

  fail(id: StageId, update: { reply?: string; detail?: string } = {}) {
    this.finish(id, "failed", update)
  }

  skip(id: StageId, detail: string) {
    this.put({ id, label: LABELS[id], status: "skipped", detail })
  }

  /** After a failure: lists the planned stages the session never got to. */
  markNotReached(plan: readonly StageId[]) {
    for (const id of plan) {
      if (!this.find(id)) this.put({ id, label: LABELS[id], status: "not-reached" })
    }
  }

  /** Adds to a stage's detail without changing its status (for example the TLS version). */
  describe(id: StageId, detail: string) {
    const stage = this.find(id)
    if (stage) this.put({ ...stage, detail })
  }

  /** Takes a stage as another tracker reported it (the session thread's), and reports it on. */
  apply(stage: StageResult) {
    this.put({ ...stage })
  }

  /** The stage that started last and has not finished, if any. */
  running(): StageId | undefined {
    return [...this.stages].reverse().find((stage) => stage.status === "running")?.id
  }

  status(id: StageId) {
    return this.find(id)?.status
  }

  /** Marks whatever is still running as failed (the session ended under it). */
  failRunning(update: { reply?: string; detail?: string } = {}): StageId | undefined {
    const id = this.running()
    if (id) this.fail(id, update)
    return id
  }

  list(): StageResult[] {
    return this.stages.map((stage) => ({ ...stage }))
  }

  private finish(
    id: StageId,
    status: "passed" | "failed",
    update: { reply?: string; detail?: string }
  ) {
    if (!this.find(id)) this.begin(id)
    const stage = this.find(id)
    if (!stage || stage.status !== "running") return
    const started = this.startedAt.get(id) ?? performance.now()
    this.put({
      ...stage,
      status,
      ms: Math.max(0, Math.round(performance.now() - started)),
      ...(update.reply !== undefined ? { reply: update.reply } : {}),
      ...(update.detail !== undefined ? { detail: update.detail } : {}),
    })
  }

  private find(id: StageId) {
    return this.stages.find((stage) => stage.id === id)
  }

  private put(reported: StageResult) {
    // Every reply the user sees passes here, streamed or in the outcome: a server that repeats the
    // credential it was sent (a 535 echoing the AUTH line) must not show it back, and one that
    // answers at length must not fill the result.
    const stage = { ...reported }
    if (stage.reply !== undefined) stage.reply = clip(this.redact(stage.reply))
    if (stage.detail !== undefined) stage.detail = clip(stage.detail)
    const index = this.stages.findIndex((existing) => existing.id === stage.id)
    if (index === -1) this.stages.push(stage)
    else this.stages[index] = stage
    this.emit({ type: "stage", stage: { ...stage } })
  }
}
