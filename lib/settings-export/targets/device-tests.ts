import { psQuote } from "@/lib/powershell"
import { isIpAddress } from "@/lib/schemas/setup-fields"

import { TOKEN_COMMAND_VARIANT, msalTokenCommand } from "../msal-python"
import type { SettingsTarget } from "../types"
import { CLIENT_SECRET_VARIABLE, connectionFacts, oauthSignIn, secretNote } from "../values"
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
  oauthVerdict: {
    kind: "none",
    how: "swaks signs in with LOGIN, PLAIN, CRAM-MD5 and the like, not XOAUTH2 (none in its source as of February 2024)",
    source: "https://github.com/jetmore/swaks",
  },
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
  oauthVerdict: {
    kind: "takes-token",
    since: "curl 7.33.0",
    how: "curl sends XOAUTH2 with the token given to --oauth2-bearer; it cannot fetch one itself",
    source: "https://curl.se/docs/manpage.html#--oauth2-bearer",
  },
  oauthVariant: TOKEN_COMMAND_VARIANT,
  render(values) {
    const facts = connectionFacts(values)
    const appOnly = oauthSignIn(facts) === "oauth-app"
    const scheme = facts.security === "tls" ? "smtps" : "smtp"
    const lines = [
      `From: ${facts.fromAddress}`,
      `To: ${facts.to}`,
      `Subject: ${SUBJECT}`,
      "",
      "It works.",
    ]
    // OAuth 2.0 app-only: msal prints the app's token (client credentials), which curl sends with
    // XOAUTH2 (--login-options AUTH=XOAUTH2); the user name goes with an empty password, so curl
    // asks for none.
    const token = appOnly
      ? [
          "# OAuth 2.0 app-only: the app's token from Microsoft's library msal (apt install python3-msal,",
          `# or pip install msal), with the client secret from ${CLIENT_SECRET_VARIABLE}.`,
          `token=$(${msalTokenCommand(facts)}) || exit 1`,
        ]
      : []
    const signIn = appOnly
      ? [
          ["--user", sh(`${facts.user}:`)],
          ["--login-options", "AUTH=XOAUTH2", "--oauth2-bearer", '"$token"'],
        ]
      : facts.signsIn
        ? [["--user", sh(facts.user)]]
        : []
    const content = [
      // printf's format is fixed: the lines are arguments, so a % in an address is printed as is.
      `printf '%s\\r\\n' ${lines.map(sh).join(" ")} > smtp365-test.eml`,
      ...token,
      command([
        ["curl", "--url", sh(`${scheme}://${facts.host}:${facts.port}`)],
        // --ssl-reqd: STARTTLS or nothing. curl checks the certificate by default; never add -k.
        ...(facts.security === "starttls" ? [["--ssl-reqd"]] : []),
        ...signIn,
        ["--mail-from", sh(facts.fromAddress), "--mail-rcpt", sh(facts.to)],
        ["--upload-file", "smtp365-test.eml"],
      ]),
      "",
    ].join("\n")
    return {
      content,
      secretNote: appOnly
        ? `The token command reads the client secret from ${CLIENT_SECRET_VARIABLE}; the token lasts about an hour and is on curl's command line while it runs.`
        : secretNote(facts, "curl asks for the password when it runs (--user without a password)."),
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
  oauthVerdict: {
    kind: "no-sign-in",
    how: "openssl s_client checks the connection and TLS only, without signing in",
    source: "https://docs.openssl.org/3.0/man1/openssl-s_client/",
  },
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
  oauthVerdict: {
    kind: "no-sign-in",
    how: "Test-NetConnection checks that the port is reachable, without signing in",
    source: "https://learn.microsoft.com/powershell/module/nettcpip/test-netconnection",
  },
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
