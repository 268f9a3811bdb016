import { cn } from "@/lib/utils"

import { CopyButton } from "./copy-button"
import { DownloadButton } from "./download-button"

/**
 * Monospace code with a header (file name or title), a Copy button and, for files, Download.
 * Commands and records wrap, a wrapped line continuing indented so it never reads as a line of its
 * own; a file keeps its lines (indentation can matter in it) and scrolls sideways, with a shadow
 * at the edge it scrolls towards, so that a phone shows there is more.
 */
export function CodeBlock({
  code,
  title,
  filename,
  language,
  downloadable = false,
  wrap = filename === undefined,
  className,
}: {
  code: string
  title?: string
  filename?: string
  language?: string
  /** Offer the code as a file named `filename`. */
  downloadable?: boolean
  /** Wrap long lines (the default, except for a file) rather than scroll sideways. */
  wrap?: boolean
  className?: string
}) {
  const heading = filename ?? title ?? language ?? "Code"
  return (
    <figure
      data-slot="code-block"
      className={cn("overflow-hidden rounded-lg border bg-card", className)}
    >
      <figcaption className="flex items-center justify-between gap-3 border-b bg-muted/60 py-1.5 pr-1.5 pl-3">
        <span className="flex min-w-0 flex-wrap items-baseline gap-x-2 text-sm">
          {title && filename ? <span className="font-medium">{title}</span> : null}
          <span
            className={cn("truncate font-mono text-xs", { "font-medium": !title || !filename })}
          >
            {heading}
          </span>
        </span>
        <span className="flex shrink-0 items-center gap-1">
          {downloadable && filename ? <DownloadButton content={code} filename={filename} /> : null}
          <CopyButton text={code} what={heading} variant="ghost" />
        </span>
      </figcaption>
      <pre
        // Scrollable: keyboard users focus it to scroll (WCAG 2.1.1).
        tabIndex={wrap ? undefined : 0}
        data-wrap={wrap}
        className="p-3 font-mono text-[0.8125rem] leading-relaxed outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset data-[wrap=false]:overflow-x-auto data-[wrap=false]:scroll-shadow-x data-[wrap=true]:wrap-anywhere data-[wrap=true]:whitespace-pre-wrap"
      >
        <code data-language={language} className={cn({ "hanging-lines": wrap })}>
          {wrap ? breakOpportunities(code) : code}
        </code>
      </pre>
    </figure>
  )
}

/**
 * Where a wrapped line may break, without adding a character (what is selected or read is the code
 * as it is): a host name after one of its dots (mail.protection. | outlook.com) rather than
 * anywhere, and never between a parameter's dash and its name (-Identity), which would leave a
 * dash at the end of a line.
 */
function breakOpportunities(code: string): React.ReactNode[] {
  return code.split(/((?<=^|\s)-[A-Za-z])/m).flatMap((part, index) =>
    index % 2 === 1
      ? [
          <span key={index} className="whitespace-nowrap">
            {part}
          </span>,
        ]
      : part
          .split(/(?<=\.)(?=\S)/)
          .flatMap((piece, at) => (at === 0 ? [piece] : [<wbr key={`${index}.${at}`} />, piece]))
  )
}
