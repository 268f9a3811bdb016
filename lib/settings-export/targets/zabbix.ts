// Zabbix's Email media type, field by field with the form's labels (Alerts > Media types).
// Form: https://www.zabbix.com/documentation/current/en/manual/config/notifications/media/email
// (labels checked against the frontend's mediatype edit view). Zabbix's address parser takes the
// display name literally, without quoted strings, and refuses < > @ in it. It copies the name into
// the From header as written, encoding it only when it is not ASCII.
import { domainOfAddress } from "@/lib/email-address"

import { displayNameForHeader, mailboxAsWritten } from "../literals"
import type { SettingsTarget } from "../types"
import { connectionFacts, secretNote } from "../values"

const SECURITY = { starttls: "STARTTLS", tls: "SSL/TLS", none: "None" } as const

export const zabbixTarget: SettingsTarget = {
  id: "zabbix",
  title: "Zabbix (Email media type)",
  group: "Applications",
  filename: "zabbix-email-media-type.txt",
  language: "text",
  oauthVerdict: {
    kind: "refresh-token",
    since: "Zabbix 7.4",
    how: "the Email media type's OAuth token authentication gets a user's access and refresh token from one sign-in (redirect endpoint, client ID and secret) and renews it itself; delegated SMTP.Send, not client credentials",
    source:
      "https://www.zabbix.com/documentation/current/en/manual/config/notifications/media/email/gmail_office",
  },
  render(values) {
    const facts = connectionFacts(values)
    const email = mailboxAsWritten(facts.fromName, facts.fromAddress, /[<>@]/, displayNameForHeader)
    const lines = [
      "Zabbix: Alerts > Media types > Create media type (Administration > Media types in older",
      "versions, which also label the Email field SMTP email).",
      "",
      `Name: ${facts.service.name}`,
      "Type: Email",
      "Email provider: Generic SMTP",
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
