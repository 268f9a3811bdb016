/**
 * A string literal for JavaScript and Python: JSON's escapes are valid in both, so any value (quotes,
 * backslashes, non-ASCII) round-trips.
 */
export function stringLiteral(value: string): string {
  return JSON.stringify(value)
}

/** A POSIX shell word: single-quoted unless it is plainly safe. */
export function sh(value: string): string {
  return /^[\w@.:/+=-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`
}

/** A command split over lines with backslashes, one option group per line. */
export function command(parts: string[][]): string {
  return parts.map((part) => part.join(" ")).join(" \\\n  ")
}
