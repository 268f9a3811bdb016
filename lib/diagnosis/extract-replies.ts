import { PASTE_MAX_LENGTH } from "@/lib/schemas/paste"

/** The SMTP command a reply answered, in the words a log uses for it. */
export type SmtpCommand =
  "CONNECT" | "EHLO" | "STARTTLS" | "AUTH" | "MAIL FROM" | "RCPT TO" | "DATA"

/** One server reply found in pasted text. */
export interface ExtractedReply {
  /** The basic reply code (535); absent when the text shows only an enhanced code. */
  code?: number
  /** The enhanced status code (5.7.139), when the text shows one. */
  enhanced?: string
  /**
   * The whole reply as "<code> <enhanced> <text>": quotes and log prefixes removed, the lines of a
   * multi-line reply joined by a space.
   */
  text: string
  /** The line of the pasted text where the reply starts, from 1. */
  line: number
  /** The command the reply answered, when the text says so ("in reply to RCPT TO command"). */
  command?: SmtpCommand
  /**
   * Not an SMTP reply but what stood in for one (diagnose-text.ts): "token", the identity
   * platform's answer to a token request; "client", an error the client raised before any reply.
   */
  origin?: "token" | "client"
}

/** A reply is cut here: long enough for any real reply, short enough for a page. */
const MAX_REPLY_LENGTH = 1_000
const MAX_PIECES = 2_000
const MAX_UNIQUE = 200
const MAX_REPLIES = 50

// Every pattern below is linear: bounded or literal quantifiers, and no nested repetition.

/**
 * "535 5.7.139", "550-5.7.1", and MailKit's "535: 5.7.3": a basic code followed by an enhanced code
 * is a reply wherever it is.
 */
const FULL = /(?<![\w.])([2-5][0-5]\d)(: |[ -])([245]\.[0-7]\.\d{1,3})(?!\w|\.\d)/g
/** "554 Transaction failed": a basic code alone, trusted only at a line start or after a marker. */
const BASIC = /(?<![\w.:/\\-])([2-5][0-5]\d)(?:([ -])|$)/g
/** "5.7.23": an enhanced code alone, as NDRs and .NET's SmtpException show it. */
const ENHANCED = /(?<![\w.])([245]\.[0-7]\.\d{1,3})(?!\w|\.\d)/g
const LEADING_ENHANCED = /^([245]\.[0-7]\.\d{1,3})(?!\w|\.\d)\s*/

/**
 * What comes right before a bare basic code in logs: "S: ", "<- ", "said: ", "returned '"... and the
 * typographic quotes a forum or an issue title turns a quote into.
 */
const BASIC_MARKER = /(?:[:;'"‘’“”([>*~]|<-|\bsaid|\breturned|\bwas)\s*$/i
/**
 * What comes right before a bare enhanced code: "Status: ", "response was: ", "#", "Error code ",
 * and .NET's "Message=" (MailKit's SmtpCommandException shows only the enhanced code there).
 */
const ENHANCED_MARKER = /(?:[:;'"‘’“”>#=]|\b(?:error|code|status|ndr))\s*$/i
/** An enhanced code with no text after it is only a reply in a field made for it ("Status: 5.1.10"). */
const STANDALONE_MARKER = /(?:#|\b(?:error|code|status|ndr)\s*:?)\s*$/i

/** Python's smtplib: (535, b'5.7.139 Authentication unsuccessful, ...'): the code and text are split. */
const PYTHON_TUPLE = /\(\s*([2-5][0-5]\d)\s*,\s*b?(['"‘’])/g

/**
 * PHPMailer's ErrorInfo, which WordPress and most PHP apps show: "Password command failed
 * Detail: Authentication unsuccessful [host] SMTP code: 535 Additional SMTP info: 5.7.3". The
 * reply's text comes first, its codes after. PHPMailer reads an enhanced code with at most two
 * digits at the end, so "5.7.139" stays at the start of the detail, with no "Additional SMTP info".
 */
const PHPMAILER_DETAIL = /\bDetail:\s*/g
const PHPMAILER_CODES = new RegExp(
  String.raw`^SMTP code:\s*([2-5][0-5]\d)(?!\d)` +
    String.raw`(?:\s*Additional SMTP info:\s*([245]\.[0-7]\.\d{1,3})(?!\w|\.\d))?`,
  "i"
)

/**
 * Lines whose reply a bounce folds onto the indented lines below it: RFC 3464's Diagnostic-Code,
 * Postfix's "host ... said:" and Exim's "SMTP error from remote mail server".
 */
const FOLDED_START = /^\s*Diagnostic-Code:|\bsaid:|\bSMTP error from remote mail server\b/i
/** A folded line goes on indented, and is not a stack frame ("    at ..."). */
const FOLDED_LINE = /^[ \t]+(?!at\s)\S/
const MAX_FOLDED = 8

/**
 * nodemailer's error object when the reply has no code of its own (the code is in responseCode):
 * response: 'Mailbox cannot be accessed [...]', responseCode: 550. Read from "response".
 */
const NODEMAILER_RESPONSE = /\bresponse['"]?\s*[:=]\s*(['"]?)/g
const RESPONSE_CODE = /^\s*,?\s*['"]?responseCode['"]?\s*[:=]\s*([2-5][0-5]\d)(?!\d)/

/** Postfix: "(in reply to RCPT TO command)". */
const IN_REPLY_TO =
  /\(in reply to (end of DATA|initial greeting|[A-Z]+(?: (?:FROM|TO))?)(?: command)?\)/i
/** A client line in PHPMailer, nodemailer and swaks logs: "CLIENT -> SERVER: AUTH LOGIN", "C: RCPT TO". */
const CLIENT_LINE =
  /(?:CLIENT -> SERVER:|\bC:|^\s*[~-]>)\s*(AUTH|MAIL FROM|RCPT TO|DATA|EHLO|HELO|STARTTLS)\b/i
/** nodemailer's error object and JSON logs: command: 'AUTH LOGIN', "command":"RCPT TO". */
const COMMAND_PROPERTY = /\bcommand['"]?\s*[:=]\s*['"]([A-Za-z][A-Za-z -]{1,20})['"]/

/** Error messages that name the command on the reply's own line (PHPMailer, nodemailer, smtplib). */
const SAME_LINE_HINTS: ReadonlyArray<readonly [RegExp, SmtpCommand]> = [
  [
    /\bSMTPAuthenticationError\b|\bInvalid login\b|\b(?:AUTH|Password|Username) command failed/i,
    "AUTH",
  ],
  [/\bSMTPSenderRefused\b|\bMail(?: FROM)? command failed/i, "MAIL FROM"],
  [
    /\bSMTPRecipientsRefused\b|\b(?:Recipient|RCPT(?: TO)?) command failed|recipients were rejected/i,
    "RCPT TO",
  ],
  [/\bSMTPDataError\b|\b(?:Data(?: END)?|Message) (?:command )?failed/i, "DATA"],
  [/\bSTARTTLS command failed/i, "STARTTLS"],
  [/\bSMTPHeloError\b|\b[EH]LO command failed/i, "EHLO"],
  [/\bSMTPConnectError\b/, "CONNECT"],
]

interface Piece {
  line: number
  col: number
  code?: number
  /** "-" on all but the last line of a multi-line reply. */
  sep: " " | "-"
  enhanced?: string
  rest: string
  command?: SmtpCommand
}

interface Match {
  index: number
  end: number
  code?: number
  sep: " " | "-"
  enhanced?: string
}

function toCommand(word: string): SmtpCommand | undefined {
  const value = word.trim().toUpperCase()
  if (value.startsWith("AUTH")) return "AUTH"
  if (value.startsWith("MAIL")) return "MAIL FROM"
  if (value.startsWith("RCPT")) return "RCPT TO"
  if (value.startsWith("DATA") || value === "END OF DATA") return "DATA"
  if (value === "EHLO" || value === "HELO") return "EHLO"
  if (value === "STARTTLS") return "STARTTLS"
  if (value === "CONN" || value === "INITIAL GREETING") return "CONNECT"
  return undefined
}

function sameLineCommand(before: string): SmtpCommand | undefined {
  return SAME_LINE_HINTS.find(([pattern]) => pattern.test(before))?.[1]
}

/** The closing quote: the next `quote` not followed by a letter (so "isn't" does not end the text). */
function closingQuote(text: string, quote: string, from: number, to: number) {
  for (let at = text.indexOf(quote, from); at !== -1 && at < to; at = text.indexOf(quote, at + 1)) {
    const next = text[at + 1]
    if (next === undefined || !/\w/.test(next)) return at
  }
  return -1
}

/** The quote character just before `index` (spaces allowed between), if any. */
function quoteBefore(text: string, index: number) {
  for (let at = index - 1; at >= 0 && at >= index - 3; at--) {
    const char = text[at]
    if (char === "'" || char === '"' || char === "`") return char
    if (char !== " ") return undefined
  }
  return undefined
}

function count(text: string, char: string) {
  let total = 0
  for (const c of text) if (c === char) total++
  return total
}

/** Strips what a log wraps around a reply: trailing quotes, commas and unbalanced brackets. */
function trimTrailing(text: string) {
  let result = text.trim()
  for (let round = 0; round < 12; round++) {
    const last = result.at(-1)
    if (last === undefined) break
    const unbalanced =
      (last === ")" && count(result, "(") < count(result, ")")) ||
      (last === ">" && count(result, "<") < count(result, ">")) ||
      (last === "]" && count(result, "[") < count(result, "]")) ||
      (last === "}" && count(result, "{") < count(result, "}"))
    // A reply quoted in a sentence ends with the closing quote and the sentence's full stop.
    const quoted = result.at(-2)
    if (".!?".includes(last) && (quoted === '"' || quoted === "'") && count(result, quoted) % 2) {
      result = result.slice(0, -2).trimEnd()
      continue
    }
    if (!unbalanced && !"'\"`,;".includes(last)) break
    result = result.slice(0, -1).trimEnd()
  }
  return result
}

function firstNonSpace(text: string) {
  const at = text.search(/\S/)
  return at === -1 ? text.length : at
}

/** The matches of one pattern in a segment, each accepted by `accept`. */
function findMatches(
  segment: string,
  pattern: RegExp,
  read: (found: RegExpExecArray) => Omit<Match, "index" | "end">,
  accept: (index: number, found: RegExpExecArray) => boolean
): Match[] {
  const matches: Match[] = []
  pattern.lastIndex = 0
  for (let found = pattern.exec(segment); found; found = pattern.exec(segment)) {
    if (found[0] === "") pattern.lastIndex++
    if (accept(found.index, found)) {
      matches.push({ index: found.index, end: found.index + found[0].length, ...read(found) })
    }
    if (matches.length > MAX_PIECES) break
  }
  return matches
}

/** The replies in one segment of a line: basic+enhanced codes first, then bare ones. */
function scanSegment(
  segment: string,
  line: number,
  offset: number,
  lineText: string,
  /** A quote opened before an escaped line break ("response":"550-...\r\n550 ...") and not closed. */
  inheritedQuote?: string
): { pieces: Piece[]; openQuote?: string } {
  const start = firstNonSpace(segment)
  const before = (index: number) => segment.slice(Math.max(0, index - 40), index)

  let matches = findMatches(
    segment,
    FULL,
    (found) => ({
      code: Number(found[1]),
      sep: found[2] === "-" ? "-" : " ",
      enhanced: found[3],
    }),
    () => true
  )
  if (!matches.length) {
    matches = findMatches(
      segment,
      BASIC,
      (found) => ({ code: Number(found[1]), sep: found[2] === "-" ? "-" : " " }),
      (index) => index === start || BASIC_MARKER.test(before(index))
    )
  }
  let bareEnhanced = false
  if (!matches.length) {
    bareEnhanced = true
    matches = findMatches(
      segment,
      ENHANCED,
      (found) => ({ sep: " ", enhanced: found[1] }),
      (index) => index === start || ENHANCED_MARKER.test(before(index))
    )
  }

  const pieces: Piece[] = []
  let openQuote: string | undefined
  matches.forEach((match, i) => {
    const limit = matches[i + 1]?.index ?? segment.length
    const textStart = match.end + firstNonSpace(segment.slice(match.end, limit))
    let textEnd = limit
    const quote =
      quoteBefore(segment, match.index) ?? (match.index === start ? inheritedQuote : undefined)
    openQuote = undefined
    if (quote) {
      const closing = closingQuote(segment, quote, textStart, limit)
      if (closing !== -1) textEnd = closing
      else if (limit === segment.length) openQuote = quote
    }
    let rest = segment.slice(textStart, Math.min(textEnd, textStart + MAX_REPLY_LENGTH))
    let command: SmtpCommand | undefined
    const inReply = IN_REPLY_TO.exec(rest)
    if (inReply) {
      command = toCommand(inReply[1] ?? "")
      rest = rest.slice(0, inReply.index)
    }
    rest = trimTrailing(rest)

    // A bare basic code needs words after it; a bare enhanced code needs words or a Status field.
    if (match.enhanced === undefined && !/[a-z]/i.test(rest)) return
    if (bareEnhanced) {
      // Words must follow at once ("5.7.60 SMTP; ..."), not a version's punctuation ("4.7.0; +https").
      if (rest ? !/^[a-z[]/i.test(rest) : !STANDALONE_MARKER.test(before(match.index))) return
    }
    const col = offset + match.index
    pieces.push({
      line,
      col,
      code: match.code,
      sep: match.sep,
      enhanced: match.enhanced,
      rest,
      command: command ?? sameLineCommand(lineText.slice(Math.max(0, col - 200), col)),
    })
  })
  return { pieces, openQuote }
}

/** Python's (code, b'text') tuples in a line, and the line with them blanked out. */
function scanPython(lineText: string, line: number): { pieces: Piece[]; rest: string } {
  const pieces: Piece[] = []
  const spans: Array<[number, number]> = []
  PYTHON_TUPLE.lastIndex = 0
  for (let found = PYTHON_TUPLE.exec(lineText); found; found = PYTHON_TUPLE.exec(lineText)) {
    const quote = found[2] ?? "'"
    const contentStart = found.index + found[0].length
    // A forum turns b'...' into b’...: the text then ends at a closing ’ or at the line's end.
    const typographic = quote === "‘" || quote === "’"
    let close = lineText.indexOf(typographic ? "’" : quote, contentStart)
    while (close !== -1 && lineText[close - 1] === "\\") close = lineText.indexOf(quote, close + 1)
    if (close === -1 && typographic) close = lineText.length
    if (close === -1) continue
    const content = lineText
      .slice(contentStart, Math.min(close, contentStart + MAX_REPLY_LENGTH))
      .replace(/\\r\\n|\\n|\\r/g, "\n")
      .replace(/\\t/g, " ")
      .replace(/\\(['"\\])/g, "$1")
    let enhanced: string | undefined
    const parts = content.split("\n").map((part) => {
      const leading = LEADING_ENHANCED.exec(part.trim())
      if (!leading) return part.trim()
      enhanced ??= leading[1]
      return part.trim().slice(leading[0].length)
    })
    pieces.push({
      line,
      col: found.index,
      code: Number(found[1]),
      sep: " ",
      enhanced,
      rest: trimTrailing(parts.filter(Boolean).join(" ")),
      command: sameLineCommand(lineText.slice(Math.max(0, found.index - 200), found.index)),
    })
    spans.push([found.index, close + 1])
    PYTHON_TUPLE.lastIndex = close + 1
    if (pieces.length > MAX_PIECES) break
  }
  return { pieces, rest: blankOut(lineText, spans) }
}

/**
 * nodemailer's response property when it holds a reply without codes, with the code from the
 * responseCode property after it (on the same line, or the next one in a multi-line object).
 */
function scanNodemailerResponse(lineText: string, nextLine: string, line: number): Piece[] {
  if (!lineText.includes("response") || !(lineText + nextLine).includes("responseCode")) return []
  const pieces: Piece[] = []
  for (const found of lineText.matchAll(NODEMAILER_RESPONSE)) {
    const start = found.index + found[0].length
    const window = lineText.slice(start, start + MAX_REPLY_LENGTH)
    // The value ends at a quote followed by a comma (or at the end of the line).
    const end = window.search(/['"]\s*,|$/)
    const value = window.slice(0, end)
    if (/^\s*[2-5][0-5]\d\b/.test(value) || !/[a-z]{3}/i.test(value)) continue
    const after = window.slice(end + 1, end + 80) || nextLine.slice(0, 80)
    const code = RESPONSE_CODE.exec(after) ?? RESPONSE_CODE.exec(nextLine.slice(0, 80))
    if (!code) continue
    pieces.push({
      line,
      col: found.index,
      code: Number(code[1]),
      sep: " ",
      rest: trimTrailing(value),
      command: sameLineCommand(lineText.slice(Math.max(0, found.index - 200), found.index)),
    })
    if (pieces.length > MAX_PIECES) break
  }
  return pieces
}

/** PHPMailer's "Detail: <text> SMTP code: <code> [Additional SMTP info: <enhanced>]" in a line. */
function scanPhpMailer(lineText: string, line: number): { pieces: Piece[]; rest: string } {
  const pieces: Piece[] = []
  const spans: Array<[number, number]> = []
  // The next "SMTP code:", looked up again only once passed: linear however many "Detail:" there are.
  let codesAt = -1
  PHPMAILER_DETAIL.lastIndex = 0
  for (
    let found = PHPMAILER_DETAIL.exec(lineText);
    found;
    found = PHPMAILER_DETAIL.exec(lineText)
  ) {
    const textStart = found.index + found[0].length
    if (codesAt < textStart) codesAt = lineText.indexOf("SMTP code:", textStart)
    if (codesAt === -1) break
    if (codesAt - textStart > MAX_REPLY_LENGTH) continue
    const codes = PHPMAILER_CODES.exec(lineText.slice(codesAt, codesAt + 80))
    if (!codes) continue
    let rest = lineText.slice(textStart, codesAt).trim()
    let enhanced = codes[2]
    const leading = LEADING_ENHANCED.exec(rest)
    if (leading && (enhanced === undefined || leading[1] === enhanced)) {
      enhanced = leading[1]
      rest = rest.slice(leading[0].length)
    }
    pieces.push({
      line,
      col: found.index,
      code: Number(codes[1]),
      sep: " ",
      enhanced,
      rest: trimTrailing(rest),
      command: sameLineCommand(lineText.slice(Math.max(0, found.index - 200), found.index)),
    })
    spans.push([found.index, codesAt + codes[0].length])
    PHPMAILER_DETAIL.lastIndex = codesAt + codes[0].length
    if (pieces.length > MAX_PIECES) break
  }
  return { pieces, rest: blankOut(lineText, spans) }
}

/**
 * The line with the spans a format of its own has read blanked out, before the other patterns run:
 * same length, so columns stay true.
 */
function blankOut(lineText: string, spans: Array<[number, number]>) {
  let rest = ""
  let from = 0
  for (const [start, end] of spans) {
    rest += lineText.slice(from, start) + " ".repeat(end - start)
    from = end
  }
  return rest + lineText.slice(from)
}

/** Splits a line on escaped line breaks ("\r\n" written out, as JSON logs show replies). */
function segments(lineText: string): Array<{ text: string; offset: number }> {
  const result: Array<{ text: string; offset: number }> = []
  const escaped = /\\r\\n|\\n|\\r/g
  let offset = 0
  for (let found = escaped.exec(lineText); found; found = escaped.exec(lineText)) {
    result.push({ text: lineText.slice(offset, found.index), offset })
    offset = found.index + found[0].length
  }
  result.push({ text: lineText.slice(offset), offset })
  return result
}

interface Group {
  line: number
  lastLine: number
  code?: number
  enhanced?: string
  rests: string[]
  command?: SmtpCommand
}

function toReply(group: Group): ExtractedReply {
  const text = [group.code, group.enhanced, group.rests.filter(Boolean).join(" ")]
    .filter((part) => part !== undefined && part !== "")
    .join(" ")
  return {
    ...(group.code !== undefined ? { code: group.code } : {}),
    ...(group.enhanced ? { enhanced: group.enhanced } : {}),
    text,
    line: group.line,
    ...(group.command ? { command: group.command } : {}),
  }
}

/** Joins "250-" continuation lines (possibly several on one Postfix line) with their final line. */
function groupPieces(pieces: Piece[]): Group[] {
  const groups: Group[] = []
  let open: Group | null = null
  for (const piece of pieces) {
    if (open && piece.code === open.code && piece.line - open.lastLine <= 2) {
      open.rests.push(piece.rest)
      open.lastLine = piece.line
      open.enhanced ??= piece.enhanced
      open.command ??= piece.command
      if (piece.sep === " ") open = null
      continue
    }
    open = null
    const group: Group = {
      line: piece.line,
      lastLine: piece.line,
      code: piece.code,
      enhanced: piece.enhanced,
      rests: [piece.rest],
      command: piece.command,
    }
    groups.push(group)
    if (piece.sep === "-" && piece.code !== undefined) open = group
  }
  return groups
}

/**
 * A reply's text after its codes, compared without case or spacing differences, and without the
 * "..." of a copy a log cut short (PHP's stack traces print 'assertResponseCode('535 5.7.3 Authe...')).
 */
function body(reply: ExtractedReply) {
  let text = reply.text
  if (reply.code !== undefined) text = text.slice(String(reply.code).length).trimStart()
  if (reply.enhanced) text = text.slice(reply.enhanced.length).trimStart()
  return text
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/(?:\.\.\.|…)$/, "")
}

interface Compared {
  reply: ExtractedReply
  body: string
}

/** True when `a` says less than `b` about the same reply ("Status: 5.1.10" next to the full line). */
function subsumes(b: Compared, a: Compared) {
  if (a === b) return false
  if (a.reply.code !== undefined && a.reply.code !== b.reply.code) return false
  if (a.reply.enhanced !== undefined && a.reply.enhanced !== b.reply.enhanced) return false
  const sameCodes = a.reply.code === b.reply.code && a.reply.enhanced === b.reply.enhanced
  if (sameCodes && a.body.length >= b.body.length) return false
  return b.body.includes(a.body)
}

function isError(reply: ExtractedReply) {
  const digit = reply.code !== undefined ? String(reply.code)[0] : reply.enhanced?.[0]
  return digit === "4" || digit === "5"
}

function extract(input: string): ExtractedReply[] {
  const text = input.length > PASTE_MAX_LENGTH ? input.slice(0, PASTE_MAX_LENGTH) : input
  const lines = text.split(/\r\n|\r|\n/)

  // Line-level command hints, looked up around each reply.
  const clientCommand: Array<SmtpCommand | undefined> = []
  const propertyCommand: Array<SmtpCommand | undefined> = []
  lines.forEach((lineText, index) => {
    const client = CLIENT_LINE.exec(lineText)
    clientCommand[index] = client ? toCommand(client[1] ?? "") : undefined
    const property = COMMAND_PROPERTY.exec(lineText)
    propertyCommand[index] = property ? toCommand(property[1] ?? "") : undefined
  })

  const pieces: Piece[] = []
  for (let index = 0; index < lines.length && pieces.length <= MAX_PIECES; index++) {
    let lineText = lines[index] ?? ""
    // Bounces fold a reply onto the next lines, which start with white space.
    if (FOLDED_START.test(lineText)) {
      for (
        let next = index + 1;
        next <= index + MAX_FOLDED && FOLDED_LINE.test(lines[next] ?? "");
        next++
      ) {
        lineText += " " + (lines[next] ?? "").trim()
        lines[next] = ""
      }
    }
    const nodemailer = scanNodemailerResponse(lineText, lines[index + 1] ?? "", index + 1)
    const python = scanPython(lineText, index + 1)
    const phpMailer = scanPhpMailer(python.rest, index + 1)
    const linePieces = [...nodemailer, ...python.pieces, ...phpMailer.pieces]
    let openQuote: string | undefined
    for (const segment of segments(phpMailer.rest)) {
      const scanned = scanSegment(segment.text, index + 1, segment.offset, lineText, openQuote)
      linePieces.push(...scanned.pieces)
      openQuote = scanned.openQuote
    }
    pieces.push(...linePieces.sort((a, b) => a.col - b.col))
  }

  const codesOnLine = new Map<number, Set<number | undefined>>()
  for (const piece of pieces) {
    const codes = codesOnLine.get(piece.line) ?? new Set()
    codes.add(piece.code)
    codesOnLine.set(piece.line, codes)
  }

  const groups = groupPieces(pieces.slice(0, MAX_PIECES))
  for (const group of groups) {
    if (group.command) continue
    // nodemailer prints the command a few lines below the reply, after the stack trace...
    for (let line = group.line; line <= group.line + 25 && line <= lines.length; line++) {
      const codes = codesOnLine.get(line)
      if (line > group.lastLine && codes && !codes.has(group.code)) break
      const found = propertyCommand[line - 1]
      if (found) {
        group.command = found
        break
      }
    }
    if (group.command) continue
    // ...PHPMailer, nodemailer's debug log and swaks show it on a client line above the reply.
    for (let line = group.line - 1; line >= 1 && line >= group.line - 8; line--) {
      const found = clientCommand[line - 1]
      if (found) {
        group.command = found
        break
      }
    }
  }

  // One entry per distinct reply, where it first appears; commands found on any copy are kept.
  const unique = new Map<string, ExtractedReply>()
  for (const group of groups) {
    const reply = toReply(group)
    const key = reply.text.toLowerCase().replace(/\s+/g, " ")
    const seen = unique.get(key)
    if (seen) {
      seen.command ??= reply.command
    } else if (unique.size < MAX_UNIQUE) {
      unique.set(key, reply)
    }
  }
  const compared = [...unique.values()].map((reply) => ({ reply, body: body(reply) }))
  const kept = compared
    .filter((entry) => !compared.some((other) => subsumes(other, entry)))
    .map((entry) => entry.reply)

  // A status field alone ("Status: 5.0.0", Exim's generic one) says nothing a reply with words
  // beside it does not say better.
  const worded = kept.filter((reply) => reply.code !== undefined || body(reply) !== "")
  const errors = (worded.some(isError) ? worded : kept).filter(isError)
  return (errors.length ? errors : kept).slice(0, MAX_REPLIES)
}

/**
 * Finds the SMTP server replies in pasted text: a bare reply line, a client log (nodemailer,
 * PHPMailer's log and its error message, Python smtplib, Postfix, swaks, .NET's SmtpException),
 * or a bounce (Exchange NDR, RFC 3464 delivery status). Multi-line replies are joined and duplicates dropped. Errors (4xx and
 * 5xx) come in order of appearance; 2xx and 3xx replies only when the text holds no error.
 * Reads at most PASTE_MAX_LENGTH characters and never throws.
 */
export function extractReplies(text: string): ExtractedReply[] {
  if (typeof text !== "string") return []
  try {
    return extract(text)
  } catch {
    // A bug here must not break the page: finding nothing is the safe answer.
    return []
  }
}
