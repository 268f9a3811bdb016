"use client"

import { useCopyToClipboard } from "@/hooks/use-copy-to-clipboard"
import { cn } from "@/lib/utils"

import { Button } from "./button"
import { CheckIcon, CopyIcon } from "./icons"

/**
 * Copies `text`. Its label changes to "Copied" for a moment; `what` completes the accessible name
 * ("Copy Server") without showing. The label is polite-live so screen readers hear the change.
 */
export function CopyButton({
  text,
  what,
  className,
  variant = "outline",
  compact = false,
  idleLabel = "Copy",
}: {
  /** The text, or a function that builds it when the button is pressed (for long texts). */
  text: string | (() => string)
  /** The visible label before copying. */
  idleLabel?: string
  what?: string
  className?: string
  variant?: "outline" | "ghost"
  /** Icon only below the sm breakpoint (the words stay for screen readers). */
  compact?: boolean
}) {
  const { state, copy } = useCopyToClipboard()
  const label = state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : idleLabel
  return (
    <Button
      variant={variant}
      // Compact: small, with less padding where only the icon shows (sizes set here, not overridden).
      size={compact ? null : "sm"}
      className={cn(compact ? "h-8 px-2 text-xs sm:min-w-20 sm:px-3" : "min-w-20", className)}
      data-state={state}
      onClick={() => void copy(typeof text === "function" ? text() : text)}
    >
      {state === "copied" ? <CheckIcon className="text-success" /> : <CopyIcon />}
      <span aria-live="polite" className={cn({ "max-sm:sr-only": compact })}>
        {label}
        {what ? <span className="sr-only"> {what}</span> : null}
      </span>
    </Button>
  )
}
