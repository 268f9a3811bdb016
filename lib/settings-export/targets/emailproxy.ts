// Email OAuth 2.0 Proxy (emailproxy, on PyPI): a local bridge for programs that only know a
// username and password. The program sends to it without TLS on 127.0.0.1 with a local password;
// the proxy signs in to Microsoft 365 with OAuth 2.0 (XOAUTH2) and upgrades the connection itself.
// Option names are the ones of its sample configuration file, emailproxy.config in
// simonrob/email-oauth2-proxy (read at 2026-04-21, 5682d75): a server section [SMTP-<local port>]
// with server_address, server_port, server_starttls and local_address; an account section named
// after the mailbox with token_url, oauth2_scope, oauth2_flow and client_id (no permission_url for
// the client credentials flow; the device flow's permission_url is the devicecode endpoint); and
// [emailproxy]'s use_login_password_as_client_credentials_secret, which makes the program's local
// password the client secret, so the file holds none. emailproxy.py reads the file with Python's
// configparser.ConfigParser(interpolation=None), so % and $ are literal.
import { APP_ONLY_SCOPE, DEFAULT_IDENTITY_URL, DELEGATED_SMTP_SCOPE } from "@/lib/oauth/scopes"

import type { SettingsTarget } from "../types"
import { connectionFacts, oauthSignIn, tokenEndpoint, type ConnectionFacts } from "../values"

/** Where the program sends: the proxy's SMTP server on the loopback address. */
export const EMAILPROXY_LOCAL_PORT = 1587
const LOCAL_ADDRESS = "127.0.0.1"

/**
 * A configparser value on one line: configparser strips the ends and reads a line break as the
 * start of a continuation, so a value keeps to one line (the IDs and the mailbox never hold one;
 * the check only guards a hand-edited share link).
 */
const ini = (value: string) => value.replace(/[\r\n]+/g, " ").trim()

/** The placeholders of a file written after a password test, which has no app IDs. */
const TENANT_PLACEHOLDER = "REPLACE-WITH-TENANT-ID"
const CLIENT_ID_PLACEHOLDER = "REPLACE-WITH-APPLICATION-CLIENT-ID"

function serverSection(facts: ConnectionFacts): string[] {
  return [
    `# The program sends to ${LOCAL_ADDRESS}:${EMAILPROXY_LOCAL_PORT} without TLS or STARTTLS; the proxy connects`,
    `# to ${facts.host}:${facts.port} itself${facts.security === "starttls" ? " with STARTTLS" : facts.security === "tls" ? " with TLS from the first byte" : ""}.`,
    `[SMTP-${EMAILPROXY_LOCAL_PORT}]`,
    `server_address = ${ini(facts.host)}`,
    `server_port = ${facts.port}`,
    `server_starttls = ${facts.security === "starttls" ? "True" : "False"}`,
    `local_address = ${LOCAL_ADDRESS}`,
  ]
}

/** The account section: the app-only (client credentials) flow, or a user's device code sign-in. */
function accountSection(facts: ConnectionFacts): string[] {
  const kind = oauthSignIn(facts)
  const tenant = kind ? facts.tenant : TENANT_PLACEHOLDER
  const clientId = kind ? facts.clientId : CLIENT_ID_PLACEHOLDER
  const endpoint = (route: string) =>
    `${DEFAULT_IDENTITY_URL}/${encodeURIComponent(tenant)}/oauth2/v2.0/${route}`
  const token = kind ? tokenEndpoint(facts) : endpoint("token")
  if (kind === "oauth-device") {
    return [
      "# The mailbox user signs in once with a device code (delegated SMTP.Send); offline_access",
      "# lets the proxy renew the token itself. No client secret: a public client.",
      `[${ini(facts.user)}]`,
      `permission_url = ${endpoint("devicecode")}`,
      `token_url = ${token}`,
      `oauth2_scope = ${DELEGATED_SMTP_SCOPE} offline_access`,
      "oauth2_flow = device",
      `client_id = ${ini(clientId)}`,
    ]
  }
  return [
    "# The app signs in as itself (client credentials, SMTP.SendAsApp); no permission_url for this",
    "# flow. No client_secret line: the program's password is the client secret (see [emailproxy]).",
    `[${ini(facts.user || "sender@example.com")}]`,
    `token_url = ${token}`,
    `oauth2_scope = ${APP_ONLY_SCOPE}`,
    "oauth2_flow = client_credentials",
    `client_id = ${ini(clientId)}`,
  ]
}

export const emailproxyTarget: SettingsTarget = {
  id: "emailproxy",
  title: "Email OAuth 2.0 Proxy (bridge for password-only programs)",
  group: "Mail servers",
  filename: "emailproxy.config",
  language: "ini",
  oauthVerdict: {
    kind: "client-credentials",
    how: "Email OAuth 2.0 Proxy fetches and renews the token itself (client credentials, or a user's device code sign-in) and signs in with XOAUTH2; programs send to it with a local password",
    source: "https://github.com/simonrob/email-oauth2-proxy/blob/main/emailproxy.config",
  },
  oauthVariant: {
    takes:
      "python3 with emailproxy (pip install emailproxy) and the app's IDs; the program's password becomes the client secret",
  },
  render(values) {
    const facts = connectionFacts(values)
    if (!facts.signsIn || values.method.method === "acs") {
      return {
        content: [
          "# Email OAuth 2.0 Proxy is a local OAuth 2.0 bridge for programs that only know a password.",
          facts.signsIn
            ? "# Azure Communication Services signs in with the Entra app's client secret as the password"
            : "# Direct Send and relay through a connector do not sign in:",
          facts.signsIn
            ? "# (AUTH LOGIN), which every program here can send as it is: no bridge is needed."
            : "# no bridge is needed.",
          "",
        ].join("\n"),
        secretNote: "No bridge needed for this sending method.",
      }
    }
    const kind = oauthSignIn(facts)
    const content = [
      "# Email OAuth 2.0 Proxy (https://github.com/simonrob/email-oauth2-proxy): a local bridge for",
      "# programs that only know a username and password. They send to it; it signs in to Microsoft 365",
      "# with OAuth 2.0. Install and run it as a service (it writes its token cache back into this file,",
      "# so the file must be writable by it and readable by nobody else: chmod 600):",
      "#   python3 -m pip install emailproxy",
      "#   python3 -m emailproxy --no-gui --config-file /etc/emailproxy.config",
      ...(kind === "oauth-device"
        ? [
            "# The first time, run it in a terminal with --external-auth added and send one message: it",
            "# shows Microsoft's sign-in page and code for the mailbox user.",
          ]
        : []),
      ...(kind
        ? []
        : [
            "# The app's IDs are placeholders: test with OAuth 2.0 (app-only) in the Account step to have",
            "# them filled in, or type the Directory (tenant) ID and Application (client) ID below.",
          ]),
      "#",
      "# In the program (Grafana, Gitea, Jenkins, Home Assistant, a printer...):",
      `#   server ${LOCAL_ADDRESS}, port ${EMAILPROXY_LOCAL_PORT}, no TLS or STARTTLS (the proxy adds TLS towards Microsoft 365),`,
      `#   username ${facts.user || "the mailbox address"},`,
      kind === "oauth-device"
        ? "#   password: any password of your choice; the proxy encrypts the saved token with it."
        : "#   password: the Entra app's client secret (its Value), stored where the program keeps its password.",
      "",
      ...serverSection(facts),
      "",
      ...accountSection(facts),
      "",
      "[emailproxy]",
      ...(kind === "oauth-device"
        ? ["delete_account_token_on_password_error = False"]
        : [
            "# The local password is the client secret: it never has to be written into this file.",
            "use_login_password_as_client_credentials_secret = True",
          ]),
      "",
    ].join("\n")
    return {
      content,
      secretNote:
        kind === "oauth-device"
          ? "No client secret: the mailbox user signs in once; the proxy keeps the token, encrypted with the local password the program sends."
          : "No secret in this file: the program sends the client secret as its password to the proxy on 127.0.0.1, which uses it for the token (use_login_password_as_client_credentials_secret).",
    }
  },
}
