// Home Assistant's SMTP notify platform in configuration.yaml, with the password in secrets.yaml.
// Keys: https://www.home-assistant.io/integrations/smtp/
// (checked against homeassistant/components/smtp: encryption is starttls, tls or none).
// Secrets: https://www.home-assistant.io/docs/configuration/secrets/
import { displayNameForHeader, stringLiteral as yaml } from "../literals"
import type { SettingsTarget } from "../types"
import { connectionFacts, secretNote } from "../values"

/** The secrets.yaml key the configuration reads with !secret. */
export const HOME_ASSISTANT_SECRET = "smtp_password"

/**
 * The notifier writes f"{sender_name} <{sender}>" into the From header as it is, and its MIMEText
 * encodes a header that is not ASCII whole, address included: the name comes ready for the header.
 */
function senderName(fromName: string): string[] {
  const value = displayNameForHeader(fromName, { encode: true })
  return [
    ...(value.startsWith("=?")
      ? [`    # The From name, encoded for the mail header (RFC 2047): ${yaml(fromName)}`]
      : []),
    `    sender_name: ${yaml(value)}`,
  ]
}

export const homeAssistantTarget: SettingsTarget = {
  id: "home-assistant",
  title: "Home Assistant (configuration.yaml)",
  group: "Applications",
  filename: "configuration.yaml",
  language: "yaml",
  oauthVerdict: {
    kind: "none",
    how: "the SMTP integration signs in only with a username and password",
    source: "https://github.com/home-assistant/core/issues/127246",
  },
  render(values) {
    const facts = connectionFacts(values)
    const encryption = {
      starttls: "starttls # plain text, then STARTTLS; fails rather than send without it",
      tls: "tls # implicit TLS from the first byte",
      none: "none # no encryption",
    }[facts.security]
    const content = [
      "# Home Assistant email notifications: add to configuration.yaml (merge with an existing",
      "# notify: list), restart, then call the notify.microsoft365 action.",
      "notify:",
      '  - name: "microsoft365"',
      "    platform: smtp",
      `    server: ${yaml(facts.host)}`,
      `    port: ${facts.port}`,
      `    encryption: ${encryption}`,
      "    # Check the server's certificate (never turn this off).",
      "    verify_ssl: true",
      "    timeout: 15",
      `    sender: ${yaml(facts.fromAddress)}`,
      ...(facts.fromName ? senderName(facts.fromName) : []),
      `    recipient: ${yaml(facts.to)}`,
      ...(facts.signsIn
        ? [`    username: ${yaml(facts.user)}`, `    password: !secret ${HOME_ASSISTANT_SECRET}`]
        : []),
      "",
    ].join("\n")
    return {
      content,
      secretNote: secretNote(
        facts,
        `Put the password in secrets.yaml, next to configuration.yaml: ${HOME_ASSISTANT_SECRET}: "..." (keep that file out of backups you share).`
      ),
    }
  },
}
