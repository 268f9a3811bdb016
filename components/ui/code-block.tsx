import { cn } from "@/lib/utils"

import { CopyButton } from "./copy-button"
import { DownloadButton } from "./download-button"

/** Monospace code with a header (file name or title), a Copy button and, for files, Download. */
export function CodeBlock({
  code,
  title,
  filename,
  language,
  downloadable = false,
  className,
}: {
  code: string
  title?: string
  filename?: string
  language?: string
  /** Offer the code as a file named `filename`. */
  downloadable?: boolean
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
        tabIndex={0}
        className="overflow-x-auto p-3 font-mono text-[0.8125rem] leading-relaxed outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset"
      >
        <code data-language={language}>{code}</code>
      </pre>
    </figure>
  )
}
