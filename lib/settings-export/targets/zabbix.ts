// Zabbix's Email media type, field by field with the form's labels (Alerts > Media types).
// Form: https://www.zabbix.com/documentation/current/en/manual/config/notifications/media/email
// (labels checked against the frontend's mediatype edit view). Zabbix's address parser takes the
// display name literally, without quoted strings, and refuses < > @ in it. It copies the name into
// the From header as written, encoding it only when it is not ASCII.
//
// OAuth 2.0 (Zabbix 7.4): Authentication "OAuth", then OAuth tokens > Configure: Redirection
// endpoint, Client ID, Client secret, and for Generic SMTP the Authorization endpoint and Token
// endpoint with their parameters; Zabbix adds redirect_uri, client_id and state itself, opens the
// sign-in page, exchanges the code for an access and a refresh token and renews the access token
// (https://www.zabbix.com/documentation/7.4/en/manual/config/notifications/media/email#oauth-tokens;
// frontend: ui/app/controllers/CControllerOauthCheck.php). The Office365 provider fills in
// https://login.microsoftonline.com/common/... (.../email/gmail_office), which an app registered
// for one organisation refuses (AADSTS50194), so the variant uses Generic SMTP with the tenant's
// endpoints. The API's fields are mediatype.create's (7.4 media type object:
// https://www.zabbix.com/documentation/7.4/en/manual/api/reference/mediatype/object); it requires
// redirection_url, client_id, client_secret, authorization_url and token_url for OAuth
// (ui/include/classes/api/services/CMediatype.php, validateSmtpAuthenticationOauthFields), and the
// tokens still come from one sign-in in the frontend. The API takes a token as a Bearer header
// (https://www.zabbix.com/documentation/7.4/en/manual/api).
import { domainOfAddress } from "@/lib/email-address"
import { DEFAULT_IDENTITY_URL, DELEGATED_SMTP_SCOPE } from "@/lib/oauth/scopes"

import { displayNameForHeader, mailboxAsWritten } from "../literals"
import type { SettingsTarget } from "../types"
import {
  CLIENT_SECRET_VARIABLE,
  connectionFacts,
  oauthSignIn,
  secretNote,
  type ConnectionFacts,
} from "../values"

const SECURITY = { starttls: "STARTTLS", tls: "SSL/TLS", none: "None" } as const
/** The API's smtp_security values: 0 None, 1 STARTTLS, 2 SSL/TLS. */
const API_SECURITY = { none: 0, starttls: 1, tls: 2 } as const

/** The environment variables the API command reads: the frontend's address and an API token. */
export const ZABBIX_URL_VARIABLE = "ZABBIX_URL"
export const ZABBIX_TOKEN_VARIABLE = "ZABBIX_API_TOKEN"

/** The frontend action Microsoft sends the user back to (Zabbix's Redirection endpoint). */
const REDIRECT_PATH = "/zabbix.php?action=oauth.authorize"

/** Microsoft's endpoints of the tenant, with the parameters the Generic SMTP form takes. */
function oauthEndpoints(facts: ConnectionFacts) {
  const base = `${DEFAULT_IDENTITY_URL}/${encodeURIComponent(facts.tenant)}/oauth2/v2.0`
  const authorizationParameters = {
    response_type: "code",
    scope: `${DELEGATED_SMTP_SCOPE} offline_access`,
  }
  const tokenParameters = { grant_type: "authorization_code" }
  return {
    authorization: `${base}/authorize`,
    authorizationParameters,
    token: `${base}/token`,
    tokenParameters,
  }
}

/** The media type's fields before Authentication, as the form labels them. */
function serverLines(
  facts: ConnectionFacts,
  email: ReturnType<typeof mailboxAsWritten>,
  providerNote: readonly string[] = []
): string[] {
  return [
    `Name: ${facts.service.name}`,
    "Type: Email",
    "Email provider: Generic SMTP",
    ...providerNote,
    `SMTP server: ${facts.host}`,
    `SMTP server port: ${facts.port}`,
    `Email: ${email.value}`,
    ...(email.nameLeftOut
      ? ["  (Zabbix refuses < > @ in a display name: the From name is left out.)"]
      : []),
    `SMTP helo: ${domainOfAddress(facts.fromAddress)}`,
    `Connection security: ${SECURITY[facts.security]}`,
    ...(facts.security === "none"
      ? []
      : [
          "SSL verify peer: checked (the certificate must be trusted)",
          "SSL verify host: checked (the certificate must name the server)",
        ]),
  ]
}

/** mediatype.create's request, without redirection_url and client_secret (the command adds both). */
function createRequest(facts: ConnectionFacts, smtpEmail: string) {
  const endpoints = oauthEndpoints(facts)
  const withParameters = (url: string, parameters: Record<string, string>) =>
    `${url}?${new URLSearchParams(parameters).toString()}`
  return {
    jsonrpc: "2.0",
    method: "mediatype.create",
    params: {
      type: 0,
      name: facts.service.name,
      provider: 0,
      smtp_server: facts.host,
      smtp_port: facts.port,
      smtp_email: smtpEmail,
      smtp_helo: domainOfAddress(facts.fromAddress),
      smtp_security: API_SECURITY[facts.security],
      ...(facts.security === "none" ? {} : { smtp_verify_peer: 1, smtp_verify_host: 1 }),
      smtp_authentication: 2,
      client_id: facts.clientId,
      authorization_url: withParameters(endpoints.authorization, endpoints.authorizationParameters),
      token_url: withParameters(endpoints.token, endpoints.tokenParameters),
    },
    id: 1,
  }
}

/** The jq filter that adds the client secret and the redirection endpoint from the environment. */
export const JQ_FILTER = `.params.client_secret = $secret | .params.redirection_url = $url + "${REDIRECT_PATH}"`

/**
 * The OAuth 2.0 media type: delegated (a user signs in once in the browser), whichever OAuth test
 * ran. Zabbix cannot sign in as the app (client credentials), and its app registration is a web
 * app with a redirect URI and a client secret, which neither test's app needs.
 */
function oauthLines(facts: ConnectionFacts, email: ReturnType<typeof mailboxAsWritten>): string[] {
  const endpoints = oauthEndpoints(facts)
  const kind = oauthSignIn(facts)
  const parameterLines = (parameters: Record<string, string>) =>
    Object.entries(parameters).map(([name, value]) => `    ${name}: ${value}`)
  return [
    "Zabbix 7.4 or later (older versions sign in with a username and password only):",
    "Alerts > Media types > Create media type.",
    "",
    ...(kind === "oauth-app"
      ? [
          "Your test signed in as the app (client credentials). Zabbix cannot: it signs in once as",
          `${facts.user} in a browser and renews that user's token itself, so the app needs the`,
          "delegated permission SMTP.Send (not only the application permission SMTP.SendAsApp).",
          "",
        ]
      : [
          "Your test signed in with a device code; Zabbix signs in through the browser instead, with",
          "a redirect to Zabbix and a client secret, so the app registration needs both (below).",
          "",
        ]),
    "The app registration (Microsoft Entra admin center > App registrations > your app):",
    "- Authentication: add the Web platform with the Redirection endpoint below as Redirect URI",
    "- Certificates & secrets: a client secret (Zabbix needs its Value)",
    "- API permissions: the delegated permission SMTP.Send, and offline_access",
    "",
    ...serverLines(facts, email, [
      "  (not Office365: its OAuth signs in at Microsoft's /common/ address, which an app",
      "  registered for one organisation refuses)",
    ]),
    "Authentication: OAuth",
    "OAuth tokens: Configure, then in the OAuth window:",
    `  Redirection endpoint: https://<your Zabbix frontend>${REDIRECT_PATH}`,
    "    (Zabbix fills it in when Administration > General > Other > Frontend URL is set)",
    `  Client ID: ${facts.clientId}`,
    "  Client secret: type the client secret (its Value) into the form",
    `  Authorization endpoint: ${endpoints.authorization}`,
    "  Authorization parameters:",
    ...parameterLines(endpoints.authorizationParameters),
    "  Authorization code: Automatic",
    `  Token endpoint: ${endpoints.token}`,
    "  Token parameters:",
    ...parameterLines(endpoints.tokenParameters),
    `  Add: Microsoft's sign-in page opens; sign in as ${facts.user}. Zabbix keeps the access`,
    "  and refresh tokens and renews the access token itself.",
    "",
    "Or create the media type with Zabbix's API (mediatype.create). Save this as mediatype.json:",
    "",
    JSON.stringify(createRequest(facts, email.value), null, 2),
    "",
    `then run, with ${ZABBIX_URL_VARIABLE} the frontend's address (https://zabbix.example.com/zabbix),`,
    `a Super admin's API token in ${ZABBIX_TOKEN_VARIABLE} and the client secret in ${CLIENT_SECRET_VARIABLE}:`,
    "",
    `  jq --arg secret "$${CLIENT_SECRET_VARIABLE}" --arg url "$${ZABBIX_URL_VARIABLE}" '${JQ_FILTER}' mediatype.json |`,
    `    curl -sS --data @- -H 'Content-Type: application/json-rpc' -H "Authorization: Bearer $${ZABBIX_TOKEN_VARIABLE}" "$${ZABBIX_URL_VARIABLE}/api_jsonrpc.php"`,
    "",
    "and sign in once: open the media type, OAuth tokens: Configure, Add.",
    "",
  ]
}

export const zabbixTarget: SettingsTarget = {
  id: "zabbix",
  title: "Zabbix (Email media type)",
  group: "Applications",
  filename: "zabbix-email-media-type.txt",
  language: "text",
  oauthVerdict: {
    kind: "refresh-token",
    since: "Zabbix 7.4",
    how: "the Email media type's OAuth token authentication gets a user's access and refresh token from one browser sign-in (redirect endpoint, client ID and secret) and renews it itself; delegated SMTP.Send, not client credentials",
    source:
      "https://www.zabbix.com/documentation/7.4/en/manual/config/notifications/media/email/gmail_office",
  },
  // A user's sign-in: SMTP AUTH's mailboxes (High Volume Email takes app-only tokens only).
  oauthVariant: {
    takes:
      "Zabbix 7.4 or later, an app registration with a Web redirect URI to Zabbix, a client secret and the delegated permission SMTP.Send, and one browser sign-in as the mailbox user",
    fits: (values) => connectionFacts(values).delegatedOAuth,
  },
  render(values) {
    const facts = connectionFacts(values)
    const email = mailboxAsWritten(facts.fromName, facts.fromAddress, /[<>@]/, displayNameForHeader)
    if (oauthSignIn(facts) && facts.delegatedOAuth) {
      return {
        content: oauthLines(facts, email).join("\n"),
        secretNote: `Type the client secret (its Value) into the OAuth window's Client secret field, or let the API command read it from ${CLIENT_SECRET_VARIABLE}; Zabbix stores it in its database and renews the token with it.`,
      }
    }
    const lines = [
      "Zabbix: Alerts > Media types > Create media type (Administration > Media types in older",
      "versions, which also label the Email field SMTP email).",
      "",
      ...serverLines(facts, email),
      ...(facts.signsIn
        ? [
            "Authentication: Username and password",
            `Username: ${facts.user}`,
            `Password: type ${facts.secret.name} into the form`,
          ]
        : ["Authentication: None"]),
      "",
    ]
    return {
      content: lines.join("\n"),
      secretNote: secretNote(
        facts,
        "Type the password into the media type's Password field; Zabbix stores it in its database."
      ),
    }
  },
}
