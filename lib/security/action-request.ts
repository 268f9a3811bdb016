/**
 * The largest action body smtp365 reads: a pasted log of 100,000 characters, JSON-escaped, fits
 * with room to spare.
 */
export const MAX_ACTION_BODY_BYTES = 2 * 1024 * 1024

/** An action id as Next.js writes it: hex digits (two for the export's kind, then a hash). */
const ACTION_ID = /^[0-9a-f]{40,64}$/i

/**
 * Strings React's encodeReply writes for plain values: an escaped "$" ("$$…"), undefined, NaN, the
 * infinities, -0, a date ("$D…") and a bigint ("$n…"). Every other "$" string is a reference to a
 * form part, a promise, a stream or a server function, which smtp365's actions never take.
 */
const PLAIN_VALUE = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\d+$)/

export type ActionRequestProblem = { status: 400 | 404 | 413; message: string } | null

/**
 * Checks a server action request before Next.js decodes it. smtp365's actions take plain values,
 * which the browser sends as a JSON text body (React's encodeReply); a body that is not one, or
 * that holds references to parts never sent, makes Next.js's decoder throw and answer 500. Such a
 * request gets a 4xx here instead. Returns null for a request Next.js may decode.
 */
export function checkActionRequest(
  actionId: string | null,
  contentType: string,
  body: string
): ActionRequestProblem {
  // smtp365 has no form actions: a multipart POST (with or without an action id) is never its own.
  if (/^multipart\//i.test(contentType.trim())) {
    return { status: 400, message: "smtp365's actions take plain values, not form uploads." }
  }
  if (actionId === null) return null
  if (!ACTION_ID.test(actionId)) return { status: 404, message: "Unknown server action." }
  if (Buffer.byteLength(body) > MAX_ACTION_BODY_BYTES) {
    return { status: 413, message: "The request is too large." }
  }
  let args: unknown
  try {
    args = JSON.parse(body)
  } catch {
    return { status: 400, message: "The request body is not an action's arguments." }
  }
  if (!Array.isArray(args) || !onlyPlainValues(args)) {
    return { status: 400, message: "The request body is not an action's arguments." }
  }
  return null
}

function onlyPlainValues(value: unknown): boolean {
  // Iterative, so a deeply nested body cannot overflow the stack.
  const pending: unknown[] = [value]
  while (pending.length) {
    const item = pending.pop()
    if (typeof item === "string") {
      if (item.startsWith("$") && !PLAIN_VALUE.test(item)) return false
    } else if (Array.isArray(item)) {
      for (const child of item) pending.push(child)
    } else if (item && typeof item === "object") {
      for (const [key, child] of Object.entries(item)) {
        // encodeReply never writes these keys; a decoder could be steered by them.
        if (key === "__proto__" || key === "constructor" || key === "prototype") return false
        pending.push(child)
      }
    }
  }
  return true
}
