/**
 * The largest action body Next.js decodes: its default server action body size limit ("1 MB",
 * counted as 1024 * 1024 bytes of the raw body in next/dist/server/app-render/action-handler.js;
 * next.config.ts leaves it unchanged). Next.js answers a larger body with a 500. A pasted log of
 * 100,000 characters, JSON-escaped, takes at most 600 kB.
 */
export const MAX_ACTION_BODY_BYTES = 1024 * 1024

/**
 * The deepest nesting of arrays and objects in an action body. smtp365's arguments are three
 * levels deep; React's decoder recurses once per level and overflows the stack (a 500) at a few
 * thousand.
 */
export const MAX_ACTION_BODY_DEPTH = 32

/**
 * The longest number literal: JSON.stringify writes any number in at most 24 characters
 * ("-1.7976931348623157e+308").
 */
const MAX_NUMBER_LITERAL_LENGTH = 32

/** React's decoder throws (a 500) on a bigint ("$n…") of more digits than this. */
export const MAX_BIGINT_DIGITS = 300

/**
 * React's decoder throws (a 500) when the arrays of a body hold more slots than this (its
 * arraySizeLimit; "$$" strings and bigints count their length when they are array items).
 */
const MAX_ARRAY_SLOTS = 1_000_000

/** Next.js throws (a 500) when an action gets more arguments than this. */
const MAX_ACTION_ARGUMENTS = 1000

/** An action id as Next.js writes it: hex digits (two for the export's kind, then a hash). */
const ACTION_ID = /^[0-9a-f]{40,64}$/i

/**
 * Strings React's encodeReply writes for plain values: an escaped "$" ("$$…"), undefined, NaN, the
 * infinities, -0, a date ("$D…") and a bigint ("$n…", of at most MAX_BIGINT_DIGITS digits). Every
 * other "$" string is a reference to a form part, a promise, a stream or a server function, which
 * smtp365's actions never take.
 */
const PLAIN_VALUE = new RegExp(
  `^\\$(\\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\\d{1,${MAX_BIGINT_DIGITS}}$)`
)

export type ActionRequestProblem = { status: 400 | 404 | 413; message: string } | null

const NOT_ARGUMENTS = "The request body is not an action's arguments."
const TOO_LARGE: ActionRequestProblem = { status: 413, message: "The request is too large." }

/**
 * Checks a server action request before Next.js decodes it. smtp365's actions take plain values,
 * which the browser sends as a JSON text body (React's encodeReply); a body that is not one, that
 * holds references to parts never sent, or that React's decoder refuses (too large, too deeply
 * nested, a bigint too long) makes Next.js answer 500. Such a request gets a 4xx here instead.
 * Returns null for a request Next.js may decode. `body` is the raw body (or its text): its size is
 * counted in bytes, as Next.js counts it.
 */
export function checkActionRequest(
  actionId: string | null,
  contentType: string,
  body: string | Uint8Array
): ActionRequestProblem {
  // smtp365 has no form actions: a multipart POST (with or without an action id) is never its own.
  if (/^multipart\//i.test(contentType.trim())) {
    return { status: 400, message: "smtp365's actions take plain values, not form uploads." }
  }
  if (actionId === null) return null
  if (!ACTION_ID.test(actionId)) return { status: 404, message: "Unknown server action." }
  const size = typeof body === "string" ? Buffer.byteLength(body) : body.byteLength
  if (size > MAX_ACTION_BODY_BYTES) return TOO_LARGE
  // Next.js decodes the bytes as UTF-8, as here.
  const text = typeof body === "string" ? body : Buffer.from(body).toString("utf8")
  const shape = shapeProblem(text)
  if (shape) return { status: 400, message: shape }
  // Bounded now in size, depth and literal lengths: parsing costs no more than Next.js's own parse.
  let args: unknown
  try {
    args = JSON.parse(text)
  } catch {
    return { status: 400, message: NOT_ARGUMENTS }
  }
  if (!Array.isArray(args) || args.length > MAX_ACTION_ARGUMENTS || !onlyPlainValues(args)) {
    return { status: 400, message: NOT_ARGUMENTS }
  }
  return null
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPENERS = new Set([0x5b, 0x7b]) // [ {
const CLOSERS = new Set([0x5d, 0x7d]) // ] }
/** Characters of a JSON number: digits, sign, point and exponent. */
const NUMBER_CHARACTERS = new Set([..."0123456789+-.eE"].map((c) => c.charCodeAt(0)))

/**
 * One pass over the text, without parsing it: the nesting depth and the length of each number
 * literal outside strings. A hostile body is refused at its first excess, so a megabyte of "["
 * costs 33 characters.
 */
function shapeProblem(text: string): string | null {
  let depth = 0
  let numberLength = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === BACKSLASH) i++
      else if (c === QUOTE) inString = false
      continue
    }
    if (NUMBER_CHARACTERS.has(c)) {
      if (++numberLength > MAX_NUMBER_LITERAL_LENGTH) return "A number in the request is too long."
      continue
    }
    numberLength = 0
    if (c === QUOTE) inString = true
    else if (OPENERS.has(c)) {
      if (++depth > MAX_ACTION_BODY_DEPTH) return "The request is nested too deeply."
    } else if (CLOSERS.has(c)) depth--
  }
  return null
}

function onlyPlainValues(args: unknown[]): boolean {
  // Array slots counted as React's decoder counts them, over the whole body: never fewer than its
  // own count, which starts again at each array that is not an item of another array.
  let slots = 0
  // Iterative, so nesting costs no stack (the depth is bounded anyway).
  const pending: Array<{ item: unknown; inArray: boolean }> = [{ item: args, inArray: false }]
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { item, inArray } = next
    if (typeof item === "string") {
      if (!item.startsWith("$")) continue
      if (!PLAIN_VALUE.test(item)) return false
      if (inArray && (item[1] === "$" || item[1] === "n")) slots += item.length
    } else if (Array.isArray(item)) {
      slots += item.length + 1
      for (const child of item) pending.push({ item: child, inArray: true })
    } else if (item && typeof item === "object") {
      for (const [key, child] of Object.entries(item)) {
        // encodeReply never writes these keys; a decoder could be steered by them.
        if (key === "__proto__" || key === "constructor" || key === "prototype") return false
        pending.push({ item: child, inArray: false })
      }
    }
    if (slots > MAX_ARRAY_SLOTS) return false
  }
  return true
}
