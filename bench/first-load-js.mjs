// Figure 3: JavaScript a browser receives on a page's first load, compressed, as Chromium counts it.
import { chromium } from "@playwright/test"

import { chromiumLaunchOptions } from "../test-support/chromium.mjs"

/**
 * Loads each URL in a fresh context (empty cache) and sums the encoded body sizes of its script
 * responses, lazily loaded chunks included (the page is left to go network-idle). Resolves with
 * { [url]: { bytes, files, encodings } }.
 */
export async function measureFirstLoadJs(urls) {
  const browser = await chromium.launch(chromiumLaunchOptions)
  try {
    const results = {}
    for (const url of urls) {
      const context = await browser.newContext()
      const page = await context.newPage()
      const scripts = []
      page.on("requestfinished", (request) => {
        if (request.resourceType() === "script") scripts.push(request)
      })
      await page.goto(url, { waitUntil: "networkidle" })
      let bytes = 0
      const encodings = new Set()
      for (const request of scripts) {
        const response = await request.response()
        // responseBodySize is the body as received: compressed when the server compressed it.
        bytes += (await request.sizes()).responseBodySize
        encodings.add((await response?.headerValue("content-encoding")) ?? "identity")
      }
      results[url] = { bytes, files: scripts.length, encodings: [...encodings].sort() }
      await context.close()
    }
    return results
  } finally {
    await browser.close()
  }
}
