import { APP_ONLY_SCOPE, DEFAULT_IDENTITY_URL, DELEGATED_SMTP_SCOPE } from "@/lib/oauth/scopes"
import { stringLiteral } from "../literals"
import type { SettingsTarget } from "../types"
import {
  AUTHORITY_VARIABLE,
  CLIENT_SECRET_VARIABLE,
  PASSWORD_VARIABLE,
  connectionFacts,
  oauthSignIn,
  secretNote,
  testSubject,
  type ConnectionFacts,
} from "../values"
import type { OAuthSignIn } from "@/lib/schemas/setup-fields"

const py = stringLiteral

/**
 * The token from Microsoft's own library, msal (its app-only and device code APIs), then the SASL
 * XOAUTH2 string `user=…^Aauth=Bearer …^A^A` of reference §3 (SOURCES.oauth), which smtplib's
 * auth() base64-encodes. msal adds openid, profile and offline_access itself and refuses them in
 * `scopes`, so only the SMTP scope is asked for.
 */
function tokenLines(facts: ConnectionFacts, kind: OAuthSignIn): string[] {
  const common = [
    `TENANT = ${py(facts.tenant)}  # Directory (tenant) ID`,
    `CLIENT_ID = ${py(facts.clientId)}  # Application (client) ID`,
    `USER = ${py(facts.user)}  # the mailbox to send as`,
    `# Microsoft's sign-in address; ${AUTHORITY_VARIABLE} names another (a national cloud, a test server).`,
    `AUTHORITY = os.environ.get(${py(AUTHORITY_VARIABLE)}, ${py(DEFAULT_IDENTITY_URL)})`,
    "",
  ]
  const acquire =
    kind === "oauth-app"
      ? [
          "# OAuth 2.0 app-only (client credentials): the app signs in as itself, no user.",
          "app = msal.ConfidentialClientApplication(",
          "    CLIENT_ID,",
          '    authority=f"{AUTHORITY}/{TENANT}",',
          `    client_credential=os.environ[${py(CLIENT_SECRET_VARIABLE)}],`,
          ")",
          `token = app.acquire_token_for_client(scopes=[${py(APP_ONLY_SCOPE)}])`,
        ]
      : [
          "# OAuth 2.0 as a user (device code flow): the mailbox user signs in in a browser with the",
          "# code printed here.",
          'app = msal.PublicClientApplication(CLIENT_ID, authority=f"{AUTHORITY}/{TENANT}")',
          `flow = app.initiate_device_flow(scopes=[${py(DELEGATED_SMTP_SCOPE)}])`,
          'if "user_code" not in flow:',
          '    raise SystemExit(flow.get("error_description", flow))',
          'print(flow["message"])',
          "token = app.acquire_token_by_device_flow(flow)",
        ]
  return [
    ...common,
    ...acquire,
    'if "access_token" not in token:',
    '    # Microsoft\'s reason, for example "AADSTS7000215: Invalid client secret provided."',
    '    raise SystemExit(token.get("error_description", token.get("error")))',
    "# SASL XOAUTH2: the mailbox and the token, separated by Ctrl-A (\\x01).",
    `xoauth2 = f"user={USER}\\x01auth=Bearer {token['access_token']}\\x01\\x01"`,
    "",
  ]
}

export const pythonSmtplibTarget: SettingsTarget = {
  id: "python-smtplib",
  title: "Python (smtplib)",
  group: "Frameworks and languages",
  filename: "send_mail.py",
  language: "python",
  oauth: "supported",
  render(values) {
    const facts = connectionFacts(values)
    const kind = oauthSignIn(facts)
    const connect =
      facts.security === "tls"
        ? [
            `with smtplib.SMTP_SSL(${py(facts.host)}, ${facts.port}, context=context, timeout=30) as smtp:`,
          ]
        : [`with smtplib.SMTP(${py(facts.host)}, ${facts.port}, timeout=30) as smtp:`]
    const signIn = kind
      ? [
          "    smtp.ehlo()",
          "    # The server's error answer to a refused token is a 334 challenge: answer it empty.",
          '    smtp.auth("XOAUTH2", lambda challenge=None: xoauth2 if challenge is None else "")',
        ]
      : facts.signsIn
        ? [`    smtp.login(${py(facts.user)}, os.environ[${py(PASSWORD_VARIABLE)}])`]
        : []
    const session = [
      ...(facts.security === "starttls"
        ? ["    smtp.starttls(context=context)  # fails instead of going on in plain text"]
        : []),
      ...signIn,
      "    smtp.send_message(message)",
    ]
    const content = [
      "import os",
      "import smtplib",
      "import ssl",
      "from email.message import EmailMessage",
      "from email.utils import formataddr",
      ...(kind ? ["", "import msal  # Microsoft's library for the token: pip install msal"] : []),
      "",
      ...(kind ? tokenLines(facts, kind) : []),
      "message = EmailMessage()",
      `message["From"] = formataddr((${py(facts.fromName)}, ${py(facts.fromAddress)}))`,
      `message["To"] = ${py(facts.to)}`,
      `message["Subject"] = ${py(testSubject(facts))}`,
      'message.set_content("It works.")',
      "",
      "# Verifies the server certificate and its name, with the system's trusted CAs.",
      "context = ssl.create_default_context()",
      ...connect,
      ...session,
      "",
    ].join("\n")
    return {
      content,
      secretNote:
        kind === "oauth-app"
          ? `The client secret is read from the ${CLIENT_SECRET_VARIABLE} environment variable.`
          : kind === "oauth-device"
            ? "No secret: the script prints a code for the mailbox user to enter at Microsoft's sign-in page."
            : secretNote(
                facts,
                `The password is read from the ${PASSWORD_VARIABLE} environment variable.`
              ),
    }
  },
}
