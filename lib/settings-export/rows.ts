import { methodInfo } from "@/lib/microsoft365/methods"
import type { SetupValues } from "@/lib/schemas/setup"
import { OAUTH_FIELD_LABELS, SECURITY_MODE_LABELS } from "@/lib/schemas/setup-fields"
import type { OAuthSignIn } from "@/lib/schemas/setup-fields"
import type { SettingsRow } from "./types"
import { connectionFacts, oauthSignIn } from "./values"

const OAUTH_NAMES = {
  "oauth-app": "OAuth 2.0, app-only (client credentials)",
  "oauth-device": "OAuth 2.0, as a user (device code)",
} as const satisfies Record<OAuthSignIn, string>

/**
 * The settings as a table, to enter by hand and to quote in a report. Kept apart from the
 * generators (./index) so the wizard's first load does not carry them.
 */
export function settingsRows(values: SetupValues): SettingsRow[] {
  const facts = connectionFacts(values)
  const rows: SettingsRow[] = [
    { label: "Sending method", value: methodInfo(values.method.method).name, copyable: true },
    { label: "Server", value: facts.host, copyable: true },
    { label: "Port", value: String(facts.port), copyable: true },
    { label: "Security", value: SECURITY_MODE_LABELS[facts.security], copyable: true },
  ]
  const kind = oauthSignIn(facts)
  if (kind) {
    rows.push({ label: "Authentication", value: OAUTH_NAMES[kind], copyable: false })
    rows.push({ label: OAUTH_FIELD_LABELS.user, value: facts.user, copyable: true })
    rows.push({ label: OAUTH_FIELD_LABELS.tenant, value: facts.tenant, copyable: true })
    rows.push({ label: OAUTH_FIELD_LABELS.clientId, value: facts.clientId, copyable: true })
    if (kind === "oauth-app") {
      rows.push({
        label: OAUTH_FIELD_LABELS.clientSecret,
        value: "(the client secret's Value)",
        note: "Never shown or stored by smtp365: put it into the app yourself.",
        copyable: false,
      })
    }
  } else if (facts.signsIn) {
    rows.push({ label: "Username", value: facts.user, copyable: true })
    rows.push({
      label: "Password",
      value: `(${facts.secret.name})`,
      note: "Never shown or stored by smtp365: type it into the device or app yourself.",
      copyable: false,
    })
  } else {
    rows.push({
      label: "Authentication",
      value: "None",
      note: "Direct Send and relay do not sign in.",
      copyable: false,
    })
  }
  rows.push({ label: "From address", value: facts.fromAddress, copyable: true })
  if (facts.fromName) rows.push({ label: "From name", value: facts.fromName, copyable: true })
  return rows
}
