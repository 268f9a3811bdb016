// BENCH_QUICK=1 runs every figure with fewer sends, starts and runs, for working on the bench
// itself: a minute or two instead of ten. Its table says so and is not written to bench/results.md.
export const QUICK = process.env.BENCH_QUICK === "1"

/** `full` in a real run, `quick` under BENCH_QUICK=1. */
export const sized = (full, quick) => (QUICK ? quick : full)
