import { transcriptRows } from "@/lib/smtp/transcript-rows"
import type { TranscriptLine } from "@/lib/smtp/types"
import { CopyButton } from "@/components/ui/copy-button"

/** The SMTP conversation, already redacted by the server, collapsed by default. */
export function Transcript({ lines }: { lines: TranscriptLine[] }) {
  const wire = transcriptRows(lines)
  return (
    <details className="group rounded-lg border bg-card">
      <summary className="flex cursor-pointer items-center justify-between gap-3 rounded-lg px-3 py-2.5 text-sm font-semibold outline-none focus-visible:ring-2 focus-visible:ring-ring">
        <span>
          Transcript{" "}
          <span className="font-normal text-muted-foreground">
            ({lineCount(wire.filter((row) => row.kind !== "note").length)}, credentials redacted)
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
        <pre
          // Scrollable: keyboard users focus it to scroll (WCAG 2.1.1).
          tabIndex={0}
          className="max-h-96 overflow-auto rounded-md bg-muted/60 p-3 font-mono text-xs leading-relaxed outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset"
        >
          {wire.map((row) => (
            <div
              key={row.key}
              data-kind={row.kind}
              className="break-all whitespace-pre-wrap data-[kind=info]:text-muted-foreground data-[kind=note]:font-semibold data-[kind=note]:text-destructive data-[kind=server]:text-primary"
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

function lineCount(count: number) {
  return count === 1 ? "1 line" : `${count} lines`
}
