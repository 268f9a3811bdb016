import { stringLiteral } from "../literals"
import type { SettingsTarget } from "../types"
import { msalTokenLines, xoauth2AuthLines } from "../msal-python"
import {
  CLIENT_SECRET_VARIABLE,
  PASSWORD_VARIABLE,
  connectionFacts,
  oauthSignIn,
  secretNote,
  testSubject,
} from "../values"

const py = stringLiteral

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
      ? xoauth2AuthLines("smtp", "    ")
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
      ...(kind ? msalTokenLines(facts, kind) : []),
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
