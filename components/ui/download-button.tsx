"use client"

import { Button } from "./button"
import { DownloadIcon } from "./icons"

/** Saves `content` as a file named `filename`, built in the browser (nothing is fetched). */
export function DownloadButton({ content, filename }: { content: string; filename: string }) {
  function download() {
    const url = URL.createObjectURL(new Blob([content], { type: "text/plain;charset=utf-8" }))
    const link = document.createElement("a")
    link.href = url
    link.download = filename
    link.click()
    URL.revokeObjectURL(url)
  }
  return (
    <Button variant="ghost" size="sm" onClick={download}>
      <DownloadIcon />
      <span>
        Download<span className="sr-only"> {filename}</span>
      </span>
    </Button>
  )
}
