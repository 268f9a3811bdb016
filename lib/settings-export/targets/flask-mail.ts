/**
 * Flask-Mail: the MAIL_* keys of the Flask config, loaded with app.config.from_pyfile("config.py").
 * Keys: https://flask-mail.readthedocs.io/en/latest/#configuring, checked against flask_mail's source
 * (https://github.com/pallets-eco/flask-mail: Connection.configure_host, Message.__init__).
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
  testSubject,
  type ConnectionFacts,
} from "../values"

const py = stringLiteral

/** MAIL_DEFAULT_SENDER's value: formataddr quotes the name, which Flask-Mail's (name, address) tuple does not. */
function defaultSender(facts: ConnectionFacts): string {
  return facts.fromName
    ? `formataddr((${py(facts.fromName)}, ${py(facts.fromAddress)}))`
    : py(facts.fromAddress)
}

/**
 * OAuth 2.0 app-only: one Flask app, runnable as it is (python app.py sends a test message), whose
 * Flask-Mail signs in with XOAUTH2. Mail.connect() is Flask-Mail's public API (docs/api.md); it
 * returns a Connection, whose configure_host() opens the SMTP session and calls login() (the same
 * in 0.9.1 and 0.10.0, src/flask_mail/__init__.py). The subclass overrides configure_host(), which
 * the documentation does not list, so the file says to check it on an upgrade. It also starts TLS
 * with a context that checks the certificate, which Flask-Mail's own does not, and a timeout, which
 * Flask-Mail has no setting for.
 */
function oauthContent(facts: ConnectionFacts): string {
  return [
    "# app.py: a Flask app whose Flask-Mail signs in with OAuth 2.0 (XOAUTH2, an app-only token from",
    "# msal) instead of MAIL_USERNAME and MAIL_PASSWORD. python app.py sends a test message; in your",
    "# app, use OAuth2Mail(app) where you had Mail(app), with the MAIL_* keys below.",
    "import functools",
    "import os",
    "import smtplib",
    "import ssl",
    "from email.utils import formataddr",
    "",
    "import msal  # Microsoft's library for the token: pip install msal",
    "from flask import Flask",
    "from flask_mail import Connection, Mail, Message",
    "",
    ...msalAppOnlyServerLines(facts),
    "",
    "",
    "class OAuth2Connection(Connection):",
    '    """Flask-Mail\'s connection, signing in as MAIL_USERNAME with XOAUTH2 instead of login()."""',
    "",
    "    def configure_host(self):",
    "        # Connection.configure_host() of Flask-Mail 0.9 and 0.10 with a TLS context that checks",
    "        # the server (Flask-Mail's own does not), a timeout, and XOAUTH2 in place of login().",
    "        # configure_host() is not in Flask-Mail's documented API: check it when you upgrade.",
    "        # The token first: without one, nothing connects.",
    "        xoauth2 = xoauth2_string(self.mail.username)",
    "        context = ssl.create_default_context()",
    "        if self.mail.use_ssl:",
    "            host = smtplib.SMTP_SSL(self.mail.server, self.mail.port, context=context, timeout=30)",
    "        else:",
    "            host = smtplib.SMTP(self.mail.server, self.mail.port, timeout=30)",
    "        if self.mail.use_tls:",
    "            host.starttls(context=context)",
    ...xoauth2AuthLines("host", "        "),
    "        # MAIL_DEBUG's output from here on: before signing in, it would print the token.",
    "        host.set_debuglevel(int(self.mail.debug))",
    "        return host",
    "",
    "",
    "class OAuth2Mail(Mail):",
    '    """Flask-Mail\'s Mail, sending through OAuth2Connection."""',
    "",
    "    def connect(self):",
    "        # Mail.connect() finds the app's Flask-Mail settings; only the connection's class differs.",
    "        return OAuth2Connection(super().connect().mail)",
    "",
    "",
    "app = Flask(__name__)",
    "app.config.update(",
    `    MAIL_SERVER=${py(facts.host)},`,
    `    MAIL_PORT=${facts.port},`,
    "    # MAIL_USE_TLS is STARTTLS; MAIL_USE_SSL is implicit TLS.",
    `    MAIL_USE_TLS=${facts.security === "starttls" ? "True" : "False"},`,
    `    MAIL_USE_SSL=${facts.security === "tls" ? "True" : "False"},`,
    `    MAIL_USERNAME=${py(facts.user)},  # the mailbox to send as; no MAIL_PASSWORD`,
    `    MAIL_DEFAULT_SENDER=${defaultSender(facts)},`,
    ")",
    "mail = OAuth2Mail(app)",
    "",
    'if __name__ == "__main__":',
    "    with app.app_context():",
    "        mail.send(",
    "            Message(",
    `                subject=${py(testSubject(facts))},`,
    `                recipients=[${py(facts.to)}],`,
    '                body="It works.",',
    "            )",
    "        )",
    "",
  ].join("\n")
}

export const flaskMailTarget: SettingsTarget = {
  id: "flask-mail",
  title: "Flask (Flask-Mail)",
  group: "Frameworks and languages",
  filename: "config.py",
  language: "python",
  oauthVerdict: {
    kind: "none",
    how: "Flask-Mail signs in only with login(), MAIL_USERNAME and MAIL_PASSWORD; XOAUTH2 takes a Connection of your own whose configure_host() sends it, through a Mail whose connect() returns it",
    source: "https://github.com/pallets-eco/flask-mail/blob/main/src/flask_mail/__init__.py",
  },
  oauthVariant: SERVER_VARIANT,
  render(values) {
    const facts = connectionFacts(values)
    if (oauthSignIn(facts) === "oauth-app") {
      return {
        filename: "app.py",
        content: oauthContent(facts),
        secretNote: `The app reads the client secret from the ${CLIENT_SECRET_VARIABLE} environment variable when it first asks for a token: set it for the Flask process.`,
      }
    }
    const sender = [
      ...(facts.fromName
        ? [
            "# formataddr quotes the name: Flask-Mail joins a (name, address) tuple without quoting it.",
          ]
        : []),
      `MAIL_DEFAULT_SENDER = ${defaultSender(facts)}`,
    ]
    const content = [
      '# Flask-Mail settings: app.config.from_pyfile("config.py") before Mail(app).',
      ...(facts.signsIn ? ["import os"] : []),
      ...(facts.fromName ? ["from email.utils import formataddr"] : []),
      "",
      `MAIL_SERVER = ${py(facts.host)}`,
      `MAIL_PORT = ${facts.port}`,
      "# MAIL_USE_TLS is STARTTLS (it fails rather than send in plain text); MAIL_USE_SSL is implicit TLS.",
      `MAIL_USE_TLS = ${facts.security === "starttls" ? "True" : "False"}`,
      `MAIL_USE_SSL = ${facts.security === "tls" ? "True" : "False"}`,
      ...(facts.security === "none"
        ? []
        : [
            "# Flask-Mail has no setting to check the server certificate: it starts TLS without an SSL",
            "# context, so Python does not verify it. The OpenSSL check in smtp365 shows the certificate.",
          ]),
      ...(facts.signsIn
        ? [
            `MAIL_USERNAME = ${py(facts.user)}`,
            `MAIL_PASSWORD = os.environ[${py(PASSWORD_VARIABLE)}]`,
          ]
        : []),
      ...sender,
      "",
    ].join("\n")
    return {
      content,
      secretNote: secretNote(
        facts,
        `MAIL_PASSWORD is read from the ${PASSWORD_VARIABLE} environment variable when the config loads: set it for the Flask process.`
      ),
    }
  },
}
