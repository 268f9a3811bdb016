import { psQuote } from "@/lib/powershell"
import { isIpAddress } from "@/lib/schemas/setup-fields"

import type { SettingsTarget } from "../types"
import { connectionFacts, secretNote } from "../values"
import { command, sh } from "../literals"

const GROUP = "Test from the device" as const
const SUBJECT = "smtp365 test from the device"

/** swaks, the reference SMTP test client: the same stages as the wizard's test. */
export const swaksTarget: SettingsTarget = {
  id: "swaks",
  title: "swaks",
  group: GROUP,
  filename: "swaks-test.sh",
  language: "bash",
  render(values) {
    const facts = connectionFacts(values)
    const tls =
      facts.security === "tls"
        ? ["--tls-on-connect", "--tls-verify"]
        : facts.security === "starttls"
          ? ["--tls", "--tls-verify"]
          : []
    const content = command([
      ["swaks", "--server", sh(facts.host), "--port", String(facts.port)],
      // swaks does not check certificates unless told to: --tls-verify makes it check, like the wizard.
      ...(tls.length ? [tls] : []),
      ...(facts.signsIn ? [["--auth", "LOGIN", "--auth-user", sh(facts.user)]] : []),
      ["--from", sh(facts.fromAddress), "--to", sh(facts.to)],
      ["--header", sh(`Subject: ${SUBJECT}`)],
    ])
    return {
      content: content + "\n",
      secretNote: secretNote(
        facts,
        "swaks asks for the password when it runs: it is never on the command line."
      ),
    }
  },
}

/** curl speaks SMTP too, and is on most systems already. */
export const curlTarget: SettingsTarget = {
  id: "curl",
  title: "curl",
  group: GROUP,
  filename: "curl-test.sh",
  language: "bash",
  // curl --help all: "--oauth2-bearer <token> OAuth 2 Bearer Token" (curl 7.88).
  oauthCaveat:
    "OAuth 2.0: curl can sign in with a token (--oauth2-bearer) but cannot fetch one itself.",
  render(values) {
    const facts = connectionFacts(values)
    const scheme = facts.security === "tls" ? "smtps" : "smtp"
    const lines = [
      `From: ${facts.fromAddress}`,
      `To: ${facts.to}`,
      `Subject: ${SUBJECT}`,
      "",
      "It works.",
    ]
    const content = [
      // printf's format is fixed: the lines are arguments, so a % in an address is printed as is.
      `printf '%s\\r\\n' ${lines.map(sh).join(" ")} > smtp365-test.eml`,
      command([
        ["curl", "--url", sh(`${scheme}://${facts.host}:${facts.port}`)],
        // --ssl-reqd: STARTTLS or nothing. curl checks the certificate by default; never add -k.
        ...(facts.security === "starttls" ? [["--ssl-reqd"]] : []),
        ...(facts.signsIn ? [["--user", sh(facts.user)]] : []),
        ["--mail-from", sh(facts.fromAddress), "--mail-rcpt", sh(facts.to)],
        ["--upload-file", "smtp365-test.eml"],
      ]),
      "",
    ].join("\n")
    return {
      content,
      secretNote: secretNote(
        facts,
        "curl asks for the password when it runs (--user without a password)."
      ),
    }
  },
}

/** OpenSSL shows the TLS handshake and the certificate; type EHLO and QUIT by hand. */
export const opensslTarget: SettingsTarget = {
  id: "openssl",
  title: "OpenSSL (TLS check)",
  group: GROUP,
  filename: "openssl-test.sh",
  language: "bash",
  oauth: "no-sign-in",
  render(values) {
    const facts = connectionFacts(values)
    const content = [
      "# Opens the connection and shows the certificate; then type: EHLO test, and QUIT.",
      command([
        ["openssl", "s_client", "-connect", sh(`${facts.host}:${facts.port}`)],
        ...(facts.security === "tls" ? [] : [["-starttls", "smtp"]]),
        // -servername only sends the name (SNI); -verify_hostname (or -verify_ip) checks that the
        // certificate is for it, which "Verify return code: 0" otherwise does not mean.
        isIpAddress(facts.host)
          ? ["-verify_ip", sh(facts.host)]
          : ["-servername", sh(facts.host), "-verify_hostname", sh(facts.host)],
        ["-verify_return_error", "-crlf"],
      ]),
      "",
    ].join("\n")
    return {
      content,
      secretNote: "No credentials: this checks the connection and TLS only.",
    }
  },
}

/** Windows: is the port open from this machine? */
export const testNetConnectionTarget: SettingsTarget = {
  id: "test-netconnection",
  title: "PowerShell (Test-NetConnection)",
  group: GROUP,
  filename: "test-port.ps1",
  language: "powershell",
  oauth: "no-sign-in",
  render(values) {
    const facts = connectionFacts(values)
    const content = [
      "# TcpTestSucceeded : True means the port is open from this machine.",
      `Test-NetConnection -ComputerName ${psQuote(facts.host)} -Port ${facts.port}`,
      "",
    ].join("\n")
    return {
      content,
      secretNote: "No credentials: this checks that the port is reachable only.",
    }
  },
}
