// The setup's names, lists and labels, without zod: the wizard's components import these, and the
// schemas (setup.ts, which re-exports them) load only when the form is first checked.

export type { SetupInput, SetupValues } from "@/lib/schemas/setup"

/** Wizard steps, in order. The form values are keyed by the steps that hold fields. */
export const STEP_IDS = [
  "method",
  "server",
  "account",
  "sender",
  "domain",
  "test",
  "settings",
] as const
export type StepId = (typeof STEP_IDS)[number]

export const SENDING_METHODS = ["smtp-auth", "direct-send", "relay"] as const
export type SendingMethod = (typeof SENDING_METHODS)[number]

export const SECURITY_MODES = ["starttls", "tls", "none"] as const
export type SecurityMode = (typeof SECURITY_MODES)[number]

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/
const IPV6_LITERAL = /^\[?[0-9a-f:.]+\]?$/i

export function isIpAddress(host: string) {
  return IPV4.test(host) || (host.includes(":") && IPV6_LITERAL.test(host))
}

export const FULL_ADDRESS_MESSAGE =
  "Enter the full email address (name@domain): Microsoft 365 signs in with the whole address, not the part before @"

/**
 * How SMTP AUTH signs in: a password, or OAuth 2.0 (XOAUTH2) with an app-only token (client
 * credentials) or a user's token from the device code flow. Unset means "password".
 */
export const AUTH_TYPES = ["password", "oauth-app", "oauth-device"] as const
export type AuthType = (typeof AUTH_TYPES)[number]

/** Labels as the Microsoft Entra admin center names the values, so admins can copy across. */
export const OAUTH_FIELD_LABELS = {
  tenant: "Directory (tenant) ID",
  clientId: "Application (client) ID",
  clientSecret: "Client secret",
  user: "Username",
} as const

/** The OAuth flows as the Account step names them (and the Entra checklist's page). */
export const OAUTH_FLOW_LABELS = {
  "oauth-app": "App-only (client credentials)",
  "oauth-device": "Device code (sign in as a user)",
} as const satisfies Record<Exclude<AuthType, "password">, string>

/** The form fields of each step, as react-hook-form paths. */
export const STEP_FIELDS = {
  method: ["method.method"],
  server: ["server.practice", "server.domain", "server.host", "server.port", "server.security"],
  account: [
    "account.authType",
    "account.user",
    "account.pass",
    "account.tenant",
    "account.clientId",
    "account.clientSecret",
    "account.flowId",
  ],
  sender: ["sender.fromAddress", "sender.fromName"],
  // The domain check is optional and has its own small form (outside the wizard's).
  domain: [],
  test: ["test.to"],
  settings: [],
} as const satisfies Record<StepId, readonly string[]>
