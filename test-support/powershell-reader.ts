// How PowerShell reads the arguments of the commands smtp365 shows, for tests: pwsh is not in
// Debian's archive, and the npm packages that provide it download it at install time, so the rules
// of about_Quoting_Rules and about_Parsing (argument mode) are written out here for the subset the
// commands use. Anything outside that subset is an error rather than a guess, so a command this
// reads without throwing has balanced quotes and arguments whose text is known.

/** A word of a command line: a bare word, a quoted string's text, or a separator. */
export interface PowerShellToken {
  kind: "bare" | "single-quoted" | "double-quoted" | "separator"
  /** The text PowerShell passes: for a quoted string, its content with doubled quotes undone. */
  value: string
}

/** about_Quoting_Rules: PowerShell reads these as single and as double quotation marks. */
const SINGLE_QUOTES = new Set(["'", "\u2018", "\u2019", "\u201A", "\u201B"])
const DOUBLE_QUOTES = new Set(['"', "\u201C", "\u201D", "\u201E"])
/** Ends a pipeline element or a statement, or groups a command: a word of its own. */
const SEPARATORS = new Set(["|", ";", "(", ")", "\n"])
/** Redirection, the call operator and script blocks: none belongs in these commands' arguments. */
const REFUSED_OUTSIDE_QUOTES = new Set(["<", ">", "&", "{", "}", "`"])

const isSpace = (char: string) => char === " " || char === "\t" || char === "\r"

/**
 * The words of `source` as PowerShell reads them in argument mode. Throws on an unterminated
 * string, on a quote inside a bare word or a string glued to other text (PowerShell reads those in
 * ways that depend on which comes first), on text a double-quoted string would expand ($ or `),
 * on a bare word that expands or redirects, and on anything else outside the subset.
 */
export function readPowerShell(source: string): PowerShellToken[] {
  const tokens: PowerShellToken[] = []
  let at = 0
  const fail = (why: string): never => {
    throw new Error(`${why} at ${at} in: ${source}`)
  }
  while (at < source.length) {
    const char = source[at] as string
    if (isSpace(char)) {
      at++
    } else if (SEPARATORS.has(char)) {
      tokens.push({ kind: "separator", value: char })
      at++
    } else if (SINGLE_QUOTES.has(char) || DOUBLE_QUOTES.has(char)) {
      const single = SINGLE_QUOTES.has(char)
      const quotes = single ? SINGLE_QUOTES : DOUBLE_QUOTES
      let value = ""
      at++
      for (;;) {
        if (at >= source.length) fail("Unterminated string")
        const inner = source[at] as string
        if (quotes.has(inner)) {
          // Two quotation marks in a row are one, the second (the tokenizer keeps that one).
          const next = source[at + 1]
          if (next === undefined || !quotes.has(next)) break
          value += next
          at += 2
        } else {
          if (!single && (inner === "$" || inner === "`")) fail("A double-quoted string expands")
          value += inner
          at++
        }
      }
      at++
      const after = source[at]
      if (after !== undefined && !isSpace(after) && !SEPARATORS.has(after)) {
        fail("A quoted string glued to the text after it")
      }
      tokens.push({ kind: single ? "single-quoted" : "double-quoted", value })
    } else {
      let value = ""
      while (at < source.length) {
        const inner = source[at] as string
        if (isSpace(inner) || SEPARATORS.has(inner)) break
        if (SINGLE_QUOTES.has(inner) || DOUBLE_QUOTES.has(inner)) fail("A quote inside a bare word")
        if (REFUSED_OUTSIDE_QUOTES.has(inner)) fail(`"${inner}" outside quotes`)
        value += inner
        at++
      }
      // A bare $name is a variable ($true, $false); $ anywhere else would expand part of a value.
      if (value.includes("$") && !/^\$\w+$/.test(value)) fail("A bare word expands")
      if (value.startsWith("@")) fail("A bare word splats or builds an array")
      tokens.push({ kind: "bare", value })
    }
  }
  return tokens
}

/**
 * The value given to each occurrence of `parameter` (for example "-Identity") in `source`, as
 * PowerShell passes it, with how it was written.
 */
export function parameterValues(source: string, parameter: string): PowerShellToken[] {
  const tokens = readPowerShell(source)
  return tokens.flatMap((token, index) => {
    const next = tokens[index + 1]
    return token.kind === "bare" && token.value.toLowerCase() === parameter.toLowerCase() && next
      ? [next]
      : []
  })
}
