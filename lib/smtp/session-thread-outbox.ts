import type { SessionEnd } from "./session"
import type { SessionThreadMessage, SessionThreadReply } from "./session-thread-protocol"
import type { StageId, StageResult, TranscriptLine } from "./types"

/**
 * What the session thread has to tell the main thread (the web server's), gathered into few
 * messages, as each costs that thread to receive: a session's stages as their latest states, at
 * most every `intervalMs` (the browser's updates come no more often: lib/smtp/progress.ts), and a
 * session's end at the next turn of the event loop, with its stages' last changes and its
 * transcript. A quiet thread's first change leaves at the next turn too.
 */
export class SessionThreadOutbox {
  /** Per session, the latest state of each stage that changed since the last message. */
  private readonly changed = new Map<number, Map<StageId, StageResult>>()
  private ends: { id: number; end: SessionEnd; transcript: TranscriptLine[] }[] = []
  private timer: NodeJS.Timeout | undefined
  private immediate: NodeJS.Immediate | undefined
  private sentAt = -Infinity

  constructor(
    private readonly post: (message: SessionThreadMessage) => void,
    private readonly intervalMs: number
  ) {}

  stage(id: number, stage: StageResult) {
    let stages = this.changed.get(id)
    if (!stages) this.changed.set(id, (stages = new Map()))
    stages.set(stage.id, stage)
    this.schedule(this.sentAt + this.intervalMs - performance.now())
  }

  end(id: number, end: SessionEnd, transcript: TranscriptLine[]) {
    this.ends.push({ id, end, transcript })
    this.schedule(0)
  }

  private schedule(wait: number) {
    if (this.immediate) return
    if (wait > 0) {
      this.timer ??= setTimeout(() => this.flush(), wait)
      return
    }
    clearTimeout(this.timer)
    this.timer = undefined
    this.immediate = setImmediate(() => this.flush())
  }

  private flush() {
    clearTimeout(this.timer)
    this.timer = undefined
    this.immediate = undefined
    const stagesOf = (id: number) => [...(this.changed.get(id)?.values() ?? [])]
    const ended = new Set(this.ends.map(({ id }) => id))
    const message: SessionThreadReply[] = [
      ...[...this.changed.keys()]
        .filter((id) => !ended.has(id))
        .map((id) => ({ id, stages: stagesOf(id) })),
      ...this.ends.map((ending) => ({ ...ending, stages: stagesOf(ending.id) })),
    ]
    this.changed.clear()
    this.ends = []
    this.sentAt = performance.now()
    this.post(message)
  }
}
