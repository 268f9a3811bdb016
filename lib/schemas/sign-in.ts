import { methodInfo } from "@/lib/microsoft365/methods"
import type { AuthType, SendingMethod } from "@/lib/schemas/setup-fields"

/**
 * How a setup signs in, the one name for it everywhere (the test, the diagnosis, the settings
 * files, the Entra checklist): not at all (Direct Send, relay), with a password (AUTH LOGIN), or
 * with an OAuth 2.0 token (XOAUTH2), app-only or as a user through the device code flow.
 */
export type SignIn = "none" | AuthType

/** The OAuth 2.0 sign-ins. */
export type OAuthSignIn = Extract<SignIn, "oauth-app" | "oauth-device">

/** What signInOf reads: the method, and the Account step's choice. */
export interface SignInValues {
  method: { method: SendingMethod }
  account: { authType?: AuthType | undefined }
}

/**
 * How these values sign in: what the method says (lib/microsoft365/methods.ts), then the Account
 * step's choice (unset means a password). A method whose sign-in differs (another account kind, a
 * secret used as the password) is a new case here; every caller reads the answer, never the fields.
 */
export function signInOf(values: SignInValues): SignIn {
  switch (methodInfo(values.method.method).signIn) {
    case "none":
      return "none"
    case "account":
      return values.account.authType ?? "password"
  }
}

export function isOAuth(signIn: SignIn): signIn is OAuthSignIn {
  return signIn === "oauth-app" || signIn === "oauth-device"
}

/** The OAuth sign-ins as the Account step names them (and the Entra checklist's page). */
export const OAUTH_SIGN_IN_LABELS = {
  "oauth-app": "App-only (client credentials)",
  "oauth-device": "Device code (sign in as a user)",
} as const satisfies Record<OAuthSignIn, string>
