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
 * A .env value, quoted when it needs it (spaces, #, quotes, |). .env parsers disagree on escapes
 * inside quotes, so none are used: the value goes in the first quote style it does not contain
 * (double, single, backtick), which dotenv and Node's parseEnv read literally (PHP dotenv
 * parsers expand `$` inside double quotes: see their own targets). Except for one escape: both
 * turn `\n` inside double quotes into a line break (dotenv's lib/main.js also `\r`), so a value
 * with a backslash skips double quotes.
 */
export function envValue(value: string): string {
  if (/^[\w@.:/+-]*$/.test(value)) return value
  const marks = value.includes("\\") ? ["'", "`"] : ['"', "'", "`"]
  const mark = marks.find((candidate) => !value.includes(candidate))
  // A value holding all three quote characters gets single for double quotes rather than a broken file.
  return mark ? `${mark}${value}${mark}` : `"${value.replaceAll('"', "'")}"`
}

/**
 * An msmtp configuration argument (msmtprc): msmtp takes the rest of the line with the blanks at
 * either end trimmed, then drops one pair of double quotes around it, with no escapes inside
 * (msmtp's src/conf.c, get_next_cmd and trim_string; man msmtp: "The argument may be enclosed in
 * double quotes"). So a value is written as it is (|, #, " and \ included) unless trimming or that
 * pair would change it, and then wrapped in double quotes, which go back off.
 */
export function msmtpValue(value: string): string {
  return /^[ \t]|[ \t]$|^".*"$/.test(value) ? `"${value}"` : value
}

/**
 * A single-quoted Ruby string: only backslash and quote are escapes, so `#{`, `$` and `"` stay
 * literal (no interpolation).
 */
export function rubyString(value: string): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`
}

/**
 * A .env value for PHP's dotenv parsers (vlucas/phpdotenv in Laravel, symfony/dotenv): both expand
 * `$` in unquoted and double-quoted values and read single-quoted values literally. So a value goes
 * in single quotes unless it holds one; then in double quotes with `\`, `"` and `$` escaped by a
 * backslash, which both parsers undo. One value neither quoting carries to Symfony's Dotenv: one with
 * a ' and a backslash before n or r, as Dotenv (5.4, lexValue) turns `\n` into a line break before
 * it undoes `\\` (literals.test.ts leaves that case out).
 */
export function phpEnvValue(value: string): string {
  if (/^[\w@.:/+-]*$/.test(value)) return value
  if (!value.includes("'")) return `'${value}'`
  return `"${value.replace(/[\\"$]/g, (character) => `\\${character}`)}"`
}

/**
 * An RFC 5322 mailbox, `"Name" <address>`: the name is always quoted, with a backslash before `"`
 * and `\`, so any From name survives (Go's net/mail and JavaMail both read it back).
 */
export function mailbox(name: string, address: string): string {
  return name ? `${quotedString(name)} <${address}>` : address
}

/**
 * `name <address>` for software that reads the display name as written and cannot take every
 * character in it (Zabbix, Jenkins): the address alone, with `nameLeftOut`, when the name holds a
 * character that `refused` matches. `format` prepares a name that fits (quoting, for instance).
 */
export function mailboxAsWritten(
  name: string,
  address: string,
  refused: RegExp,
  format: (name: string) => string = (fits) => fits
): { value: string; nameLeftOut: boolean } {
  if (!name) return { value: address, nameLeftOut: false }
  if (refused.test(name)) return { value: address, nameLeftOut: true }
  return { value: `${format(name)} <${address}>`, nameLeftOut: false }
}

/** An RFC 5322 quoted-string: a backslash before `"` and `\`. */
function quotedString(text: string): string {
  return `"${text.replace(/[\\"]/g, "\\$&")}"`
}

/** RFC 5322 section 3.2.3: what a display name may hold only inside a quoted string. */
const PHRASE_SPECIALS = /[()<>[\]:;@\\,."]/
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/

/**
 * A display name for software that writes `<name> <address>` into the From header as given
 * (Zabbix, Home Assistant): quoted when it holds specials, as an unquoted comma makes two
 * addresses of one. A non-ASCII name is left as it is for software that encodes it (RFC 2047)
 * itself, as quotes would be encoded with it; `encode` encodes it here, for software that does not.
 */
export function displayNameForHeader(name: string, { encode = false } = {}): string {
  if (!PRINTABLE_ASCII.test(name)) return encode ? encodedWords(name) : name
  return PHRASE_SPECIALS.test(name) ? quotedString(name) : name
}

/**
 * RFC 2047 encoded words (UTF-8, base64) for text outside ASCII: each word at most 75 characters
 * (section 2), so at most 45 bytes of text, cut between characters.
 */
function encodedWords(text: string): string {
  const encoder = new TextEncoder()
  const word = (chunk: string) =>
    `=?utf-8?b?${btoa(String.fromCharCode(...encoder.encode(chunk)))}?=`
  const words: string[] = []
  let chunk = ""
  for (const char of text) {
    if (encoder.encode(chunk + char).length > 45) {
      words.push(word(chunk))
      chunk = ""
    }
    chunk += char
  }
  if (chunk) words.push(word(chunk))
  return words.join(" ")
}

/**
 * A go-ini value (Grafana's grafana.ini, Gitea's app.ini). go-ini cuts a plain value at `#` or `;`
 * and strips one pair of surrounding quotes, but keeps a value wrapped in backticks or in `"""`
 * verbatim (it looks for the last closing mark), so anything unusual goes in one of those.
 */
export function goIniValue(value: string): string {
  if (/^[\w@.:/+=-]*$/.test(value)) return value
  return value.includes("`") ? `"""${value}"""` : `\`${value}\``
}
