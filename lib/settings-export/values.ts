import { APP_ONLY_SCOPE, DEFAULT_IDENTITY_URL, DELEGATED_SMTP_SCOPE } from "@/lib/oauth/scopes"
import type { SetupValues } from "@/lib/schemas/setup"
import { isOAuth, signInOf } from "@/lib/schemas/sign-in"
import type { OAuthSignIn } from "@/lib/schemas/setup-fields"

/** The name of the environment variable every output reads the password from. */
export const PASSWORD_VARIABLE = "SMTP_PASSWORD"
/** OAuth 2.0 app-only: the environment variable outputs read the client secret from. */
export const CLIENT_SECRET_VARIABLE = "SMTP_CLIENT_SECRET"
/**
 * The environment variable a generated script reads the sign-in address from, when set: Microsoft's
 * by default, another cloud's or a test server's otherwise.
 */
export const AUTHORITY_VARIABLE = "OAUTH_AUTHORITY"

/**
 * What the outputs ask the Microsoft identity platform for (SOURCES.oauth, via lib/oauth/scopes):
 * app-only tokens use the .default scope of Exchange Online; a user's token the delegated
 * SMTP.Send scope, with offline_access for a refresh token (reference §3: "Add offline_access to
 * get refresh tokens").
 */
export const OAUTH_SCOPES = {
  "oauth-app": [APP_ONLY_SCOPE],
  "oauth-device": [DELEGATED_SMTP_SCOPE, "offline_access"],
} as const satisfies Record<OAuthSignIn, readonly string[]>

/** Facts every generator needs, derived once from the wizard's values. */
export function connectionFacts(values: SetupValues) {
  const signIn = signInOf(values)
  const signsIn = signIn !== "none"
  const oauth = isOAuth(signIn)
  return {
    host: values.server.host,
    port: Number(values.server.port),
    security: values.server.security,
    signsIn,
    signIn,
    /** OAuth only: the Directory (tenant) ID or domain, and the Application (client) ID. */
    tenant: oauth ? (values.account.tenant ?? "").trim() : "",
    clientId: oauth ? (values.account.clientId ?? "").trim() : "",
    user: signsIn ? values.account.user : "",
    fromAddress: values.sender.fromAddress,
    fromName: values.sender.fromName,
    to: values.test.to,
  }
}

export type ConnectionFacts = ReturnType<typeof connectionFacts>

/** The OAuth 2.0 sign-in of these facts, if any. */
export function oauthSignIn(facts: ConnectionFacts): OAuthSignIn | undefined {
  return isOAuth(facts.signIn) ? facts.signIn : undefined
}

/**
 * The Microsoft identity platform v2.0 token endpoint of the tenant (reference §3:
 * `https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token`, SOURCES.oauth).
 */
export function tokenEndpoint(facts: ConnectionFacts, base: string = DEFAULT_IDENTITY_URL): string {
  return `${base}/${encodeURIComponent(facts.tenant)}/oauth2/v2.0/token`
}

/** The note every output carries on where the password goes. */
export function secretNote(facts: ConnectionFacts, where: string): string {
  return facts.signsIn ? where : "Direct Send and relay need no password."
}
