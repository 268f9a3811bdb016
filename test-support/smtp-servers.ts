import type net from "node:net"
import type { AddressInfo } from "node:net"
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

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port))
  })
}
