import { stringLiteral } from "../literals"
import type { SettingsTarget } from "../types"
import { PASSWORD_VARIABLE, connectionFacts, secretNote } from "../values"

const py = stringLiteral

export const djangoTarget: SettingsTarget = {
  id: "django",
  title: "Django (settings.py)",
  group: "Frameworks and languages",
  filename: "settings.py",
  language: "python",
  oauthVerdict: {
    kind: "none",
    how: "Django's SMTP EmailBackend signs in only with login(), a username and password; XOAUTH2 needs a backend of your own",
    source: "https://github.com/django/django/blob/main/django/core/mail/backends/smtp.py",
  },
  render(values) {
    const facts = connectionFacts(values)
    const content = [
      "import os",
      "from email.utils import formataddr",
      "",
      'EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"',
      `EMAIL_HOST = ${py(facts.host)}`,
      `EMAIL_PORT = ${facts.port}`,
      "# EMAIL_USE_TLS is STARTTLS; EMAIL_USE_SSL is implicit TLS. At most one is True.",
      `EMAIL_USE_TLS = ${facts.security === "starttls" ? "True" : "False"}`,
      `EMAIL_USE_SSL = ${facts.security === "tls" ? "True" : "False"}`,
      ...(facts.signsIn
        ? [
            `EMAIL_HOST_USER = ${py(facts.user)}`,
            `EMAIL_HOST_PASSWORD = os.environ[${py(PASSWORD_VARIABLE)}]`,
          ]
        : ['EMAIL_HOST_USER = ""', 'EMAIL_HOST_PASSWORD = ""']),
      `DEFAULT_FROM_EMAIL = formataddr((${py(facts.fromName)}, ${py(facts.fromAddress)}))`,
      `SERVER_EMAIL = ${py(facts.fromAddress)}`,
      "EMAIL_TIMEOUT = 30",
      "",
    ].join("\n")
    return {
      content,
      secretNote: secretNote(
        facts,
        `Add these lines to settings.py; the password comes from the ${PASSWORD_VARIABLE} environment variable.`
      ),
    }
  },
}
