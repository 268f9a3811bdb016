import { stringLiteral } from "../literals"
import type { SettingsTarget } from "../types"
import {
  AUTHORITY_VARIABLE,
  CLIENT_SECRET_VARIABLE,
  OAUTH_SCOPES,
  PASSWORD_VARIABLE,
  connectionFacts,
  oauthSignIn,
  secretNote,
  testSubject,
  type ConnectionFacts,
} from "../values"
import type { OAuthSignIn } from "@/lib/schemas/setup-fields"
import { DEFAULT_IDENTITY_URL } from "@/lib/oauth/scopes"

const js = stringLiteral

/**
 * The token request for each OAuth flow, against the v2.0 endpoints (SOURCES.clientCredentialsFlow,
 * SOURCES.deviceCodeFlow). nodemailer has no client credentials or device code grant of its own
 * (reference §3), so the script asks with fetch and hands the token over through nodemailer's
 * provisionCallback, which nodemailer calls again for a new token when the server refuses one.
 */
function tokenFunction(kind: OAuthSignIn): string[] {
  const scope = js(OAUTH_SCOPES[kind].join(" "))
  if (kind === "oauth-app") {
    return [
      "/** The app's own token (client credentials): no user signs in. */",
      "function fetchToken() {",
      "  return post(`${ENDPOINTS}/token`, {",
      '    grant_type: "client_credentials",',
      "    client_id: CLIENT_ID,",
      `    client_secret: process.env.${CLIENT_SECRET_VARIABLE} ?? "", // from the environment, never in code`,
      `    scope: ${scope},`,
      "  })",
      "}",
    ]
  }
  return [
    "// A user's token (device code flow): the user signs in once in a browser with the printed code;",
    "// offline_access brings a refresh token, which renews the token without asking again.",
    `const SCOPE = ${scope}`,
    "let refreshToken",
    "",
    "async function fetchToken() {",
    "  const answer = refreshToken",
    "    ? await post(`${ENDPOINTS}/token`, {",
    '        grant_type: "refresh_token",',
    "        client_id: CLIENT_ID,",
    "        refresh_token: refreshToken,",
    "        scope: SCOPE,",
    "      })",
    "    : await signIn()",
    "  // Each answer may carry a new refresh token: use it from then on.",
    "  refreshToken = answer.refresh_token ?? refreshToken",
    "  return answer",
    "}",
    "",
    "async function signIn() {",
    "  const code = await post(`${ENDPOINTS}/devicecode`, { client_id: CLIENT_ID, scope: SCOPE })",
    "  console.log(code.message) // where to sign in, and the code to enter",
    "  const deadline = Date.now() + code.expires_in * 1000",
    "  while (Date.now() < deadline) {",
    "    await new Promise((resolve) => setTimeout(resolve, code.interval * 1000))",
    "    const answer = await post(`${ENDPOINTS}/token`, {",
    '      grant_type: "urn:ietf:params:oauth:grant-type:device_code",',
    "      client_id: CLIENT_ID,",
    "      device_code: code.device_code,",
    "    }).catch((error) => error)",
    "    if (!(answer instanceof Error)) return answer",
    '    if (answer.code !== "authorization_pending") throw answer',
    "  }",
    '  throw new Error("The sign-in code expired: run the script again")',
    "}",
  ]
}

/** The script's OAuth part: the app's IDs, the token endpoint and the token request. */
function oauthLines(facts: ConnectionFacts, kind: OAuthSignIn): string[] {
  return [
    `const TENANT = ${js(facts.tenant)} // Directory (tenant) ID`,
    `const CLIENT_ID = ${js(facts.clientId)} // Application (client) ID`,
    `// Microsoft's sign-in address; ${AUTHORITY_VARIABLE} names another (a national cloud, a test server).`,
    `const AUTHORITY = process.env.${AUTHORITY_VARIABLE} ?? ${js(DEFAULT_IDENTITY_URL)}`,
    "const ENDPOINTS = `${AUTHORITY}/${TENANT}/oauth2/v2.0`",
    "",
    "/** A request to the Microsoft identity platform; its errors say what is wrong (AADSTS...). */",
    "async function post(url, form) {",
    "  const response = await fetch(url, {",
    '    method: "POST",',
    "    body: new URLSearchParams(form),",
    "    signal: AbortSignal.timeout(10_000),",
    "  })",
    "  const answer = await response.json()",
    "  if (response.ok) return answer",
    "  throw Object.assign(new Error(answer.error_description ?? `HTTP ${response.status}`), {",
    "    code: answer.error,",
    "  })",
    "}",
    "",
    ...tokenFunction(kind),
    "",
  ]
}

export const nodemailerTarget: SettingsTarget = {
  id: "nodemailer",
  title: "Node.js (nodemailer)",
  group: "Frameworks and languages",
  filename: "send-mail.mjs",
  language: "javascript",
  oauthVerdict: {
    kind: "takes-token",
    how: "nodemailer sends XOAUTH2 with a token from its provisionCallback (its built-in renewal only knows refresh tokens, with Gmail's address by default), so the script gets the app's token and hands it over",
    source: "https://nodemailer.com/smtp/oauth2",
  },
  oauthVariant: {
    takes: "an Entra app with its client secret in SMTP_CLIENT_SECRET; no extra package",
  },
  render(values) {
    const facts = connectionFacts(values)
    const kind = oauthSignIn(facts)
    const tlsLines =
      facts.security === "tls"
        ? ["  secure: true, // implicit TLS from the first byte"]
        : facts.security === "starttls"
          ? [
              "  secure: false, // starts in plain text, then upgrades with STARTTLS",
              "  requireTLS: true, // stop if the upgrade fails instead of sending in plain text",
            ]
          : ["  secure: false, // no encryption is required; STARTTLS is still used when offered"]
    const authLines = kind
      ? [
          "  auth: {",
          '    type: "OAuth2", // XOAUTH2 with the token below',
          `    user: ${js(facts.user)},`,
          "    // nodemailer calls this for a token, and again for a new one when the server refuses it.",
          "    provisionCallback(user, renew, callback) {",
          "      fetchToken().then(",
          "        (answer) => callback(null, answer.access_token, Date.now() + answer.expires_in * 1000),",
          "        (error) => callback(error)",
          "      )",
          "    },",
          "  },",
        ]
      : facts.signsIn
        ? [
            "  auth: {",
            `    user: ${js(facts.user)},`,
            `    pass: process.env.${PASSWORD_VARIABLE}, // from the environment, never in code`,
            "  },",
          ]
        : []
    const from = facts.fromName
      ? `{ name: ${js(facts.fromName)}, address: ${js(facts.fromAddress)} }`
      : js(facts.fromAddress)
    const content = [
      'import nodemailer from "nodemailer"',
      "",
      ...(kind ? oauthLines(facts, kind) : []),
      "const transporter = nodemailer.createTransport({",
      `  host: ${js(facts.host)},`,
      `  port: ${facts.port},`,
      ...tlsLines,
      ...authLines,
      "})",
      "",
      "await transporter.sendMail({",
      `  from: ${from},`,
      `  to: ${js(facts.to)},`,
      `  subject: ${js(testSubject(facts))},`,
      '  text: "It works.",',
      "})",
      "",
    ].join("\n")
    return {
      content,
      secretNote:
        kind === "oauth-app"
          ? `The client secret is read from the ${CLIENT_SECRET_VARIABLE} environment variable.`
          : kind === "oauth-device"
            ? "No secret: when the script starts, it prints a code for the mailbox user to enter at Microsoft's sign-in page."
            : secretNote(
                facts,
                `The password is read from the ${PASSWORD_VARIABLE} environment variable.`
              ),
    }
  },
}
