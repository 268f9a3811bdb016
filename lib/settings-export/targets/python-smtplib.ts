import { stringLiteral } from "../literals"
import type { SettingsTarget } from "../types"
import { msalTokenLines } from "../msal-python"
import {
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

/** The token from msal, then the SASL XOAUTH2 string of reference §3 (SOURCES.oauth), which smtplib's auth() base64-encodes. */
function tokenLines(facts: ConnectionFacts, kind: OAuthSignIn): string[] {
  return [
    ...msalTokenLines(facts, kind),
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
  oauthVerdict: {
    kind: "takes-token",
    since: "Python 3.5",
    how: "smtplib's auth() sends any SASL mechanism, XOAUTH2 included, with the token the script gets from msal",
    source: "https://docs.python.org/3/library/smtplib.html#smtplib.SMTP.auth",
  },
  oauthVariant: {
    takes:
      "msal (pip install msal, or Debian's python3-msal) and the client secret in SMTP_CLIENT_SECRET",
  },
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
