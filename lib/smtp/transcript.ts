import "server-only"

import { REDACTED } from "./redact"
import type { SessionEvent, TranscriptDirection, TranscriptLine } from "./types"

/**
 * The SMTP conversation as the user sees it. Every line passes through the redactor before it is
 * stored or emitted, so no credential ever exists in a TranscriptLine.
 */
export class Transcript {
  private readonly lines: TranscriptLine[] = []
  private readonly t0 = performance.now()

  constructor(
    private readonly redact: (text: string) => string,
    private readonly emit: (event: SessionEvent) => void = () => {}
  ) {}

  add(direction: TranscriptDirection, text: string) {
    const line: TranscriptLine = {
      at: Math.round(performance.now() - this.t0),
      direction,
      text: this.redact(text),
    }
    this.lines.push(line)
    this.emit({ type: "transcript", line })
  }

  /** Records a client line that carries a credential, without its content. */
  addCredential(what: string) {
    this.add("client", `${REDACTED} (${what})`)
  }

  list(): TranscriptLine[] {
    return [...this.lines]
  }
}
