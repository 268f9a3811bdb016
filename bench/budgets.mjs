// The budgets of issue 8 ("Fast and pleasant"), as data: the bench compares each figure with them.

/** A silent port (TCP accepted, no greeting) gets its verdict within this many milliseconds. */
export const SILENT_PORT_VERDICT_MS = 10_000

/** The server action's median time minus the same SMTP conversation driven directly. */
export const OVERHEAD_MEDIAN_MS = 25

/** First-load JavaScript of the wizard, as a multiple of a bare Next.js page's. */
export const FIRST_LOAD_JS_RATIO = 1.3

/** 25 concurrent test sends: p95 at most this multiple of a single send, and no errors. */
export const CONCURRENT_SENDS = 25
export const CONCURRENT_P95_RATIO = 2

/** Lighthouse (desktop preset, median of 3 runs). */
export const LIGHTHOUSE_PERFORMANCE_MIN = 95
export const LIGHTHOUSE_ACCESSIBILITY_MIN = 100
