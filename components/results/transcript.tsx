import type { TranscriptDirection, TranscriptLine } from "@/lib/smtp/types"
import { CopyButton } from "@/components/ui/copy-button"

const PREFIX: Record<TranscriptDirection, string> = { client: "C:", server: "S:", info: "*" }

/** One row per wire line: a multi-line reply (250-PIPELINING...) gets its prefix on every line. */
function rows(lines: TranscriptLine[]) {
  return lines.flatMap((line, index) =>
    line.text.split(/\r?\n/).map((text, part) => ({
      key: `${index}-${part}`,
      direction: line.direction,
      text: `${PREFIX[line.direction]} ${text}`,
    }))
  )
}

/** The SMTP conversation, already redacted by the server, collapsed by default. */
export function Transcript({ lines }: { lines: TranscriptLine[] }) {
  const wire = rows(lines)
  return (
    <details className="group rounded-lg border bg-card">
      <summary className="flex cursor-pointer items-center justify-between gap-3 rounded-lg px-3 py-2.5 text-sm font-semibold outline-none focus-visible:ring-2 focus-visible:ring-ring">
        <span>
          Transcript{" "}
          <span className="font-normal text-muted-foreground">
            ({wire.length} lines, credentials redacted)
          </span>
        </span>
        <span
          aria-hidden="true"
          className="text-muted-foreground transition-transform group-open:rotate-90"
        >
          ›
        </span>
      </summary>
      <div className="flex flex-col gap-2 border-t p-3">
        <p className="text-xs text-muted-foreground">
          C: what smtp365 sent, S: what the server answered, *: what happened on the connection.
        </p>
        <pre className="max-h-96 overflow-auto rounded-md bg-muted/60 p-3 font-mono text-xs leading-relaxed">
          {wire.map((row) => (
            <div
              key={row.key}
              data-direction={row.direction}
              className="break-all whitespace-pre-wrap data-[direction=info]:text-muted-foreground data-[direction=server]:text-primary"
            >
              {row.text}
            </div>
          ))}
        </pre>
        <div>
          <CopyButton text={wire.map((row) => row.text).join("\n")} what="SMTP conversation" />
        </div>
      </div>
    </details>
  )
}
