/**
 * A value as a single-quoted PowerShell string literal, so that a command takes it as text
 * whatever it holds (about_Quoting_Rules: inside single quotes nothing is expanded, and a single
 * quote is written twice). PowerShell also reads the typographic single quotes U+2018 to U+201B as
 * single quotes, so those are doubled too.
 */
export function psQuote(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, (quote) => quote + quote)}'`
}
