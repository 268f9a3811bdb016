import net, { type AddressInfo } from "node:net"
import { SMTPServer, type SMTPServerOptions } from "smtp-server"

import { testServerTls } from "./test-ca"

/** A test SMTP server on 127.0.0.1: its port, what it saw, and how to stop it. */
export interface TestSmtpServer {
  port: number
  /** The mechanism of every AUTH command that reached the server (an smtp-server only). */
  auths: string[]
  close(): Promise<void>
}

/**
 * smtp-server on 127.0.0.1 and an ephemeral port, presenting the test CA's certificate (STARTTLS,
 * or implicit TLS with `secure`) unless `options` gives another. For behaviour the practice
 * simulator does not have: an echoing 535, a certificate for some other name.
 */
export async function startTestSmtpServer(
  options: SMTPServerOptions = {}
): Promise<TestSmtpServer> {
  const auths: string[] = []
  const server = new SMTPServer({
    ...testServerTls(),
    authOptional: true,
    disableReverseLookup: true,
    logger: false,
    onData: (stream, _session, callback) => {
      stream.resume()
      stream.on("end", () => callback())
    },
    ...options,
    onAuth: (auth, session, callback) => {
      auths.push(auth.method)
      if (options.onAuth) options.onAuth(auth, session, callback)
      else callback(new Error("Authentication credentials invalid"))
    },
  })
  // A client that refuses the certificate is an error on the server's side: expected here.
  server.on("error", () => undefined)
  return {
    port: await listen(server.server),
    auths,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** A scripted server's answer: the reply to send (lines joined by CRLF), and whether to hang up after it. */
export interface ScriptedAnswer {
  reply?: string
  close?: boolean
}

export interface SmtpScript {
  /** The 220 greeting. */
  greeting: string
  /** The answer to a command; a 354 to DATA starts reading the message. */
  command: (line: string) => ScriptedAnswer
  /** The answer to the message's final dot. */
  message: ScriptedAnswer
}

export interface ScriptedSmtpServer {
  port: number
  /** The messages received up to their final dot. */
  messages: string[]
  close(): Promise<void>
}

/**
 * A plain-text SMTP server written by hand, for faults smtp-server cannot be made to commit (a 250
 * to DATA, a close right after a reply, replies of any size). No TLS: the tests that use it send
 * without signing in.
 */
export async function startScriptedSmtpServer(script: SmtpScript): Promise<ScriptedSmtpServer> {
  const messages: string[] = []
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on("close", () => sockets.delete(socket))
    socket.on("error", () => undefined)
    /** Sends the answer; false once the server has hung up. */
    const answer = ({ reply, close }: ScriptedAnswer) => {
      const text = reply === undefined ? "" : `${reply}\r\n`
      if (close) socket.end(text)
      else socket.write(text)
      return !close
    }
    let buffered = ""
    let readingMessage = false
    socket.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("latin1")
      for (;;) {
        const end = buffered.indexOf(readingMessage ? "\r\n.\r\n" : "\r\n")
        if (end === -1) return
        const received = buffered.slice(0, end)
        buffered = buffered.slice(end + (readingMessage ? 5 : 2))
        let answered: ScriptedAnswer
        if (readingMessage) {
          messages.push(received)
          readingMessage = false
          answered = script.message
        } else {
          answered = script.command(received)
          readingMessage = /^DATA$/i.test(received) && !!answered.reply?.startsWith("354")
        }
        if (!answer(answered)) return
      }
    })
    answer({ reply: script.greeting })
  })
  return {
    port: await listen(server),
    messages,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      }),
  }
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port))
  })
}
