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
