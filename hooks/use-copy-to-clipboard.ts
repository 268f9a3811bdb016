import { useCallback, useEffect, useRef, useState } from "react"

export type CopyState = "idle" | "copied" | "failed"

/**
 * Copies text and reports "copied" (or "failed") for a moment. Falls back to a hidden textarea
 * where the Clipboard API is missing: it only exists on https and localhost, and admins often
 * open the wizard by a plain-http intranet name.
 */
export function useCopyToClipboard(resetAfterMs = 2000) {
  const [state, setState] = useState<CopyState>("idle")
  const timer = useRef<number | undefined>(undefined)

  useEffect(() => () => window.clearTimeout(timer.current), [])

  const copy = useCallback(
    async (text: string) => {
      let copied = false
      try {
        await navigator.clipboard.writeText(text)
        copied = true
      } catch {
        copied = copyWithTextarea(text)
      }
      setState(copied ? "copied" : "failed")
      window.clearTimeout(timer.current)
      timer.current = window.setTimeout(() => setState("idle"), resetAfterMs)
    },
    [resetAfterMs]
  )

  return { state, copy }
}

function copyWithTextarea(text: string): boolean {
  const previousFocus = document.activeElement as HTMLElement | null
  const textarea = document.createElement("textarea")
  textarea.value = text
  textarea.setAttribute("readonly", "")
  textarea.style.position = "fixed"
  textarea.style.opacity = "0"
  document.body.appendChild(textarea)
  textarea.select()
  let copied = false
  try {
    copied = document.execCommand("copy")
  } catch {
    copied = false
  }
  textarea.remove()
  previousFocus?.focus()
  return copied
}
