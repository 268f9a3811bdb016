import { methodInfo } from "@/lib/microsoft365/methods"
import { APP_ONLY_SCOPE, DEFAULT_IDENTITY_URL, DELEGATED_SMTP_SCOPE } from "@/lib/oauth/scopes"
import type { SetupValues } from "@/lib/schemas/setup"
import { isOAuth, signInOf } from "@/lib/schemas/sign-in"
import type { OAuthSignIn, SendingMethod } from "@/lib/schemas/setup-fields"

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

/** What the outputs' comments say of the service a method sends through. */
interface Service {
  /** Its name in a sentence: "Every message goes to Microsoft 365". */
  name: string
  /**
   * It is known to offer AUTH only after STARTTLS, so a client that cannot require STARTTLS still
   * never signs in in plain text.
   */
  authOnlyAfterStartTls: boolean
}

/**
 * The service behind each method. High Volume Email is part of Microsoft 365 (SOURCES.hve); Azure
 * Communication Services is Azure's email service, not Microsoft 365's (SOURCES.acsSmtp). Both
 * offer AUTH LOGIN and not PLAIN, as the Rails and Postfix outputs say (Azure Communication
 * Services: SOURCES.observedAcsLoginOnly). smtp.office365.com offers AUTH only after STARTTLS (the
 * practice simulator copies it); that was not checked on the HVE and ACS endpoints, so nothing is
 * claimed for them.
 */
const SERVICES = {
  "smtp-auth": { name: "Microsoft 365", authOnlyAfterStartTls: true },
  "direct-send": { name: "Microsoft 365", authOnlyAfterStartTls: false },
  relay: { name: "Microsoft 365", authOnlyAfterStartTls: false },
  hve: { name: "Microsoft 365", authOnlyAfterStartTls: false },
  acs: { name: "Azure Communication Services", authOnlyAfterStartTls: false },
} as const satisfies Record<SendingMethod, Service>

/** Fallback words, for a method entry without Account words (each method that signs in has them). */
const A_PASSWORD = { name: "the password", placeholder: "REPLACE-WITH-PASSWORD" }

/** Facts every generator needs, derived once from the wizard's values. */
export function connectionFacts(values: SetupValues) {
  const signIn = signInOf(values)
  const signsIn = signIn !== "none"
  const oauth = isOAuth(signIn)
  const method = values.method.method
  return {
    host: values.server.host,
    port: Number(values.server.port),
    security: values.server.security,
    /** The service it sends through, in the outputs' words. */
    service: SERVICES[method] as Service,
    signsIn,
    signIn,
    /**
     * The secret that goes in as the password, in the method's words (lib/microsoft365/methods.ts):
     * "the mailbox password", "the HVE account's password", "the Entra app's client secret (its
     * Value)".
     */
    secret: methodInfo(method).account?.secret ?? A_PASSWORD,
    /** Its password sign-in is the Basic authentication Microsoft is retiring for SMTP AUTH. */
    basicAuthRetiring: methodInfo(method).account?.basicAuthRetiring === true,
    /** The method takes a user's own OAuth 2.0 sign-in (the device code flow), not only app-only. */
    delegatedOAuth: methodInfo(method).signIns.includes("oauth-device"),
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

/** The Subject of the message the ready-to-run snippets send. */
export function testSubject(facts: ConnectionFacts): string {
  return `Hello from ${facts.service.name}`
}

/** The note every output carries on where the password goes. */
export function secretNote(facts: ConnectionFacts, where: string): string {
  return facts.signsIn ? where : "Direct Send and relay need no password."
}
