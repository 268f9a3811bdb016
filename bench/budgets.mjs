// The budgets of issue 8 ("Fast and pleasant") and issue 23 ("Performance, measured against the
// machine"), as data: the bench compares each figure with them.

/** A silent port (TCP accepted, no greeting) gets its verdict within this many milliseconds. */
export const SILENT_PORT_VERDICT_MS = 10_000

/**
 * The first test after a start: the server action's time minus the same SMTP conversation driven
 * directly, the median over FIRST_TEST_STARTS fresh starts of the server, under this many ms.
 */
export const FIRST_TEST_OVERHEAD_MS = 25
export const FIRST_TEST_STARTS = 3

/** First-load JavaScript of the wizard, as a multiple of a bare Next.js page's. */
export const FIRST_LOAD_JS_RATIO = 1.3

/**
 * 25 test sends at once: smtp365's p95 at most this multiple of the p95 of the same 25
 * conversations driven directly (no HTTP, no Next.js), the median of at least REFERENCE_BLOCKS
 * alternating blocks of each, and no errors.
 */
export const CONCURRENT_SENDS = 25
export const CONCURRENT_REFERENCE_P95_RATIO = 1.15
export const REFERENCE_BLOCKS = 3

/**
 * Memory stays flat: over MEMORY_SENDS sends (in rounds of 25), the server's RSS at the end at most
 * this multiple of its RSS after the first MEMORY_BASELINE_SENDS, and the V8 heap used after a
 * forced collection likewise.
 */
export const MEMORY_SENDS = 10_000
export const MEMORY_BASELINE_SENDS = 2_000
export const MEMORY_GROWTH_RATIO = 1.2

/** Lighthouse 12.2.3, desktop preset: the median of its runs. */
export const LIGHTHOUSE_DESKTOP_PERFORMANCE_MIN = 95
export const LIGHTHOUSE_DESKTOP_ACCESSIBILITY_MIN = 100

/** Lighthouse 12.2.3, its default mobile settings (simulated throttling): the median of its runs. */
export const LIGHTHOUSE_MOBILE_PERFORMANCE_MIN = 90
export const LIGHTHOUSE_MOBILE_ACCESSIBILITY_MIN = 100

/**
 * Capacity is a figure, not a budget: the highest steady rate of test sends a second held for
 * CAPACITY_HOLD_MS with p95 under CAPACITY_P95_MS and no errors.
 */
export const CAPACITY_HOLD_MS = 60_000
export const CAPACITY_P95_MS = 1_000
