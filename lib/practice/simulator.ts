// No "server-only" here: Playwright support code and vitest start the simulator outside Next.
// It is still Node-only (sockets), so only server code and tests may import it.
import net, { type AddressInfo } from "node:net"
import type tls from "node:tls"
import {
  SMTPServer,
  type SMTPServerAddress,
  type SMTPServerAuthentication,
  type SMTPServerAuthenticationResponse,
  type SMTPServerDataStream,
  type SMTPServerError,
  type SMTPServerSession,
} from "smtp-server"

import { domainOfAddress, localPartOfAddress } from "@/lib/email-address"
import {
  DEFAULT_PRACTICE_PASSWORD,
  MISSING_RECIPIENT_LOCAL_PART,
  PRACTICE_ACCOUNTS,
  PRACTICE_DOMAIN,
  PRACTICE_MX_SENDERS,
  SIMULATOR_REPLIES,
  type MxScenario,
  type PracticeMxSender,
} from "@/lib/practice/accounts"
import {
  createRoute,
  isSignedIn,
  type Refusal,
  type ReplyValues,
  type RouteId,
  type SignedInUser,
} from "@/lib/practice/routes"

/**
 * "submission" behaves like smtp.office365.com:587, "hve" like smtp.hve.mx.microsoft:587, "acs" like
 * smtp.azurecomm.net:587 (each with its own accounts, routes.ts), and "mx" like
 * contoso-com.mail.protection.outlook.com:25.
 */
export type SimulatorRole = "submission" | "hve" | "acs" | "mx"

/** The sign-in route each role stands in for; the MX endpoint has none. */
const ROUTES: Record<Exclude<SimulatorRole, "mx">, RouteId> = {
  submission: "smtp-auth",
  hve: "hve",
  acs: "acs",
}

export interface SimulatorOptions {
  role: SimulatorRole
  /** Key and certificate (PEM) presented after STARTTLS. */
  tls: { key: string; cert: string }
  /** Defaults to 127.0.0.1. */
  host?: string
  /** Defaults to 0: an ephemeral port, see `RunningSimulator.port`. */
  port?: number
  /** Password of every practice mailbox and HVE account; defaults to DEFAULT_PRACTICE_PASSWORD. */
  password?: string
  /** Defaults to [PRACTICE_DOMAIN]. */
  acceptedDomains?: string[]
  /** mx only: the client matches an inbound connector, so it may relay to any domain. */
  connector?: boolean
  /** mx only: Set-OrganizationConfig -RejectDirectSend $true. */
  rejectDirectSend?: boolean
  /** Name in the greeting and in `[host]` of replies; defaults to a name shaped like Microsoft's. */
  serverName?: string
  /** Accept TCP connections but never greet, for timeout tests. */
  silent?: boolean
  /**
   * false: no STARTTLS, and AUTH offered in plain text (what a firewall that strips STARTTLS
   * leaves of the submission endpoint). Defaults to true.
   */
  startTls?: boolean
  /** Close the connection in the middle of DATA, once the first part of the message arrives. */
  dropInData?: boolean
  /**
   * HS256 key of the practice identity server (identity-server.ts): AUTH XOAUTH2 accepts the tokens
   * it signs. Without it every token gets 535 5.7.3.
   */
  tokenKey?: string
  /**
   * Greet, then answer the first command with Exchange Online's 421 (the TLS 1.0/1.1 refusal of
   * accounts.ts "legacy-tls") and hang up, as a server that turns the client away does.
   */
  closeAfterGreeting421?: boolean
  /** Greet at once, then answer each command only after this many milliseconds. */
  replyDelayMs?: number
  /**
   * false: keep no messages or events (practice mode in a server that runs for months, where
   * nothing reads them: each kept message holds its whole text). Defaults to true, for tests.
   */
  record?: boolean
}

export interface SimulatorEvent {
  type: "connect" | "starttls" | "auth" | "mail" | "rcpt" | "data"
  /** Remote address, TLS protocol, "<method> <username>", an address or a size. Never a secret. */
  detail?: string
}

export interface SimulatedMessage {
  from: string
  to: string[]
  /** Username the message was submitted with; absent on the mx role. */
  authUser?: string
  raw: string
}

export interface RunningSimulator {
  host: string
  port: number
  /** Stops listening and closes open client connections, within about 100 ms. */
  close(): Promise<void>
  /** Messages accepted at the end of DATA. */
  messages: SimulatedMessage[]
  events: SimulatorEvent[]
}

/**
 * 150 MB, the SIZE that smtp.office365.com advertises.
 * Source: https://github.com/simonrob/email-oauth2-proxy/issues/95
 */
export const MAX_MESSAGE_SIZE = 157286400

const DEFAULT_SERVER_NAMES: Record<SimulatorRole, string> = {
  submission: "PH7PR17MB1234.namprd17.prod.outlook.com",
  // HVE runs on Exchange Online: a front-end name of the same shape.
  hve: "SA1PR12MB5678.namprd12.prod.outlook.com",
  // No public log quotes the name smtp.azurecomm.net greets with: the endpoint's own name.
  acs: "smtp.azurecomm.net",
  mx: "DM6NAM12FT034.mail.protection.outlook.com",
}

const SOCKET_TIMEOUT_MS = 30_000
// How long close() lets sessions finish before smtp-server sends them 421 and hangs up.
const CLOSE_GRACE_MS = 100

/**
 * Starts a Microsoft 365 look-alike SMTP server with the practice accounts of its role (accounts.ts,
 * hve-accounts.ts, acs-accounts.ts). Its replies are copies of the ones each service sends for
 * each scenario, marked in the data where only an observed or a neighbouring wording exists.
 */
export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const host = options.host ?? "127.0.0.1"
  const events: SimulatorEvent[] = options.record === false ? new KeptNothing() : []
  const messages: SimulatedMessage[] = options.record === false ? new KeptNothing() : []

  if (options.silent) return startSilentServer(host, options.port ?? 0, events, messages)
  if (options.closeAfterGreeting421 || options.replyDelayMs) {
    const name = options.serverName ?? DEFAULT_SERVER_NAMES[options.role]
    const refusal = fillReply(PRACTICE_ACCOUNTS["legacy-tls"].reply, name)
    return startScriptedServer(host, options.port ?? 0, name, events, messages, {
      delayMs: options.replyDelayMs ?? 0,
      answer: (command) =>
        options.closeAfterGreeting421
          ? { reply: refusal, close: true }
          : /^(EHLO|HELO)\b/i.test(command)
            ? { reply: `250 ${name} Hello` }
            : /^QUIT\b/i.test(command)
              ? { reply: "221 2.0.0 Service closing transmission channel", close: true }
              : { reply: "250 2.0.0 OK" },
    })
  }

  const { role } = options
  const startTls = options.startTls ?? true
  const serverName = options.serverName ?? DEFAULT_SERVER_NAMES[role]
  const password = options.password ?? DEFAULT_PRACTICE_PASSWORD
  const acceptedDomains = (options.acceptedDomains ?? [PRACTICE_DOMAIN]).map((domain) =>
    domain.toLowerCase()
  )
  const isAccepted = (address: string) =>
    acceptedDomains.includes(domainOfAddress(address).toLowerCase())
  const reject = (template: string, values: ReplyValues = {}) =>
    smtpError(fillReply(template, serverName, values))
  const refuse = (refusal: Refusal) => reject(refusal.reply, refusal.values)
  const route =
    role === "mx"
      ? undefined
      : createRoute(ROUTES[role], {
          password,
          acceptedDomains,
          ...(options.tokenKey ? { tokenKey: options.tokenKey } : {}),
        })
  // The mx role's scenario of each session, chosen at MAIL FROM (see PRACTICE_MX_SENDERS).
  const mxScenarios = new Map<string, MxScenario>()

  function findMxScenario(mailFrom: string): MxScenario | undefined {
    const localPart = localPartOfAddress(mailFrom).toLowerCase()
    return Object.hasOwn(PRACTICE_MX_SENDERS, localPart)
      ? PRACTICE_MX_SENDERS[localPart as PracticeMxSender]
      : undefined
  }

  function onAuth(
    auth: SMTPServerAuthentication,
    _session: SMTPServerSession,
    callback: (err: Error | null, response?: SMTPServerAuthenticationResponse) => void
  ) {
    const username = auth.username ?? ""
    events.push({ type: "auth", detail: `${auth.method} ${username}`.trim() })
    // smtp-server only calls this for the mechanisms the route offers, and never on the MX role.
    if (!route) return callback(reject(SIMULATOR_REPLIES.badCredentials.reply))
    const result =
      auth.method === "XOAUTH2"
        ? route.signInWithToken(username, auth.accessToken ?? "")
        : route.signIn(username, auth.password ?? "")
    if (!isSignedIn(result)) return callback(refuse(result))
    callback(null, { user: result })
  }

  function onMailFrom(
    address: SMTPServerAddress,
    session: SMTPServerSession,
    callback: (err?: Error | null) => void
  ) {
    events.push({ type: "mail", detail: address.address })
    if (route) {
      if (!session.secure) return callback(reject(SIMULATOR_REPLIES.starttlsRequired.reply))
      const user = signedInUser(session)
      if (!user) return callback(reject(SIMULATOR_REPLIES.notAuthenticated.reply))
      if (user.scenario.outcome === "rejected" && user.scenario.stage === "mail") {
        return callback(reject(user.scenario.reply))
      }
      const refusal = route.mailFrom(user, address.address)
      return callback(refusal ? refuse(refusal) : undefined)
    }
    const scenario = findMxScenario(address.address)
    if (scenario) mxScenarios.set(session.id, scenario)
    else mxScenarios.delete(session.id)
    if (scenario?.stage === "mail") {
      return callback(reject(scenario.reply, { clientIp: session.remoteAddress }))
    }
    // Only the envelope sender counts for RejectDirectSend; the From header is not checked.
    if (options.rejectDirectSend && !options.connector && isAccepted(address.address)) {
      return callback(reject(SIMULATOR_REPLIES.directSendRejected.reply))
    }
    callback()
  }

  function onRcptTo(
    address: SMTPServerAddress,
    session: SMTPServerSession,
    callback: (err?: Error | null) => void
  ) {
    events.push({ type: "rcpt", detail: address.address })
    const user = signedInUser(session)
    if (user?.scenario.outcome === "rejected" && user.scenario.stage === "rcpt") {
      return callback(reject(user.scenario.reply))
    }
    if (route) {
      // SMTP AUTH and ACS deliver to any domain; HVE only inside the organisation.
      const refusal = user ? route.recipient(user, address.address) : undefined
      return callback(refusal ? refuse(refusal) : undefined)
    }
    const scenario = mxScenarios.get(session.id)
    if (scenario?.stage === "rcpt") {
      return callback(reject(scenario.reply, { clientIp: session.remoteAddress }))
    }
    // The MX endpoint checks recipients: its own domains' directory, others only with a connector.
    if (isAccepted(address.address)) {
      const localPart = localPartOfAddress(address.address)
      if (localPart.toLowerCase() === MISSING_RECIPIENT_LOCAL_PART) {
        return callback(reject(SIMULATOR_REPLIES.recipientNotFound.reply))
      }
    } else if (!options.connector) {
      return callback(reject(SIMULATOR_REPLIES.relayDenied.reply))
    }
    callback()
  }

  function dataRejection(session: SMTPServerSession, from: string): SMTPServerError | undefined {
    if (!route) {
      const scenario = mxScenarios.get(session.id)
      return scenario?.stage === "data"
        ? reject(scenario.reply, { clientIp: session.remoteAddress })
        : undefined
    }
    const user = signedInUser(session)
    if (!user) return undefined
    if (user.scenario.outcome === "rejected" && user.scenario.stage === "data") {
      return reject(user.scenario.reply)
    }
    const refusal = route.message(user, from)
    return refusal ? refuse(refusal) : undefined
  }

  function onData(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    callback: (err?: Error | null) => void
  ) {
    const chunks: Buffer[] = []
    stream.on("data", (chunk: Buffer) => {
      if (options.dropInData) return dropConnection(server, session)
      if (!stream.sizeExceeded) chunks.push(chunk)
    })
    // Replying only once the whole message is read keeps the reply after the client's final dot.
    stream.on("end", () => {
      events.push({ type: "data", detail: `${stream.byteLength} bytes` })
      // rejectOversized makes smtp-server answer 552 itself.
      if (stream.sizeExceeded) return callback()
      const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : ""
      const rejection = dataRejection(session, from)
      if (rejection) return callback(rejection)
      messages.push({
        from,
        to: session.envelope.rcptTo.map((recipient) => recipient.address),
        authUser: signedInUser(session)?.username,
        raw: Buffer.concat(chunks).toString("utf8"),
      })
      callback()
    })
  }

  const server: SMTPServer = new SMTPServer({
    key: options.tls.key,
    cert: options.tls.cert,
    name: serverName,
    // Exchange Online answers EHLO with "<name> Hello [<client address>]".
    heloResponse: "%s Hello %s",
    size: MAX_MESSAGE_SIZE,
    rejectOversized: true,
    // smtp.office365.com offers "AUTH LOGIN XOAUTH2" (no PLAIN), and only after STARTTLS; each
    // route says what its endpoint offers.
    authMethods: [...(route?.authMethods ?? [])],
    // MAIL FROM without AUTH is answered by onMailFrom with Microsoft's wording instead.
    authOptional: true,
    disabledCommands: !route ? ["AUTH"] : startTls ? [] : ["STARTTLS"],
    allowInsecureAuth: !startTls,
    // With ENHANCEDSTATUSCODES on, smtp-server would put its own x.y.z in front of every reply
    // text, which already starts with Microsoft's. So the capability is not advertised.
    hideENHANCEDSTATUSCODES: true,
    disableReverseLookup: true,
    socketTimeout: SOCKET_TIMEOUT_MS,
    closeTimeout: CLOSE_GRACE_MS,
    logger: false,
    onConnect(session, callback) {
      events.push({ type: "connect", detail: session.remoteAddress })
      // No AUTH in the EHLO reply until STARTTLS; onSecure lifts this.
      if (route && startTls) session.disabledCommands = ["AUTH"]
      if (route?.exchangeOnline ?? true) {
        greetLikeExchangeOnline(server, session, serverName)
        authRepliesLikeExchangeOnline(server, session)
      }
      callback()
    },
    onSecure(socket, session, callback) {
      const protocol = (socket as tls.TLSSocket).getProtocol?.()
      events.push({ type: "starttls", detail: protocol ?? undefined })
      if (route) session.disabledCommands = []
      callback()
    },
    onClose(session) {
      mxScenarios.delete(session.id)
    },
    onAuth,
    onMailFrom,
    onRcptTo,
    onData,
  })
  // Per-connection failures (a client refusing the certificate, a reset mid-command) arrive here;
  // the client sees them itself, and an 'error' event without a listener would crash the process.
  server.on("error", () => undefined)

  const port = await listen(server.server, options.port ?? 0, host)
  return {
    host,
    port,
    messages,
    events,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/**
 * smtp-server greets with "220 <name> ESMTP <banner>", and Exchange Online with
 * "220 <name> Microsoft ESMTP MAIL Service ready at <date>" (FIX page: "expect a `220 … Microsoft
 * ESMTP MAIL Service ready` banner"). The word between the name and ESMTP cannot be set through
 * options without also changing the name in the EHLO reply, so the greeting of this one
 * connection is replaced; the connection is in `server.connections` before onConnect runs.
 */
function greetLikeExchangeOnline(
  server: SMTPServer,
  session: SMTPServerSession,
  serverName: string
) {
  for (const connection of server.connections) {
    if (connection.id !== session.id) continue
    connection._sendGreeting = () =>
      connection.send(
        220,
        `${serverName} Microsoft ESMTP MAIL Service ready at ${rfc2822Date(new Date())}`,
        false
      )
  }
}

/**
 * Two replies smtp-server words itself: a successful AUTH ("235 Authentication successful";
 * Exchange Online says "235 2.7.0 Authentication successful", reference §3) and a malformed XOAUTH2
 * string, answered before onAuth with "501 Error: invalid userdata" (Exchange Online: 501 5.5.124,
 * SIMULATOR_REPLIES.xoauth2Malformed). They are rewritten on this one connection, as the greeting
 * is above.
 */
function authRepliesLikeExchangeOnline(server: SMTPServer, session: SMTPServerSession) {
  const [code, ...words] = SIMULATOR_REPLIES.xoauth2Malformed.reply.split(" ")
  for (const connection of server.connections) {
    if (connection.id !== session.id) continue
    const send = connection.send.bind(connection)
    connection.send = (status, data, context) =>
      status === 501 && data === "Error: invalid userdata"
        ? send(Number(code), words.join(" "), context)
        : status === 235 && data === "Authentication successful"
          ? send(status, "2.7.0 Authentication successful", context)
          : send(status, data, context)
  }
}

/** "Sat, 28 Nov 2026 13:46:18 +0000", the date format of Exchange Online's greeting. */
function rfc2822Date(date: Date): string {
  return date
    .toUTCString()
    .replace(/ 0(\d) /, " $1 ")
    .replace(/GMT$/, "+0000")
}

/** Closes one connection at once, without a reply: a server or a middlebox dropping it. */
function dropConnection(server: SMTPServer, session: SMTPServerSession) {
  for (const connection of server.connections) {
    if (connection.id === session.id) connection._socket.destroy()
  }
}

function signedInUser(session: SMTPServerSession): SignedInUser | undefined {
  // smtp-server sets `user` to false when STARTTLS resets the session.
  return (session.user as SignedInUser | false | undefined) || undefined
}

/** Fills the placeholders of a reference reply line, see accounts.ts. */
export function fillReply(template: string, serverName: string, values: ReplyValues = {}): string {
  return template
    .replaceAll("[host]", () => `[${serverName}]`)
    .replaceAll("<server-name>", () => serverName)
    .replaceAll("<auth-user>", () => values.authUser ?? "")
    .replaceAll("<from>", () => values.from ?? "")
    .replaceAll("<client-ip>", () => values.clientIp ?? "")
}

/** smtp-server writes `${responseCode} ${message}`, so the reply line is split at its first space. */
function smtpError(reply: string): SMTPServerError {
  const error: SMTPServerError = new Error(reply.slice(4))
  error.responseCode = Number(reply.slice(0, 3))
  return error
}

function listen(server: net.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(port, host, () => {
      server.off("error", reject)
      resolve((server.address() as AddressInfo).port)
    })
  })
}

/** A list whose push keeps nothing: the records of a simulator started with `record: false`. */
class KeptNothing<T> extends Array<T> {
  override push(): number {
    return 0
  }
}

/** A TCP server that accepts connections and never says a word. */
async function startSilentServer(
  host: string,
  port: number,
  events: SimulatorEvent[],
  messages: SimulatedMessage[]
): Promise<RunningSimulator> {
  return startTcpServer(host, port, events, messages, (socket) => {
    socket.resume() // discard whatever the client sends
  })
}

/**
 * A plain TCP server for the fault scenarios: records each connection, gives every socket the
 * simulator's idle timeout, and closes its open sockets when it closes.
 */
async function startTcpServer(
  host: string,
  port: number,
  events: SimulatorEvent[],
  messages: SimulatedMessage[],
  onSocket: (socket: net.Socket) => void
): Promise<RunningSimulator> {
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    events.push({ type: "connect", detail: socket.remoteAddress })
    sockets.add(socket)
    socket.on("close", () => sockets.delete(socket))
    socket.on("error", () => undefined)
    socket.setTimeout(SOCKET_TIMEOUT_MS, () => socket.destroy())
    onSocket(socket)
  })
  return {
    host,
    port: await listen(server, port, host),
    messages,
    events,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      }),
  }
}

interface ScriptedReplies {
  /** The reply to one command line, and whether to hang up after it. */
  answer: (command: string) => { reply: string; close?: boolean }
  delayMs: number
}

/**
 * A plain TCP server that greets like Exchange Online and answers each command from a script,
 * optionally late. It records connections and any AUTH it is sent (the method only), so tests can
 * prove from the server's side that no credential arrived.
 */
async function startScriptedServer(
  host: string,
  port: number,
  serverName: string,
  events: SimulatorEvent[],
  messages: SimulatedMessage[],
  script: ScriptedReplies
): Promise<RunningSimulator> {
  return startTcpServer(host, port, events, messages, (socket) => {
    socket.write(
      `220 ${serverName} Microsoft ESMTP MAIL Service ready at ${rfc2822Date(new Date())}\r\n`
    )
    let buffered = ""
    socket.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("latin1")
      let end: number
      while ((end = buffered.indexOf("\r\n")) >= 0) {
        const command = buffered.slice(0, end)
        buffered = buffered.slice(end + 2)
        if (/^AUTH\b/i.test(command)) {
          events.push({ type: "auth", detail: command.split(" ")[1] ?? "" })
        }
        const { reply, close } = script.answer(command)
        setTimeout(() => {
          if (socket.destroyed) return
          if (close) socket.end(`${reply}\r\n`)
          else socket.write(`${reply}\r\n`)
        }, script.delayMs)
      }
    })
  })
}
