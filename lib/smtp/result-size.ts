/**
 * How much of what a server says a test's result keeps. A server chooses the length of its replies
 * (nodemailer takes up to 1 MB each): one 770 KB EHLO reply made a 3 MB action response. These
 * limits bound the stages, the transcript and the failure, streamed and in the outcome.
 */

/** Characters kept of one reply, and of any one line of the transcript. */
export const REPLY_LIMIT = 4_000

/** What the transcript keeps in all: a normal test's is some 3,000 characters in 25 lines. */
export const TRANSCRIPT_LIMIT = { lines: 100, characters: 24_000 }

const formatCount = (count: number) => count.toLocaleString("en-US")

/**
 * `text` as it is when it fits in `limit` characters; otherwise its start and its end, around a
 * line that says how many characters were cut (the start holds the reply code, the end a
 * multi-line reply's last line). The result fits in `limit`, so clipping twice changes nothing.
 */
export function clip(text: string, limit = REPLY_LIMIT): string {
  if (text.length <= limit) return text
  const room = limit - `\n[… ${formatCount(text.length)} characters cut …]\n`.length
  const head = text.slice(0, Math.ceil((room * 3) / 4))
  const tail = text.slice(text.length - Math.floor(room / 4))
  const cut = text.length - head.length - tail.length
  return `${head}\n[… ${formatCount(cut)} characters cut …]\n${tail}`
}

/** The line that ends a transcript cut at TRANSCRIPT_LIMIT, once the lines left out are counted. */
export function transcriptCutNote(omitted?: { lines: number; characters: number }): string {
  const { lines, characters } = TRANSCRIPT_LIMIT
  const limit = `The transcript stops here: it keeps at most ${formatCount(lines)} lines and ${formatCount(characters)} characters.`
  if (!omitted) return limit
  const count = omitted.lines === 1 ? "1 later line" : `${formatCount(omitted.lines)} later lines`
  return `${limit} ${count} (${formatCount(omitted.characters)} characters) ${omitted.lines === 1 ? "was" : "were"} left out.`
}
