import { PASTE_MAX_LENGTH } from "@/lib/schemas/paste"
import type { Diagnosis, DiagnosisSource, FailureFacts, StageId } from "@/lib/smtp/types"
import { CATALOG, FALLBACK_ENTRY, SEND_AS_DIAGNOSES } from "./catalog"
import type { CatalogEntry } from "./catalog-entry"
import { classify, genericReading, type DiagnosisContext } from "./classify"
import { extractReplies, type ExtractedReply, type SmtpCommand } from "./extract-replies"
import { OAUTH_CATALOG } from "./oauth-catalog"
import { otherProviderIn, otherProviderOfReply, type OtherProvider } from "./other-providers"
import { findClientFailure, findTokenErrors, type PastedFailure } from "./pasted-failures"
import { PLACEHOLDER_MAILBOX, PLACEHOLDER_SIGNED_IN_MAILBOX } from "./placeholders"
import { programIn, type SendingProgram } from "./programs"

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
  /** The program that printed the text, when it names one: the fix speaks to its settings. */
  program?: string
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

/** The catalog entry each diagnosis comes from, for what the diagnosis itself does not carry. */
const ENTRIES: ReadonlyMap<string, CatalogEntry> = new Map(
  CATALOG.map((entry) => [entry.id, entry])
)
/** The identity platform's errors: a line that holds one is the token endpoint's answer. */
const TOKEN_DIAGNOSES: ReadonlySet<string> = new Set(
  OAUTH_CATALOG.filter((entry) => entry.side === "server" && !entry.match.enhanced).map(
    (entry) => entry.id
  )
)
/**
 * The words of every entry whose words alone tell (CatalogEntry.match.textAlone), in one pattern:
 * a line without codes is only classified when it holds one of them.
 */
const TEXT_ALONE = new RegExp(
  CATALOG.flatMap((entry) =>
    entry.match.textAlone && entry.match.text ? [`(?:${entry.match.text.source})`] : []
  ).join("|"),
  "i"
)
const MAX_BARE_REPLIES = 20
const MAX_LINE = 1_000

/** The fallback's headline speaks of a test; nothing was tested here. */
function pasted(diagnosis: Diagnosis): Diagnosis {
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

function withoutDuplicates(sources: readonly DiagnosisSource[]): DiagnosisSource[] {
  const seen = new Set<string>()
  return sources.filter((source) => !seen.has(source.url) && seen.add(source.url))
}

/**
 * When the text names the program that sent, and the failure is one of its settings, that
 * program's own words for the setting come first in the fix (programs.ts).
 */
function inTermsOf(diagnosis: Diagnosis, program: SendingProgram | undefined): Diagnosis {
  const settings = ENTRIES.get(diagnosis.id)?.programSettings ?? []
  const steps = program
    ? settings.flatMap((setting) => {
        const words = program.settings[setting]
        return words ? [`${program.name}: ${words}`] : []
      })
    : []
  if (!program || !steps.length) return diagnosis
  return {
    ...diagnosis,
    fix: [...steps, ...diagnosis.fix],
    sources: withoutDuplicates([...diagnosis.sources, ...program.sources]),
  }
}

/**
 * The diagnosis of one failure: the catalog's, in the terms of the program that printed it; only
 * the reading of its codes when the reply is another provider's, which gets no Microsoft 365 fix.
 */
function diagnose(
  facts: FailureFacts,
  context: DiagnosisContext,
  program: SendingProgram | undefined
): Diagnosis {
  const provider = facts.reply ? otherProviderOfReply(facts.reply) : undefined
  if (provider) return otherProviderReading(facts, provider)
  return inTermsOf(pasted(classify(facts, context)), program)
}

/**
 * Another provider's reply: what its codes say (RFC 3463), with that provider named and without
 * the steps that point to Microsoft 365's own references.
 */
function otherProviderReading(facts: FailureFacts, provider: OtherProvider): Diagnosis {
  const reading = pasted(genericReading(facts))
  return {
    ...reading,
    headline: `A reply from ${provider.name}, not from Microsoft 365`,
    fix: [
      ...(reading.retry ? ["Try again later: a temporary refusal can clear by itself."] : []),
      `Look the reply up in ${provider.name}'s documentation, or ask its support: smtp365 explains Microsoft 365's replies only.`,
    ],
    sources: reading.sources.filter((source) => /rfc-editor\.org/.test(source.url)),
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
/** Microsoft's submission endpoints, as a setup or a log names them. */
const SUBMISSION_HOST =
  /\b(?:smtp(?:-hve|-legacy|-mail)?\.office365\.com|smtp\.hve\.mx\.microsoft|smtp-mail\.outlook\.com|outlook\.office365\.com|smtp\.azurecomm\.net)\b/i
/**
 * The port a log or a setup names: "port: 587", "$mail->Port = 587", ":port => 587",
 * "smtp_port: 25", "port 587", and "host:587" after a name or an IP address.
 */
const PORT =
  /(?<![a-z])port['"]?\s*(?:[:=]>?)?\s*['"]?(\d{2,5})\b|(?:[a-z0-9-]\.[a-z]{2,}|\d{1,3}(?:\.\d{1,3}){3}):(\d{2,5})\b/i
/** An app's ID in the identity platform's errors, when it is one (not a placeholder). */
const CLIENT_ID =
  /\bfor app '([0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})'|application with (?:identifier|ID) '([0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})'/i
/** The tenant a token request went to, when it is an ID or a domain (not common, organizations). */
const TENANT =
  /login\.microsoftonline\.com\/([0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}|[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})+)\/oauth2/i

/** Where the text says it sent: the host and port it names, else Microsoft 365's defaults. */
function endpointIn(text: string): { host: string; port: number } {
  const mx = MX_HOST.exec(text)
  const host = mx?.[0] ?? SUBMISSION_HOST.exec(text)?.[0] ?? "smtp.office365.com"
  const named = PORT.exec(text)
  const port = Number(named?.[1] ?? named?.[2] ?? (mx ? 25 : 587))
  return { host: host.toLowerCase(), port: port > 0 && port < 65536 ? port : 587 }
}

/**
 * The addresses a text names, for filling in fix steps. The sign-in mailbox: the user of a
 * SendAsDenied reply, else a sign-in label (user:, Username =, login(...)), else a From label, else
 * the first address that is not a recipient; a placeholder when there is none. The recipient: the
 * first address a recipient label (To:, RCPT TO, Final-Recipient, "message to") names.
 */
export function pasteContext(
  text: string
): PasteContext & { host: string; port: number; tenant?: string; clientId?: string } {
  const where = endpointIn(text)
  const clientId = CLIENT_ID.exec(text)
  const tenant = TENANT.exec(text)?.[1]
  const program = programIn(text)?.name

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
    ...(program ? { program } : {}),
    ...where,
    ...(clientId ? { clientId: clientId[1] ?? clientId[2] } : {}),
    ...(tenant ? { tenant } : {}),
  }
}

function isError(reply: ExtractedReply) {
  return /^[45]/.test(String(reply.code ?? reply.enhanced))
}

/**
 * Replies pasted without any code ("Invalid login: Mailbox cannot be accessed", a quoted
 * "STOREDRV.Submission.Exception:SendAsDeniedException..."): a line is one when the words of an
 * entry whose words alone tell (textAlone) are on it. Once per distinct line.
 */
function findBareReplies(lines: readonly string[]): ExtractedReply[] {
  const found = new Map<string, ExtractedReply>()
  for (let index = 0; index < lines.length && found.size < MAX_BARE_REPLIES; index++) {
    const line = (lines[index] ?? "").slice(0, MAX_LINE)
    if (line.length < 12 || !TEXT_ALONE.test(line)) continue
    // What a log, a quote or Markdown puts before the words.
    const text = line.replace(/^[\s>*#`"'-]+/, "").trimEnd()
    if (!found.has(text)) found.set(text, { text, line: index + 1 })
  }
  return [...found.values()]
}

/**
 * Finds the SMTP replies in pasted text and explains each error reply with the same catalog as a
 * test, its steps filled in with the addresses the text names and put in the terms of the program
 * it names. The identity platform's errors (AADSTS) are explained as the OAuth test explains them;
 * a reply pasted without codes, when its words alone tell; a client's own error (a refused
 * connection, a TLS failure), when nothing else is there. Pure: sends nothing, keeps nothing.
 */
export function diagnoseText(pasted: string): TextDiagnosis {
  const text = typeof pasted === "string" ? pasted.slice(0, PASTE_MAX_LENGTH) : ""
  const replies = extractReplies(text)
  const errors = replies.filter(isError)

  const { host, port, tenant, clientId, ...context } = pasteContext(text)
  const program = programIn(text)
  const classifyContext: DiagnosisContext = {
    mailbox: context.mailbox,
    from: context.from,
    ...(context.to ? { to: context.to } : {}),
    host,
    port,
    ...(tenant ? { tenant } : {}),
    ...(clientId ? { clientId } : {}),
  }
  // A Send As refusal is about two addresses: when the text names one, the mailbox is unknown.
  const sendAsContext: DiagnosisContext =
    context.mailbox === context.from
      ? { ...classifyContext, mailbox: PLACEHOLDER_SIGNED_IN_MAILBOX }
      : classifyContext
  const explain = (facts: FailureFacts, where: DiagnosisContext = classifyContext) => {
    const diagnosis = diagnose(facts, where, program)
    return SEND_AS_DIAGNOSES.has(diagnosis.id) && where !== sendAsContext
      ? diagnose(facts, sendAsContext, program)
      : diagnosis
  }
  const fromFailure = (failure: PastedFailure, origin: ExtractedReply["origin"]) => ({
    text: failure.text,
    line: failure.line,
    ...(origin ? { origin } : {}),
  })

  const found: DiagnosedReply[] = [
    ...errors.map((reply) => ({ reply, diagnosis: explain(toFacts(reply)) })),
    ...findTokenErrors(text).map((failure) => ({
      reply: fromFailure(failure, "token"),
      diagnosis: explain(failure.facts),
    })),
  ]
  // Without any coded error reply, a reply may be there without its codes.
  if (!errors.length) {
    for (const reply of findBareReplies(text.split(/\r\n|\r|\n/))) {
      if (found.some((entry) => entry.reply.line === reply.line)) continue
      const diagnosis = explain(toFacts(reply))
      if (!ENTRIES.get(diagnosis.id)?.match.textAlone) continue
      const origin = TOKEN_DIAGNOSES.has(diagnosis.id) ? "token" : undefined
      found.push({ reply: { ...reply, ...(origin ? { origin } : {}) }, diagnosis })
    }
  }
  // Nothing the server or the identity platform said: perhaps the client failed before a reply.
  const client = found.length ? undefined : findClientFailure(text)
  if (client) {
    const other = otherProviderIn(text)
    found.push({
      reply: fromFailure(client, "client"),
      diagnosis: other
        ? diagnose(
            // Only that it is another provider's: its cause would pick a Microsoft 365 reading.
            { stage: client.facts.stage, code: "EOTHERPROVIDER", message: client.facts.message },
            { ...classifyContext, host: other.name },
            undefined
          )
        : explain(client.facts),
    })
  }

  if (!found.length) {
    if (replies.length) return { outcome: "no-errors", replies, hints: [...NO_ERROR_HINTS] }
    const hints: string[] = [...NO_REPLY_HINTS]
    if (CONNECTION_ERROR.test(text)) hints.unshift(CONNECTION_ERROR_HINT)
    return { outcome: "no-replies", hints }
  }
  return {
    outcome: "errors",
    replies: found.sort((a, b) => a.reply.line - b.reply.line),
    context,
  }
}
