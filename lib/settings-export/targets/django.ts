/**
 * Django's SMTP EmailBackend settings (https://docs.djangoproject.com/en/stable/topics/email/#smtp-backend).
 * The backend signs in with login() alone (EmailBackend.open(), django/core/mail/backends/smtp.py,
 * Django 3.2 to 5.x), so the OAuth 2.0 variant adds a subclass of it whose open() sends XOAUTH2
 * instead, named by EMAIL_BACKEND ("Defining a custom email backend",
 * https://docs.djangoproject.com/en/stable/topics/email/#defining-a-custom-email-backend).
 */
import { stringLiteral } from "../literals"
import { SERVER_VARIANT, msalAppOnlyServerLines, xoauth2AuthLines } from "../msal-python"
import type { SettingsTarget } from "../types"
import {
  CLIENT_SECRET_VARIABLE,
  PASSWORD_VARIABLE,
  connectionFacts,
  oauthSignIn,
  secretNote,
  type ConnectionFacts,
} from "../values"

const py = stringLiteral

/** The module the OAuth 2.0 variant's backend lives in, next to manage.py, and its class. */
const BACKEND_MODULE = "mail_oauth"
const BACKEND_CLASS = "OAuth2EmailBackend"

/** The EMAIL_* settings both files share, after EMAIL_BACKEND and before the sign-in. */
function serverLines(facts: ConnectionFacts): string[] {
  return [
    `EMAIL_HOST = ${py(facts.host)}`,
    `EMAIL_PORT = ${facts.port}`,
    "# EMAIL_USE_TLS is STARTTLS; EMAIL_USE_SSL is implicit TLS. At most one is True.",
    `EMAIL_USE_TLS = ${facts.security === "starttls" ? "True" : "False"}`,
    `EMAIL_USE_SSL = ${facts.security === "tls" ? "True" : "False"}`,
  ]
}

/** The sender and the timeout both files end on. */
function senderLines(facts: ConnectionFacts): string[] {
  return [
    `DEFAULT_FROM_EMAIL = formataddr((${py(facts.fromName)}, ${py(facts.fromAddress)}))`,
    `SERVER_EMAIL = ${py(facts.fromAddress)}`,
    "EMAIL_TIMEOUT = 30",
  ]
}

/**
 * OAuth 2.0 app-only: settings.py naming the backend, then the backend's module, each under a line
 * saying which file it is. The backend's open() is EmailBackend.open() (Django 3.2: connection_class,
 * DNS_NAME's cached local_hostname, EMAIL_TIMEOUT, `except OSError` for fail_silently; Django 4.2
 * and later the same with an ssl_context) with a verified TLS context on every version (Django 3.2
 * starts TLS without one, so Python does not check the certificate; 4.2 and later check it: "now
 * verifies a hostname and certificates", docs/releases/4.2.txt) and XOAUTH2 in place of login().
 * The token comes first, so a refused secret opens no connection; msal's and smtplib's errors are
 * both OSErrors, so fail_silently covers them as it covers a refused password.
 */
function oauthContent(facts: ConnectionFacts): string {
  return [
    `# settings.py: add these lines. The backend they name is ${BACKEND_MODULE}.py, the second part of`,
    "# this file.",
    "from email.utils import formataddr",
    "",
    `# Django's SMTP backend, signing in with OAuth 2.0 instead of a password: ${BACKEND_MODULE}.py next to`,
    "# manage.py (in a package, name it there: mysite.mail_oauth.OAuth2EmailBackend).",
    `EMAIL_BACKEND = ${py(`${BACKEND_MODULE}.${BACKEND_CLASS}`)}`,
    ...serverLines(facts),
    `EMAIL_HOST_USER = ${py(facts.user)}  # the mailbox to send as; no password`,
    ...senderLines(facts),
    "",
    "",
    `# ${BACKEND_MODULE}.py, next to manage.py: Django's SMTP EmailBackend, signing in as EMAIL_HOST_USER`,
    "# with XOAUTH2 and an app-only token from msal instead of login(). For Django 3.2 to 5.x: its",
    "# open() is EmailBackend.open() with a TLS context that checks the server's certificate (Django",
    "# 3.2 does not check it) and XOAUTH2 in place of login().",
    "import functools",
    "import os",
    "import smtplib",
    "import ssl",
    "",
    "import msal  # Microsoft's library for the token: pip install msal",
    "from django.core.mail.backends.smtp import EmailBackend",
    "from django.core.mail.utils import DNS_NAME",
    "",
    ...msalAppOnlyServerLines(facts),
    "",
    "",
    `class ${BACKEND_CLASS}(EmailBackend):`,
    '    """Django\'s SMTP backend, signing in as EMAIL_HOST_USER with XOAUTH2 instead of login()."""',
    "",
    "    def open(self):",
    "        if self.connection:",
    "            # Nothing to do if the connection is already open.",
    "            return False",
    "        # Checks the server certificate and its name, with the system's trusted CAs.",
    "        context = ssl.create_default_context()",
    '        params = {"local_hostname": DNS_NAME.get_fqdn()}',
    "        if self.timeout is not None:",
    '            params["timeout"] = self.timeout',
    "        if self.use_ssl:",
    '            params["context"] = context',
    "        try:",
    "            # The token first: without one, nothing connects.",
    "            xoauth2 = xoauth2_string(self.username)",
    "            self.connection = self.connection_class(self.host, self.port, **params)",
    "            if self.use_tls and not self.use_ssl:",
    "                self.connection.starttls(context=context)",
    ...xoauth2AuthLines("self.connection", "            "),
    "            return True",
    "        except OSError:  # smtplib's errors, the token's and the network's",
    "            if not self.fail_silently:",
    "                raise",
    "",
  ].join("\n")
}

export const djangoTarget: SettingsTarget = {
  id: "django",
  title: "Django (settings.py)",
  group: "Frameworks and languages",
  filename: "settings.py",
  language: "python",
  oauthVerdict: {
    kind: "none",
    how: "Django's SMTP EmailBackend signs in only with login(), a username and password; XOAUTH2 takes an email backend of your own (EMAIL_BACKEND), such as a subclass whose open() sends it",
    source: "https://github.com/django/django/blob/main/django/core/mail/backends/smtp.py",
  },
  oauthVariant: SERVER_VARIANT,
  render(values) {
    const facts = connectionFacts(values)
    if (oauthSignIn(facts) === "oauth-app") {
      return {
        content: oauthContent(facts),
        secretNote: `Two files: add the first part to settings.py and save the second as ${BACKEND_MODULE}.py next to manage.py. It reads the client secret from the ${CLIENT_SECRET_VARIABLE} environment variable when it first asks for a token: set it for the Django process.`,
      }
    }
    const content = [
      "import os",
      "from email.utils import formataddr",
      "",
      'EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"',
      ...serverLines(facts),
      ...(facts.signsIn
        ? [
            `EMAIL_HOST_USER = ${py(facts.user)}`,
            `EMAIL_HOST_PASSWORD = os.environ[${py(PASSWORD_VARIABLE)}]`,
          ]
        : ['EMAIL_HOST_USER = ""', 'EMAIL_HOST_PASSWORD = ""']),
      ...senderLines(facts),
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
