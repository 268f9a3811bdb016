import { methodInfo } from "@/lib/microsoft365/methods"
import type { AuthType, OAuthSignIn, SendingMethod, SignIn } from "@/lib/schemas/setup-fields"

/** What signInOf reads: the method, and the Account step's choice. */
export interface SignInValues {
  method: { method: SendingMethod }
  account: { authType?: AuthType | undefined }
}

/**
 * How these values sign in: the Account step's choice (unset means a password) when the method
 * takes it, else the method's default (lib/microsoft365/methods.ts, signIns). Every caller reads
 * the answer, never the fields.
 */
export function signInOf(values: SignInValues): SignIn {
  const { signIns } = methodInfo(values.method.method)
  const chosen = values.account.authType ?? "password"
  // A choice the method does not take (left from another method) falls back to its default.
  return signIns.find((signIn) => signIn === chosen) ?? signIns[0]
}

/** Whether the sign-in sends a password (the form's account.pass) with AUTH LOGIN or PLAIN. */
export function usesPassword(signIn: SignIn): boolean {
  return signIn === "password" || signIn === "app-secret"
}

export function isOAuth(signIn: SignIn): signIn is OAuthSignIn {
  return signIn === "oauth-app" || signIn === "oauth-device"
}

/** The fields that hold a secret: never kept, so a reload empties them. */
export type SecretFieldName = "account.pass" | "account.clientSecret"

/**
 * The field holding the secret this sign-in sends: the password (a mailbox's, an HVE account's, or
 * an Azure Communication Services app's client secret) or an app-only OAuth app's client secret.
 * None for the device code flow (the user signs in elsewhere) or a setup that does not sign in.
 */
export function secretFieldOf(signIn: SignIn): SecretFieldName | null {
  if (usesPassword(signIn)) return "account.pass"
  return signIn === "oauth-app" ? "account.clientSecret" : null
}
