import { tlsFailureCause } from "@/lib/smtp/tls-errors"
import type { FailureFacts } from "@/lib/smtp/types"

/**
 * Failures in pasted text that are not SMTP replies: the Microsoft identity platform's AADSTS
 * errors (an app asking for an OAuth token, before any SMTP), and the errors a client raises when
 * it gets no reply at all (a refused or timed-out connection, a name that does not resolve, TLS).
 * Each is read into the same facts a test of the wizard produces, so that the catalog explains it
 * the same way. Every pattern is linear: literal alternations, bounded repetition.
 */

/** What a failure was found as, and where. */
export interface PastedFailure {
  /** The words that show it, as the text has them (cut to a line). */
  text: string
  /** The line of the pasted text, from 1. */
  line: number
  facts: FailureFacts
}

const MAX_TOKEN_ERRORS = 10
const MAX_SHOWN = 500

/** "AADSTS7000215: Invalid client secret provided. ..." */
const AADSTS = /AADSTS(\d{4,8})\b/g
/**
 * Where an AADSTS message ends in the logs that carry it: an escaped line break or the end of a
 * JSON string in a token endpoint's answer, "Trace ID" after it, or a truncation mark.
 */
const AADSTS_END = /\\r\\n|\\n|",\s*"|"\s*}|\s+Trace ID\b| \(truncated/

function lineStarts(text: string): number[] {
  const starts = [0]
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) starts.push(at + 1)
  return starts
}

/** The 1-based line holding `index`, by binary search over the line starts. */
function lineAt(starts: readonly number[], index: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if ((starts[mid] ?? 0) <= index) low = mid
    else high = mid - 1
  }
  return low + 1
}

/** The AADSTS errors a text holds, once per code, each up to the end of its message. */
export function findTokenErrors(text: string): PastedFailure[] {
  const starts = lineStarts(text)
  const seen = new Set<string>()
  const found: PastedFailure[] = []
  AADSTS.lastIndex = 0
  for (let match = AADSTS.exec(text); match; match = AADSTS.exec(text)) {
    const code = match[1] ?? ""
    if (seen.has(code)) continue
    seen.add(code)
    const lineEnd = text.indexOf("\n", match.index)
    const window = text.slice(match.index, lineEnd === -1 ? undefined : lineEnd).slice(0, MAX_SHOWN)
    const end = window.search(AADSTS_END)
    const message = (end === -1 ? window : window.slice(0, end)).replace(/[\s"'`]+$/, "")
    found.push({
      text: message,
      line: lineAt(starts, match.index),
      facts: {
        stage: "token",
        code: "EPASTED",
        reply: message,
        message: "Identity platform error pasted on the diagnose page",
      },
    })
    if (found.length >= MAX_TOKEN_ERRORS) break
  }
  return found
}

type ClientFacts = Pick<FailureFacts, "code" | "cause" | "stage">

/**
 * How clients word a failure before any reply, across Node, PHP, Python, .NET, Java, Go, OpenSSL
 * and curl, most specific first: a TLS failure's log also says "ESOCKET", and a MailKit handshake
 * error names the port. Certificate wordings are the SMTP engine's own (tlsFailureCause).
 */
const CLIENT_FAILURES: ReadonlyArray<readonly [RegExp, ClientFacts]> = [
  [
    /No compatible authentication mechanisms found|No authentication mechan[ia]sms supported by both server and client/i,
    { code: "ENOAUTHMECH", stage: "auth" },
  ],
  [
    /wrong version number|WRONG_VERSION_NUMBER|packet length too long|first record does not look like a TLS handshake|connect to a port which does not support SSL\/TLS|handshake failed due to an unexpected packet format/i,
    { code: "ETLS", cause: "ERR_SSL_WRONG_VERSION_NUMBER", stage: "tls" },
  ],
  [
    /No appropriate protocol|protocol is disabled or cipher suites are inappropriate|unsupported protocol|failed to receive handshake|tlsv1 alert protocol version|SSL\/TLS connection failed/i,
    { code: "ETLS", cause: "CLIENT_TLS_HANDSHAKE", stage: "tls" },
  ],
  [
    /PKIX path building failed|unable to find valid certification path|remote certificate is invalid according to the validation procedure/i,
    { code: "ETLS", cause: "UNABLE_TO_GET_ISSUER_CERT_LOCALLY", stage: "tls" },
  ],
  [/Greeting never received/i, { code: "ETIMEDOUT", cause: "GREETING_TIMEOUT", stage: "greeting" }],
  [
    /ECONNREFUSED|Connection refused|actively refused|\[Errno 111\]|\bWSAECONNREFUSED\b|\b10061\b/i,
    { code: "ESOCKET", cause: "ECONNREFUSED", stage: "connect" },
  ],
  [
    /ENETUNREACH|EHOSTUNREACH|Network is unreachable|No route to host|\[Errno 10[13]\]/i,
    { code: "ESOCKET", cause: "ENETUNREACH", stage: "connect" },
  ],
  [
    /forbidden by its access permissions|\(10013\)/i,
    { code: "ESOCKET", cause: "EACCES", stage: "connect" },
  ],
  [
    /ENOTFOUND|EAI_AGAIN|getaddrinfo|Name or service not known|No such host is known|nodename nor servname|Temporary failure in name resolution|UnknownHostException|Could not resolve host|no such host\b/i,
    { code: "EDNS", stage: "resolve" },
  ],
  [
    /ETIMEDOUT|Connection timed? ?out|timed out|\(110\)|\[Errno 110\]|did not properly respond after a period of time|SocketTimeoutException|i\/o timeout|\b10060\b/i,
    { code: "ETIMEDOUT", cause: "CONNECT_TIMEOUT", stage: "connect" },
  ],
  [
    /ECONNRESET|forcibly closed by the remote host|Connection reset by peer|\[Errno 104\]|\b10054\b|socket hang up|Unexpected socket close/i,
    { code: "ECONNECTION", stage: "ehlo" },
  ],
]

/**
 * The failure a client reported before or instead of a reply, if the text shows one: the first
 * kind of CLIENT_FAILURES that matches anywhere, then a certificate failure in the SMTP engine's
 * own terms. Found on its line, which is shown as the text's own words.
 */
export function findClientFailure(text: string): PastedFailure | undefined {
  for (const [pattern, facts] of CLIENT_FAILURES) {
    const match = pattern.exec(text)
    if (match) return failureAt(text, match.index, facts)
  }
  const cause = tlsFailureCause(text)
  if (!cause) return undefined
  const facts: ClientFacts = { code: "ETLS", cause, stage: "tls" }
  const index = text.search(/certificate|altnames|self[- ]signed|issuer/i)
  return failureAt(text, Math.max(0, index), facts)
}

function failureAt(text: string, index: number, facts: ClientFacts): PastedFailure {
  const start = text.lastIndexOf("\n", index) + 1
  const end = text.indexOf("\n", index)
  const line = text
    .slice(start, end === -1 ? undefined : end)
    .trim()
    .slice(0, MAX_SHOWN)
  return {
    text: line,
    line: lineAt(lineStarts(text.slice(0, index + 1)), index),
    facts: { ...facts, message: "Client error pasted on the diagnose page" },
  }
}
