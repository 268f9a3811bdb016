"use client"

import { Button } from "./button"
import { DownloadIcon } from "./icons"

/**
 * The name a browser will keep: Chromium and Firefox refuse to save hidden files and drop the
 * leading dot of ".env", so the file is offered without it (the caller says to rename it).
 */
export function savedFileName(filename: string): string {
  return filename.replace(/^\.+/, "")
}

/** Saves `content` as a file named `filename`, built in the browser (nothing is fetched). */
export function DownloadButton({ content, filename }: { content: string; filename: string }) {
  const saveAs = savedFileName(filename)
  function download() {
    // octet-stream: a text/plain file without a known extension would get ".txt" appended.
    const url = URL.createObjectURL(new Blob([content], { type: "application/octet-stream" }))
    const link = document.createElement("a")
    link.href = url
    link.download = saveAs
    link.click()
    URL.revokeObjectURL(url)
  }
  return (
    <Button variant="ghost" size="sm" onClick={download}>
      <DownloadIcon />
      <span>
        Download<span className="sr-only"> {saveAs}</span>
      </span>
    </Button>
  )
}
