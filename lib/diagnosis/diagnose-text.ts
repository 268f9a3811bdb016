import { PASTE_MAX_LENGTH } from "@/lib/schemas/paste"
import type { Diagnosis, FailureFacts, StageId } from "@/lib/smtp/types"
import { FALLBACK_ENTRY, SEND_AS_DIAGNOSES } from "./catalog"
import { classify, type DiagnosisContext } from "./classify"
import { extractReplies, type ExtractedReply, type SmtpCommand } from "./extract-replies"
import { PLACEHOLDER_MAILBOX, PLACEHOLDER_SIGNED_IN_MAILBOX } from "./placeholders"

export interface DiagnosedReply {
  reply: ExtractedReply
  diagnosis: Diagnosis
}

/** The addresses the fix steps and commands are filled in with. */
export interface PasteContext {
  mailbox: string
  from: string
  /** The recipient, when the text names one (bounces do). */
  to?: string
  /** False when the text names no sender and a placeholder stands in for it. */
  mailboxFound: boolean
}

/**
 * What a pasted text says: error replies, each with its diagnosis; only successful replies; or no
 * reply at all, with hints on what to paste instead.
 */
export type TextDiagnosis =
  | { outcome: "errors"; replies: DiagnosedReply[]; context: PasteContext }
  | { outcome: "no-errors"; replies: ExtractedReply[]; hints: string[] }
  | { outcome: "no-replies"; hints: string[] }

export { PLACEHOLDER_MAILBOX, PLACEHOLDER_SIGNED_IN_MAILBOX } from "./placeholders"

export const NO_REPLY_HINTS = [
  "Paste the line that starts with a three-digit code, for example 535 5.7.139 Authentication unsuccessful…",
  "From a bounce (NDR), paste the part under “Diagnostic information for administrators”, including the line “Remote Server returned '…'”.",
  "From an application's log, paste the lines around the error: the server's reply usually follows “response:”, “SERVER -> CLIENT:” or “said:”.",
] as const

export const CONNECTION_ERROR_HINT =
  "This looks like a connection, DNS or TLS error from before the server replied. Run a test in the setup wizard: it shows which stage fails and why."

export const NO_ERROR_HINTS = [
  "Every reply found is a success (2xx) or a prompt (3xx): the server accepted what it was sent.",
  "If the mail still did not arrive, paste the bounce (NDR) the sender received.",
] as const

const UNRECOGNISED_HEADLINE = "smtp365 has no diagnosis for this reply yet"

/** Errors raised before any server replies (Node, .NET, Python and OpenSSL wordings). */
const CONNECTION_ERROR =
  /\b(?:ECONNREFUSED|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|ECONNRESET|EHOSTUNREACH|ENETUNREACH|getaddrinfo)\b|wrong version number|Greeting never received|Connection (?:timed out|refused)|certificate has expired|self[- ]signed certificate|unable to verify the first certificate|No such host is known|Unable to connect to the remote server/i

const COMMAND_STAGES: Record<SmtpCommand, StageId> = {
  CONNECT: "greeting",
  EHLO: "ehlo",
  STARTTLS: "tls",
  AUTH: "auth",
  "MAIL FROM": "mail",
  "RCPT TO": "rcpt",
  DATA: "data",
}

/** The stage a reply ended: from the command the text names, else from the reply when obvious. */
export function inferStage(reply: ExtractedReply): StageId {
  if (reply.command) return COMMAND_STAGES[reply.command]
  if (
    reply.code === 535 ||
    reply.code === 534 ||
    reply.enhanced === "5.7.139" ||
    /Authentication unsuccessful/i.test(reply.text)
  ) {
    return "auth"
  }
  if (reply.code === 530 || reply.enhanced === "5.7.57") return "mail"
  if (/\bRecipient|\b5\.1\.10\b/i.test(reply.text)) return "rcpt"
  return "data"
}

function toFacts(reply: ExtractedReply): FailureFacts {
  return {
    stage: inferStage(reply),
    code: "EPASTED",
    reply: reply.text,
    ...(reply.code !== undefined ? { responseCode: reply.code } : {}),
    message: `Reply pasted on the diagnose page (line ${reply.line})`,
  }
}

function diagnose(reply: ExtractedReply, context: DiagnosisContext): Diagnosis {
  const diagnosis = classify(toFacts(reply), context)
  // The fallback's headline speaks of a test; nothing was tested here.
  if (
    diagnosis.id !== FALLBACK_ENTRY.id ||
    !diagnosis.headline.startsWith(FALLBACK_ENTRY.headline)
  ) {
    return diagnosis
  }
  return {
    ...diagnosis,
    headline: UNRECOGNISED_HEADLINE + diagnosis.headline.slice(FALLBACK_ENTRY.headline.length),
  }
}

/**
 * An address: up to 64 characters before the @, where a ' may join two runs of the others
 * (o'brien@contoso.com, valid in SMTP) but not open or close the local part, so an address a log
 * wraps in single quotes ('user@contoso.com', Python's {'user@contoso.com': ...}) is read without
 * them. It starts neither inside a run nor just after a ' that joins one.
 */
const EMAIL_SOURCE = String.raw`(?<![\w.%+-])(?<![\w.%+-]')(?=[\w.%+'-]{1,64}@)[\w.%+-]+(?:'[\w.%+-]+)*@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})+`
const EMAIL = new RegExp(EMAIL_SOURCE, "gi")
/** Exchange's 5.2.252: "SendAsDenied; <mailbox> not allowed to send as <from>". */
const SEND_AS_DENIED = new RegExp(
  String.raw`SendAsDenied;\s{0,5}(${EMAIL_SOURCE})\s{1,5}not allowed to send as\s{1,5}(${EMAIL_SOURCE})`,
  "i"
)
/**
 * Labels before an address, tested on the 60 characters that precede it. Exim logs a failed
 * recipient after "**" and a deferred one after "==".
 */
const RECIPIENT_LABEL =
  /(?:RCPT TO:\s*<?|(?:^|[^a-z])to=<?|\bTo:[^<\n]{0,60}<|\b(?:To|Cc):\s*|\bto["']?\s*[:=]\s*["']?|Recipient:\s*(?:rfc822;\s*)?<?|message to\s+|\bmail to\s+<?|\bfor\s+<?|sent to\s+|(?:^|\s)(?:\*\*|==)\s+<?)$/i
const USER_LABEL =
  /(?:(?:^|[^a-z])(?:user(?:name)?|login)["']?\s*[:=]\s*["']?|\bUser\s+"|\blogin\(\s*["']|sasl_username=|\bauthenticated as\s+<?)$/i
const FROM_LABEL =
  /(?:MAIL FROM:\s*<?|(?:^|[^a-z])from=<?|\bFrom:[^<\n]{0,60}<|\bFrom:\s*|\bReturn-Path:\s*<?|\bSender:\s*<?|setFrom\(\s*["']|-From\s+["']?|\bfrom["']?\s*[:=]\s*["']?|\bfrom["']?\s*[:=][^<\n]{0,60}<)$/i
/** Python's SMTPRecipientsRefused: {'nobody@contoso.com': (550, b'...')}. */
const PYTHON_RECIPIENT = /^['"]\s*:\s*\(\s*\d{3}/
const MESSAGE_ID_LABEL = /(?:message-id|in-reply-to|references)\s*[=:]\s*<?$/i
/** Addresses that never send the mail being diagnosed: the bounce's own sender. */
const SYSTEM_ADDRESS = /^(?:postmaster|mailer-daemon|double-bounce|MicrosoftExchange[0-9a-f]{32})@/i
const NDR_TEXT =
  /Remote Server returned|Diagnostic information for administrators|Delivery has failed|couldn't be delivered/i
const MAX_ADDRESSES = 500
const MX_HOST = /(?<![\w.-])[a-z0-9-]{1,63}\.mail\.protection\.outlook\.com\b/i

/**
 * The addresses a text names, for filling in fix steps. The sign-in mailbox: the user of a
 * SendAsDenied reply, else a sign-in label (user:, Username =, login(...)), else a From label, else
 * the first address that is not a recipient; a placeholder when there is none. The recipient: the
 * first address a recipient label (To:, RCPT TO, Final-Recipient, "message to") names.
 */
export function pasteContext(text: string): PasteContext & { host: string; port: number } {
  const mx = MX_HOST.exec(text)
  const where = mx
    ? { host: mx[0].toLowerCase(), port: 25 }
    : { host: "smtp.office365.com", port: 587 }

  const isNdr = NDR_TEXT.test(text)
  let user: string | undefined
  let from: string | undefined
  let to: string | undefined
  let other: string | undefined
  let inspected = 0
  EMAIL.lastIndex = 0
  for (let found = EMAIL.exec(text); found; found = EMAIL.exec(text)) {
    const address = found[0]
    const end = found.index + address.length
    const before = text.slice(Math.max(0, found.index - 60), found.index)
    const after = text.slice(end, end + 60)
    // Bounded look-arounds only: a huge one-line paste must not make this quadratic.
    const aloneOnLine =
      (/\n[ \t]*$/.test(before) || (found.index <= 60 && /^[ \t]*$/.test(before))) &&
      /^[ \t]*(?:\r?\n|$)/.test(after)
    if (SYSTEM_ADDRESS.test(address) || MESSAGE_ID_LABEL.test(before)) {
      // Neither the sender nor the recipient of the mail being diagnosed.
    } else if (
      RECIPIENT_LABEL.test(before) ||
      PYTHON_RECIPIENT.test(after) ||
      (isNdr && aloneOnLine)
    ) {
      to ??= address
    } else if (USER_LABEL.test(before)) {
      user ??= address
    } else if (FROM_LABEL.test(before)) {
      from ??= address
    } else {
      other ??= address
    }
    if ((user && from && to) || ++inspected >= MAX_ADDRESSES) break
  }

  const sendAs = SEND_AS_DENIED.exec(text)
  const mailbox = sendAs?.[1] ?? user ?? from ?? other
  const sender = sendAs?.[2] ?? from ?? mailbox
  return {
    mailbox: mailbox ?? PLACEHOLDER_MAILBOX,
    from: sender ?? PLACEHOLDER_MAILBOX,
    ...(to ? { to } : {}),
    mailboxFound: mailbox !== undefined,
    ...where,
  }
}

/**
 * Finds the SMTP replies in pasted text and explains each error reply with the same catalog as a
 * test, its steps filled in with the addresses the text names. Pure: sends nothing, keeps nothing.
 */
export function diagnoseText(pasted: string): TextDiagnosis {
  const text = typeof pasted === "string" ? pasted.slice(0, PASTE_MAX_LENGTH) : ""
  const replies = extractReplies(text)
  if (!replies.length) {
    const hints: string[] = [...NO_REPLY_HINTS]
    if (CONNECTION_ERROR.test(text)) hints.unshift(CONNECTION_ERROR_HINT)
    return { outcome: "no-replies", hints }
  }
  const errors = replies.filter((reply) => /^[45]/.test(String(reply.code ?? reply.enhanced)))
  if (!errors.length) return { outcome: "no-errors", replies, hints: [...NO_ERROR_HINTS] }

  const { host, port, ...context } = pasteContext(text)
  const classifyContext: DiagnosisContext = { ...context, host, port }
  // A Send As refusal is about two addresses: when the text names one, the mailbox is unknown.
  const sendAsContext: DiagnosisContext =
    context.mailbox === context.from
      ? { ...classifyContext, mailbox: PLACEHOLDER_SIGNED_IN_MAILBOX }
      : classifyContext
  return {
    outcome: "errors",
    replies: errors.map((reply) => {
      const diagnosis = diagnose(reply, classifyContext)
      return {
        reply,
        diagnosis: SEND_AS_DIAGNOSES.has(diagnosis.id) ? diagnose(reply, sendAsContext) : diagnosis,
      }
    }),
    context,
  }
}
