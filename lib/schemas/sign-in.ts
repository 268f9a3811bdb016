import { methodInfo } from "@/lib/microsoft365/methods"
import type { AuthType, OAuthSignIn, SendingMethod, SignIn } from "@/lib/schemas/setup-fields"

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
