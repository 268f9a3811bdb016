// The setup's names, lists and labels, without zod: the wizard's components import these, and the
// schemas (setup.ts) load only when the form is first checked. This module imports nothing of the
// schemas; setup.ts imports from here.

export const SENDING_METHODS = ["smtp-auth", "direct-send", "relay", "hve", "acs"] as const
export type SendingMethod = (typeof SENDING_METHODS)[number]

export const SECURITY_MODES = ["starttls", "tls", "none"] as const
export type SecurityMode = (typeof SECURITY_MODES)[number]

/** The security modes as every screen, table and report names them. */
export const SECURITY_MODE_LABELS = {
  starttls: "STARTTLS",
  tls: "Implicit TLS",
  none: "None",
} as const satisfies Record<SecurityMode, string>

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/
const IPV6_LITERAL = /^\[?[0-9a-f:.]+\]?$/i

export function isIpAddress(host: string) {
  return IPV4.test(host) || (host.includes(":") && IPV6_LITERAL.test(host))
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A GUID as the Entra admin center shows IDs (8f3c1a2b-0d4e-4f5a-9b6c-7d8e9f0a1b2c). */
export function isGuid(value: string) {
  return GUID.test(value)
}

export const FULL_ADDRESS_MESSAGE =
  "Enter the full email address (name@domain): Microsoft 365 signs in with the whole address, not the part before @"

/**
 * The Account step's choice of how the mailbox signs in (the form field account.authType): a
 * password, or OAuth 2.0 (XOAUTH2) with an app-only token (client credentials) or a user's token
 * from the device code flow. Unset means "password". What a whole setup signs in with is
 * `signInOf` (sign-in.ts), which also knows the methods that never sign in.
 */
export const AUTH_TYPES = ["password", "oauth-app", "oauth-device"] as const
export type AuthType = (typeof AUTH_TYPES)[number]

/** Azure Communication Services' SMTP username, as its page gives it (SOURCES.acsSmtp). */
export const ACS_USERNAME_FORMAT =
  "<resource name>|<Application (client) ID>|<Directory (tenant) ID>"

/** Labels as the Microsoft Entra admin center names the values, so admins can copy across. */
export const OAUTH_FIELD_LABELS = {
  tenant: "Directory (tenant) ID",
  clientId: "Application (client) ID",
  clientSecret: "Client secret",
  user: "Username",
} as const

/**
 * How a setup signs in, the one name for it everywhere (the test, the diagnosis, the settings
 * files, the Entra checklist): not at all (Direct Send, relay); with a password (AUTH LOGIN: a
 * mailbox's or an HVE account's); with an OAuth 2.0 token (XOAUTH2), app-only or as a user through
 * the device code flow; or, for Azure Communication Services, with an Entra app's client secret as
 * the password (AUTH LOGIN; the service gets the token itself). Always derived by signInOf
 * (sign-in.ts) from the method's entry and the Account step's choice.
 */
export type SignIn = "none" | AuthType | "app-secret"

/** The OAuth 2.0 sign-ins. */
export type OAuthSignIn = Extract<SignIn, "oauth-app" | "oauth-device">

/** The OAuth sign-ins as the Account step names them (and the Entra checklist's page). */
export const OAUTH_SIGN_IN_LABELS = {
  "oauth-app": "App-only (client credentials)",
  "oauth-device": "Device code (sign in as a user)",
} as const satisfies Record<OAuthSignIn, string>
