import { stringLiteral } from "../literals"
import type { SettingsTarget } from "../types"
import { PASSWORD_VARIABLE, connectionFacts, secretNote } from "../values"

const py = stringLiteral

export const pythonSmtplibTarget: SettingsTarget = {
  id: "python-smtplib",
  title: "Python (smtplib)",
  group: "Frameworks and languages",
  filename: "send_mail.py",
  language: "python",
  render(values) {
    const facts = connectionFacts(values)
    const connect =
      facts.security === "tls"
        ? [
            `with smtplib.SMTP_SSL(${py(facts.host)}, ${facts.port}, context=context, timeout=30) as smtp:`,
          ]
        : [`with smtplib.SMTP(${py(facts.host)}, ${facts.port}, timeout=30) as smtp:`]
    const session = [
      ...(facts.security === "starttls"
        ? ["    smtp.starttls(context=context)  # fails instead of going on in plain text"]
        : []),
      ...(facts.signsIn
        ? [`    smtp.login(${py(facts.user)}, os.environ[${py(PASSWORD_VARIABLE)}])`]
        : []),
      "    smtp.send_message(message)",
    ]
    const content = [
      "import os",
      "import smtplib",
      "import ssl",
      "from email.message import EmailMessage",
      "from email.utils import formataddr",
      "",
      "message = EmailMessage()",
      `message["From"] = formataddr((${py(facts.fromName)}, ${py(facts.fromAddress)}))`,
      `message["To"] = ${py(facts.to)}`,
      'message["Subject"] = "Hello from Microsoft 365"',
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
      secretNote: secretNote(
        facts,
        `The password is read from the ${PASSWORD_VARIABLE} environment variable.`
      ),
    }
  },
}
