import type { TranscriptDirection, TranscriptLine } from "./types"

const PREFIX: Record<TranscriptDirection, string> = { client: "C:", server: "S:", info: "*" }

export interface TranscriptRow {
  key: string
  kind: TranscriptDirection | "note"
  text: string
}

/**
 * The transcript as display rows: a multi-line reply (250-PIPELINING...) gets its prefix on every
 * line, and the reply that failed the test is followed by what it means.
 */
export function transcriptRows(lines: readonly TranscriptLine[]): TranscriptRow[] {
  return lines.flatMap((line, index) => [
    ...line.text.split(/\r?\n/).map((text, part) => ({
      key: `${index}-${part}`,
      kind: line.direction,
      text: `${PREFIX[line.direction]} ${text}`,
    })),
    ...(line.note
      ? [{ key: `${index}-note`, kind: "note" as const, text: `  ↳ ${line.note}` }]
      : []),
  ])
}
