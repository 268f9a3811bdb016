/**
 * Flask-Mail: the MAIL_* keys of the Flask config, loaded with app.config.from_pyfile("config.py").
 * Keys: https://flask-mail.readthedocs.io/en/latest/#configuring, checked against flask_mail's source
 * (https://github.com/pallets-eco/flask-mail: Connection.configure_host, Message.__init__).
 */
import { stringLiteral } from "../literals"
import type { SettingsTarget } from "../types"
import { PASSWORD_VARIABLE, connectionFacts, secretNote } from "../values"

const py = stringLiteral

export const flaskMailTarget: SettingsTarget = {
  id: "flask-mail",
  title: "Flask (Flask-Mail)",
  group: "Frameworks and languages",
  filename: "config.py",
  language: "python",
  oauthVerdict: {
    kind: "none",
    how: "Flask-Mail signs in only with login(), MAIL_USERNAME and MAIL_PASSWORD",
    source: "https://github.com/pallets-eco/flask-mail/blob/main/src/flask_mail/__init__.py",
  },
  render(values) {
    const facts = connectionFacts(values)
    const sender = facts.fromName
      ? [
          "# formataddr quotes the name: Flask-Mail joins a (name, address) tuple without quoting it.",
          `MAIL_DEFAULT_SENDER = formataddr((${py(facts.fromName)}, ${py(facts.fromAddress)}))`,
        ]
      : [`MAIL_DEFAULT_SENDER = ${py(facts.fromAddress)}`]
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
