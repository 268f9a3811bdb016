import "server-only"

import { REDACTED } from "./redact"
import { clip, TRANSCRIPT_LIMIT, transcriptCutNote } from "./result-size"
import type { SessionEvent, TranscriptDirection, TranscriptLine } from "./types"

/**
 * The SMTP conversation as the user sees it. Every line passes through the redactor before it is
 * stored or emitted, so no credential ever exists in a TranscriptLine, and is then clipped to
 * REPLY_LIMIT. Once the lines reach TRANSCRIPT_LIMIT, one line says so and later ones are only
 * counted; `{ limited: false }` keeps them all (the session thread's, whose lines are replayed on a
 * transcript that counts them).
 */
export class Transcript {
  private readonly lines: TranscriptLine[] = []
  private readonly t0 = performance.now()
  private characters = 0
  /** The line that says where the transcript stops, once it has. */
  private cut: TranscriptLine | undefined
  private readonly omitted = { lines: 0, characters: 0 }

  constructor(
    private readonly redact: (text: string) => string,
    private readonly emit: (event: SessionEvent) => void = () => {},
    private readonly options: { limited: boolean } = { limited: true }
  ) {}

  /** Records a line, `at` ms after this transcript started (by default, now). */
  add(direction: TranscriptDirection, text: string, at = Math.round(performance.now() - this.t0)) {
    const kept = clip(this.redact(text))
    if (
      this.options.limited &&
      (this.cut ||
        this.lines.length >= TRANSCRIPT_LIMIT.lines ||
        this.characters + kept.length > TRANSCRIPT_LIMIT.characters)
    ) {
      if (!this.cut) {
        this.cut = { at, direction: "info", text: transcriptCutNote() }
        this.emit({ type: "transcript", line: this.cut })
      }
      this.omitted.lines++
      this.omitted.characters += kept.length
      return
    }
    const line: TranscriptLine = { at, direction, text: kept }
    this.lines.push(line)
    this.characters += kept.length
    this.emit({ type: "transcript", line })
  }

  /**
   * Records the lines of another transcript (the session thread's), which started at `startedAt`
   * (performance.now() on this thread), at their times on this one.
   */
  addFrom(lines: readonly TranscriptLine[], startedAt: number) {
    const offset = startedAt - this.t0
    for (const line of lines) this.add(line.direction, line.text, Math.round(line.at + offset))
  }

  /** Records a client line that carries a credential, without its content. */
  addCredential(what: string) {
    this.add("client", `${REDACTED} (${what})`)
  }

  list(): TranscriptLine[] {
    if (!this.cut) return [...this.lines]
    return [...this.lines, { ...this.cut, text: transcriptCutNote(this.omitted) }]
  }
}
