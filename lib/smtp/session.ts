import "server-only"

import net from "node:net"
import tls from "node:tls"
import { format } from "node:util"
import SMTPConnection, { type SMTPConnectionAuth } from "nodemailer/lib/smtp-connection"

import type { SecurityMode } from "@/lib/schemas/setup-fields"
import { REDACTED } from "./redact"
import { clip } from "./result-size"
import type { StageTracker } from "./stage-tracker"
import { composeTestMessage, type TestMessageInput } from "./test-message"
import { tlsFailureCause } from "./tls-errors"
import type { Transcript } from "./transcript"
import type { FailureFacts, StageId, TlsDetails } from "./types"

export interface SessionTarget {
  /** The address to connect to, already resolved and checked by the host guard. */
  address: string
  port: number
  security: SecurityMode
  /**
   * The name the server certificate must match (and the SNI name); absent when the user typed an
   * IP address, which the certificate must then list as an IP address (`address`).
   */
  servername?: string
  /** A CA trusted for this connection only (the practice simulator's). */
  ca?: string
  /**
   * How the stages and the transcript name the server, where its address would mislead (the
   * practice simulator's loopback address is not the server's); absent: address:port.
   */
  label?: string
}

/** A password (AUTH LOGIN), or an OAuth access token (AUTH XOAUTH2). */
export type SessionAuth = { user: string; pass: string } | { user: string; accessToken: string }

export interface SessionRequest {
  target: SessionTarget
  auth?: SessionAuth
  envelope: { from: string; to: string }
  /** Composed in the session, while it connects: off the web server's thread when on its own. */
  message: TestMessageInput
  timeouts: SessionTimeouts
}

export interface SessionTimeouts {
  /** Connecting, the TLS handshake, the greeting and each reply. */
  stepMs: number
  /** The whole session, from connect to the reply to DATA. */
  totalMs: number
}

export interface SessionEnd {
  ok: boolean
  tls: TlsDetails | null
  response?: string
  /** The Message-ID of the message sent. */
  messageId?: string
  failure?: FailureFacts
}

/** Error codes of our own, for failures that happen before or around nodemailer. */
class SessionError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly cause?: string
  ) {
    super(message)
  }
}

/**
 * Runs one SMTP conversation as explicit stages (connect, TLS, greeting, EHLO, AUTH, MAIL FROM,
 * RCPT TO, DATA), reporting each through the tracker and every line through the transcript as it
 * happens. The socket is opened here, to the checked address, so nothing resolves the name again;
 * nodemailer's SMTPConnection speaks the protocol. Credentials are only sent over TLS.
 */
export async function runSession(
  request: SessionRequest,
  tracker: StageTracker,
  transcript: Transcript
): Promise<SessionEnd> {
  const { target, timeouts } = request
  let socket: net.Socket | undefined
  let connection: SMTPConnection | undefined
  let tlsDetails: TlsDetails | null = null
  let totalTimer: NodeJS.Timeout | undefined
  // The server's certificate as Node's own check of its name had it: asked for again, Node decodes
  // it anew, with three fingerprints (the cost: bench/results.md).
  let peerCertificate: tls.PeerCertificate | undefined
  const tlsConnect = tlsOptions(target, (certificate) => (peerCertificate = certificate))

  const overall = new Promise<never>((_, reject) => {
    totalTimer = setTimeout(
      () =>
        reject(
          new SessionError(
            `The test took longer than ${Math.round(timeouts.totalMs / 1000)} s and was stopped`,
            "ETOTAL"
          )
        ),
      timeouts.totalMs
    )
  })

  const conversation = async () => {
    const message = composeTestMessage(request.message)
    // Waited for at DATA; a session that ends sooner drops it.
    message.catch(() => {})
    tracker.begin("connect", endpointName(target))
    socket = await openSocket(target, timeouts.stepMs)
    tracker.pass("connect")
    transcript.add("info", `Connected to ${endpointName(target)}`)

    if (target.security === "tls") {
      tracker.begin("tls", "Implicit TLS")
      socket = await startImplicitTls(socket, tlsConnect, target, timeouts.stepMs)
      tlsDetails = describeTls(socket as tls.TLSSocket, peerCertificate)
      tracker.pass("tls", { detail: `Implicit TLS · ${tlsSummary(tlsDetails)}` })
      transcript.add("info", `TLS established (${tlsSummary(tlsDetails)})`)
    }

    const protocol = new ProtocolObserver(tracker, transcript)
    connection = new SMTPConnection({
      connection: socket,
      secure: target.security === "tls",
      secured: target.security === "tls",
      requireTLS: target.security === "starttls",
      ignoreTLS: target.security === "none",
      // Without a host, nodemailer takes "localhost" for the server's name, and STARTTLS would
      // check the certificate against it: the certificate must name the address typed instead.
      host: target.address,
      ...(target.servername ? { servername: target.servername } : {}),
      tls: tlsConnect,
      greetingTimeout: timeouts.stepMs,
      connectionTimeout: timeouts.stepMs,
      socketTimeout: timeouts.stepMs,
      socketCloseTimeout: 0,
      transactionLog: true,
      logger: protocol.logger,
    })
    const conn = connection
    // SMTPConnection reports a dropped or silent connection as an 'error' event, not always through
    // the callback of the command in flight: every step below also ends when one is emitted.
    const broken = new Promise<never>((_, reject) => conn.once("error", reject))
    broken.catch(() => {})
    const step = <T>(work: (done: (err: Error | null, value?: T) => void) => void) =>
      Promise.race([
        new Promise<T>((resolve, reject) =>
          work((err, value) => (err ? reject(err) : resolve(value as T)))
        ),
        broken,
      ])

    tracker.begin("greeting")
    await step<void>((done) => conn.connect((err) => done(err ?? null)))

    if (target.security === "starttls") {
      tlsDetails = describeTls(liveSocket(conn), peerCertificate)
      tracker.describe("tls", `STARTTLS · ${tlsSummary(tlsDetails)}`)
    } else if (target.security === "none") {
      tracker.skip("tls", "Security is None: the connection stays unencrypted")
    }

    if (request.auth) {
      if (!conn.secure) {
        tracker.begin("auth")
        tracker.fail("auth", { detail: "Not sent: the connection is not encrypted" })
        throw new SessionError(
          "Credentials are never sent over an unencrypted connection; the test stopped before AUTH",
          "ENOTLS"
        )
      }
      const auth = request.auth
      await step<unknown>((done) => conn.login(loginOptions(auth), done))
      tracker.pass("auth")
    } else {
      tracker.skip("auth", "No sign-in: Direct Send and relay send without credentials")
    }

    const { raw, messageId } = await message
    const info = await step<{ response: string }>((done) =>
      conn.send({ from: request.envelope.from, to: [request.envelope.to] }, raw, done)
    )
    tracker.pass("data", { reply: info.response })
    conn.quit()
    return { response: info.response, messageId }
  }

  try {
    const sent = await Promise.race([conversation(), overall])
    return { ok: true, tls: tlsDetails, ...sent }
  } catch (error) {
    return { ok: false, tls: tlsDetails, failure: describeFailure(error, tracker) }
  } finally {
    clearTimeout(totalTimer)
    connection?.close()
    socket?.destroy()
  }
}

/**
 * nodemailer's login options. For a token, a minimal token provider in place of its XOAuth2 class:
 * it hands over the token already fetched and builds the SASL string the way nodemailer does
 * ("user=…^Aauth=Bearer …^A^A", SOURCES.oauth); it never fetches or refreshes one.
 */
function loginOptions(auth: SessionAuth): SMTPConnectionAuth {
  if ("pass" in auth) return { user: auth.user, pass: auth.pass }
  const provider = {
    getToken: (_renew: boolean, callback: (err: Error | null, token?: string) => void) =>
      callback(null, auth.accessToken),
    buildXOAuth2Token: (token?: string) =>
      Buffer.from(
        `user=${auth.user}\x01auth=Bearer ${token ?? auth.accessToken}\x01\x01`,
        "utf8"
      ).toString("base64"),
  }
  return {
    user: auth.user,
    method: "XOAUTH2",
    oauth2: provider as unknown as SMTPConnectionAuth["oauth2"],
  }
}

/**
 * One TLS context per trusted CA set (the system's, or the practice CA), made once: building one
 * loads the whole root store, which took a tenth of a test's CPU when each connection made its own.
 */
const secureContexts = new Map<string, tls.SecureContext>()

function secureContext(ca: string | undefined): tls.SecureContext {
  const key = ca ?? ""
  let context = secureContexts.get(key)
  if (!context) {
    // Microsoft 365 requires TLS 1.2 or later (SOURCES.mfd); never offer less.
    context = tls.createSecureContext({ minVersion: "TLSv1.2", ...(ca ? { ca } : {}) })
    secureContexts.set(key, context)
  }
  return context
}

/**
 * Makes the system CAs' TLS context ahead of the first test (the session thread does at start), so
 * that the first test doesn't load the root store.
 */
export function prepareSystemTlsContext(): void {
  secureContext(undefined)
}

/**
 * The certificate is checked against `servername` when there is one, and otherwise against `host`:
 * the address typed, whose certificate must list it (an IP address is never sent as SNI). Left
 * out, both Node and nodemailer fall back to "localhost". Node's own check of the name runs as
 * ever; `onChecked` is handed the certificate it was given, once the chain has been verified.
 */
function tlsOptions(
  target: SessionTarget,
  onChecked: (certificate: tls.PeerCertificate) => void
): tls.ConnectionOptions {
  return {
    secureContext: secureContext(target.ca),
    rejectUnauthorized: true,
    host: target.address,
    ...(target.servername ? { servername: target.servername } : {}),
    checkServerIdentity: (hostname, certificate) => {
      onChecked(certificate)
      return tls.checkServerIdentity(hostname, certificate)
    },
  }
}

/** The server as the stages and the transcript name it. */
function endpointName(target: SessionTarget): string {
  return target.label ?? `${target.address}:${target.port}`
}

function openSocket(target: SessionTarget, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: target.address, port: target.port })
    const timer = setTimeout(() => {
      socket.destroy()
      reject(
        new SessionError(
          `No answer from ${endpointName(target)} within ${timeoutMs / 1000} s`,
          "ETIMEDOUT",
          "CONNECT_TIMEOUT"
        )
      )
    }, timeoutMs)
    socket.once("connect", () => {
      clearTimeout(timer)
      socket.removeAllListeners("error")
      resolve(socket)
    })
    socket.once("error", (err: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      reject(new SessionError(err.message, "ESOCKET", err.code))
    })
  })
}

function startImplicitTls(
  socket: net.Socket,
  options: tls.ConnectionOptions,
  target: SessionTarget,
  timeoutMs: number
): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const secure = tls.connect({ socket, ...options })
    const timer = setTimeout(() => {
      secure.destroy()
      reject(new SessionError("The TLS handshake did not finish", "ETIMEDOUT", "TLS_TIMEOUT"))
    }, timeoutMs)
    secure.once("secureConnect", () => {
      clearTimeout(timer)
      secure.removeAllListeners("error")
      resolve(secure)
    })
    secure.once("error", (err: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      reject(new SessionError(err.message, "ETLS", err.code ?? tlsFailureCause(err.message)))
    })
  })
}

/** The socket SMTPConnection ended up on after STARTTLS (it replaces the plain one internally). */
function liveSocket(connection: SMTPConnection): tls.TLSSocket | undefined {
  const socket = (connection as unknown as { _socket?: unknown })._socket
  return socket instanceof tls.TLSSocket ? socket : undefined
}

/**
 * What the handshake agreed and the certificate the server showed: `checked`, the one Node's check
 * of its name was given, or else the socket's (a resumed session's is not checked again).
 */
function describeTls(
  socket: tls.TLSSocket | undefined,
  checked: tls.PeerCertificate | undefined
): TlsDetails | null {
  if (!socket) return null
  const cert = checked ?? socket.getPeerCertificate()
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)
  // The server chooses these too, as long as it likes: they are kept to the size of a reply.
  const subject = [first(cert?.subject?.CN), cert?.subjectaltname].filter(Boolean).join(" · ")
  const issuer = first(cert?.issuer?.CN) ?? first(cert?.issuer?.O)
  return {
    protocol: socket.getProtocol() ?? null,
    cipher: socket.getCipher()?.name ?? null,
    subject: subject ? clip(subject) : null,
    issuer: issuer ? clip(issuer) : null,
    validTo: cert?.valid_to ?? null,
  }
}

function tlsSummary(details: TlsDetails | null) {
  return details ? [details.protocol, details.cipher].filter(Boolean).join(", ") : "encrypted"
}

interface NodemailerError extends Error {
  code?: string
  response?: string
  responseCode?: number
  command?: string
}

/** The stage a nodemailer command name belongs to, for errors the transcript did not explain. */
const COMMAND_STAGES: Record<string, StageId> = {
  CONN: "greeting",
  EHLO: "ehlo",
  HELO: "ehlo",
  STARTTLS: "tls",
  "AUTH LOGIN": "auth",
  "AUTH PLAIN": "auth",
  "AUTH XOAUTH2": "auth",
  "MAIL FROM": "mail",
  "RCPT TO": "rcpt",
  DATA: "data",
}

function describeFailure(error: unknown, tracker: StageTracker): FailureFacts {
  const err = (error instanceof Error ? error : new Error(String(error))) as NodemailerError &
    Partial<SessionError>
  const code = err.code ?? "EUNKNOWN"
  const reply = err.response?.trim() || undefined
  const failedStage =
    tracker.list().find((stage) => stage.status === "failed")?.id ??
    tracker.failRunning(reply ? { reply } : { detail: shortReason(code) }) ??
    COMMAND_STAGES[err.command ?? ""] ??
    "connect"
  if (tracker.status(failedStage) !== "failed") tracker.fail(failedStage, reply ? { reply } : {})
  const cause =
    typeof err.cause === "string"
      ? err.cause
      : code === "ETLS" || code === "ESOCKET" || code === "ECONNECTION"
        ? tlsFailureCause(err.message)
        : code === "ETIMEDOUT" && failedStage === "greeting"
          ? // nodemailer's greeting and socket timers share the same length: either may fire first.
            "GREETING_TIMEOUT"
          : (err as { timeoutType?: string }).timeoutType
  return {
    stage: failedStage,
    code,
    ...(cause ? { cause } : {}),
    ...(reply ? { reply } : {}),
    ...(err.responseCode ? { responseCode: err.responseCode } : {}),
    message: err.message,
  }
}

function shortReason(code: string) {
  switch (code) {
    case "ETIMEDOUT":
    case "ETOTAL":
      return "No answer in time"
    case "ETLS":
      return "TLS failed"
    default:
      return "The connection failed"
  }
}

/**
 * Turns nodemailer's transaction log into stages and transcript lines. Each client command queues
 * the stage its reply will settle (PIPELINING sends MAIL, RCPT and DATA at once, so replies are
 * matched in order); the lines carrying credentials are recorded as placeholders.
 */
class ProtocolObserver {
  private readonly pending: Array<{ stage: StageId; command: string }> = []
  private upgrading = false
  private starttlsReply: string | undefined
  private credentialLines = 0

  constructor(
    private readonly tracker: StageTracker,
    private readonly transcript: Transcript
  ) {}

  readonly logger = {
    debug: (entry: { tnx?: string }, message: string, ...args: unknown[]) =>
      this.onLog(entry, format(message, ...args)),
    info: (entry: { tnx?: string }, message: string, ...args: unknown[]) =>
      this.onLog(entry, format(message, ...args)),
    // Errors reach the caller through callbacks; nothing else of nodemailer's logging is kept.
    trace: () => {},
    warn: () => {},
    error: () => {},
    fatal: () => {},
  }

  private onLog(entry: { tnx?: string }, text: string) {
    if (entry.tnx === "client") this.onClientLine(text)
    else if (entry.tnx === "server") this.onServerReply(text)
    else if (entry.tnx === "smtp" && text.startsWith("Connection upgraded with STARTTLS")) {
      this.transcript.add("info", "TLS established (STARTTLS)")
    }
  }

  private onClientLine(text: string) {
    const verb = text.split(" ", 1)[0]?.toUpperCase() ?? ""
    if (this.tracker.status("auth") === "running" && verb !== "AUTH") {
      // AUTH LOGIN continuation lines: the username, then the password, both base64.
      this.transcript.addCredential(this.credentialLines++ === 0 ? "username" : "password")
      this.pending.push({ stage: "auth", command: "AUTH-CONTINUE" })
      return
    }
    let stage: StageId | undefined
    if (verb === "EHLO" || verb === "HELO") stage = this.upgrading ? "tls" : "ehlo"
    else if (verb === "STARTTLS") {
      stage = "tls"
      this.upgrading = true
    } else if (verb === "AUTH") stage = "auth"
    else if (verb === "MAIL") stage = "mail"
    else if (verb === "RCPT") stage = "rcpt"
    else if (verb === "DATA") stage = "data"

    if (verb === "AUTH") {
      const [, mechanism, initial] = text.split(" ")
      this.transcript.add("client", initial ? `AUTH ${mechanism} ${REDACTED}` : text)
    } else {
      this.transcript.add("client", text)
    }
    if (stage) this.tracker.begin(stage, stage === "tls" ? "STARTTLS" : undefined)
    this.pending.push({ stage: stage ?? "data", command: verb })
  }

  private onServerReply(text: string) {
    this.transcript.add("server", text)
    const expected = this.pending.shift()
    const code = Number(text.slice(0, 3))
    const positive = code >= 200 && code < 400
    if (!expected) {
      // The greeting, or a reply nobody asked for (421 before closing).
      if (this.tracker.status("greeting") === "running") {
        if (code === 220) this.tracker.pass("greeting", { reply: text })
        else this.tracker.fail("greeting", { reply: text })
      }
      return
    }
    const { stage, command } = expected
    if (command === "QUIT") return
    if (!positive) {
      this.tracker.fail(stage, { reply: text })
      return
    }
    if (command === "STARTTLS") {
      // the handshake and the second EHLO finish the stage
      this.starttlsReply = text
      return
    }
    if (command === "AUTH" || command === "AUTH-CONTINUE") {
      if (code === 235) this.tracker.pass("auth", { reply: text })
      return
    }
    if (command === "DATA") {
      // The go-ahead: 354, or a 250 that nodemailer takes for one (some servers send it). DATA
      // ends with the reply to the message's final dot; taking this one for it left no stage
      // running, and a close that followed was blamed on the greeting.
      this.pending.unshift({ stage: "data", command: "MESSAGE" })
      return
    }
    if (stage === "tls") {
      this.upgrading = false
      this.tracker.pass("tls", { reply: this.starttlsReply ?? text })
      return
    }
    this.tracker.pass(stage, { reply: text })
  }
}
