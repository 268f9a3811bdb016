// Home Assistant's SMTP notify platform in configuration.yaml, with the password in secrets.yaml.
// Keys: https://www.home-assistant.io/integrations/smtp/
// (checked against homeassistant/components/smtp: encryption is starttls, tls or none).
// Secrets: https://www.home-assistant.io/docs/configuration/secrets/
import { stringLiteral as yaml } from "../literals"
import type { SettingsTarget } from "../types"
import { connectionFacts, secretNote } from "../values"

/** The secrets.yaml key the configuration reads with !secret. */
export const HOME_ASSISTANT_SECRET = "smtp_password"

export const homeAssistantTarget: SettingsTarget = {
  id: "home-assistant",
  title: "Home Assistant (configuration.yaml)",
  group: "Applications",
  filename: "configuration.yaml",
  language: "yaml",
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
      ...(facts.fromName ? [`    sender_name: ${yaml(facts.fromName)}`] : []),
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
