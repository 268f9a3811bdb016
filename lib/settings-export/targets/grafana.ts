// Grafana's [smtp] section in grafana.ini (or custom.ini).
// Keys: https://grafana.com/docs/grafana/latest/setup-grafana/configure-grafana/#smtp
// $__env{...}: https://grafana.com/docs/grafana/latest/setup-grafana/configure-grafana/#variable-expansion
// Grafana reads the file with go-ini, sends with go-mail: implicit TLS only on port 465,
// otherwise startTLS_policy decides (pkg/services/notifications).
import { goIniValue as ini } from "../literals"
import type { SettingsTarget } from "../types"
import { PASSWORD_VARIABLE, connectionFacts, secretNote, type ConnectionFacts } from "../values"

/** host:port as Go's net.SplitHostPort reads it: an IPv6 literal goes in brackets. */
function hostPort(host: string, port: number): string {
  return host.includes(":") && !host.startsWith("[") ? `[${host}]:${port}` : `${host}:${port}`
}

function tlsLines({ security, port }: ConnectionFacts): string[] {
  if (security === "none") {
    return [
      "# No encryption required; STARTTLS is still used when the server offers it.",
      "startTLS_policy = OpportunisticStartTLS",
    ]
  }
  const implicit =
    security === "tls"
      ? port === 465
        ? ["# Port 465: Grafana uses implicit TLS from the first byte."]
        : [
            `# Grafana uses implicit TLS only on port 465; on port ${port} it can only use STARTTLS.`,
          ]
      : []
  return [
    ...implicit,
    "# MandatoryStartTLS: stop rather than send in plain text.",
    "startTLS_policy = MandatoryStartTLS",
  ]
}

export const grafanaTarget: SettingsTarget = {
  id: "grafana",
  title: "Grafana (grafana.ini)",
  group: "Applications",
  filename: "grafana.ini",
  language: "ini",
  oauthVerdict: {
    kind: "none",
    how: "Grafana's [smtp] section signs in only with a user and password (OAuth 2.0 for email is an open request)",
    source: "https://github.com/grafana/alerting/issues/365",
  },
  render(values) {
    const facts = connectionFacts(values)
    const content = [
      "# Grafana email settings: replace the [smtp] section of grafana.ini, then restart Grafana.",
      "[smtp]",
      "enabled = true",
      `host = ${ini(hostPort(facts.host, facts.port))}`,
      ...(facts.signsIn
        ? [
            `user = ${ini(facts.user)}`,
            "# Grafana expands $__env{...} at start: the password stays in the environment.",
            `password = $__env{${PASSWORD_VARIABLE}}`,
          ]
        : []),
      "# Check the server's certificate (never skip it).",
      "skip_verify = false",
      ...tlsLines(facts),
      `from_address = ${ini(facts.fromAddress)}`,
      ...(facts.fromName ? [`from_name = ${ini(facts.fromName)}`] : []),
      "",
    ].join("\n")
    return {
      content,
      secretNote: secretNote(
        facts,
        `Set ${PASSWORD_VARIABLE} in grafana-server's environment (systemd: Environment= in an override; Docker: environment:). Grafana reads it through $__env{${PASSWORD_VARIABLE}}; $__file{/path} reads a root-only file instead.`
      ),
    }
  },
}
