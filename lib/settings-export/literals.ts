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

/** A single-quoted PHP string: only backslash and quote need escaping. */
export function phpString(value: string): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`
}

/**
 * A .env value, quoted when it needs it (spaces, #, quotes). .env parsers disagree on escapes inside
 * quotes, so none are used: the value goes in the first quote style it does not contain (double,
 * single, backtick), which dotenv and Node's parseEnv read literally (PHP dotenv
 * parsers expand `$` inside double quotes: see their own targets).
 */
export function envValue(value: string): string {
  if (/^[\w@.:/+-]*$/.test(value)) return value
  const mark = ['"', "'", "`"].find((candidate) => !value.includes(candidate))
  // A value holding all three quote characters gets single for double quotes rather than a broken file.
  return mark ? `${mark}${value}${mark}` : `"${value.replaceAll('"', "'")}"`
}
