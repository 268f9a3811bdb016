import { cn } from "@/lib/utils"

import { ExternalLinkIcon } from "./icons"

/** A link to the page a fact comes from; opens in a new tab so the wizard keeps its state. */
export function SourceLink({
  source,
  prefix = "Source:",
  size = "xs",
  className,
}: {
  source: { title: string; url: string }
  prefix?: string
  /** Text size: small under a fact, larger where the link stands on its own. */
  size?: "xs" | "sm"
  className?: string
}) {
  return (
    <span className={cn(size === "sm" ? "text-sm" : "text-xs", "text-muted-foreground", className)}>
      {prefix ? `${prefix} ` : null}
      <a
        href={source.url}
        target="_blank"
        rel="noreferrer"
        className="rounded-sm text-primary underline underline-offset-2 outline-none hover:no-underline focus-visible:ring-2 focus-visible:ring-ring"
      >
        {source.title}
        <ExternalLinkIcon className="ml-0.5 inline size-3 align-[-1px]" />
        <span className="sr-only"> (opens in a new tab)</span>
      </a>
    </span>
  )
}
