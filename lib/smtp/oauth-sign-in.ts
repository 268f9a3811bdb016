import "server-only"

import { acquireAppToken } from "@/lib/oauth/app-token"
import { summarizeToken, type TokenSummary } from "@/lib/oauth/claims"
import { deviceCodeToken } from "@/lib/oauth/device-code"
import type { IdentityFailure } from "@/lib/oauth/identity-failure"
import { APP_ONLY_SCOPE, DEFAULT_IDENTITY_URL } from "@/lib/oauth/scopes"
import type { SetupValues } from "@/lib/schemas/setup"
import type { OAuthSignIn } from "@/lib/schemas/setup-fields"
import { isSharedStoreUnavailable } from "@/lib/shared-store/unavailable"
import type { StageTracker } from "./stage-tracker"
import type { Transcript } from "./transcript"
import type { FailureFacts } from "./types"

export interface TokenSource {
  /** Base URL of the Microsoft identity platform (SMTP365_IDENTITY_URL). */
  identityUrl?: string
  /**
   * The token of a finished device code sign-in; defaults to the pending flows (this server's,
   * or with Redis every instance's).
   */
  deviceToken?: (flowId: string) => string | undefined | Promise<string | undefined>
}

export type TokenStep =
  | { ok: true; accessToken: string; summary: TokenSummary | null }
  | { ok: false; failure: FailureFacts }

/**
 * The "token" stage of an OAuth test: an app-only token from the identity platform (client
 * credentials), or the user's token from a finished device code sign-in. Reports the stage and a
 * summary line; the token itself goes only to the caller, which sends it over TLS in XOAUTH2.
 */
export async function fetchToken(
  signIn: OAuthSignIn,
  account: SetupValues["account"],
  source: TokenSource,
  timeoutMs: number,
  tracker: StageTracker,
  transcript: Transcript
): Promise<TokenStep> {
  const identityUrl = (source.identityUrl ?? DEFAULT_IDENTITY_URL).replace(/\/+$/, "")
  const tenant = account.tenant ?? ""
  let accessToken: string | undefined
  let failure: IdentityFailure | undefined

  if (signIn === "oauth-app") {
    tracker.begin("token", "Client credentials")
    transcript.add(
      "info",
      `Token request to ${identityUrl}/${encodeURIComponent(tenant)}/oauth2/v2.0/token (client credentials, scope ${APP_ONLY_SCOPE})`
    )
    const result = await acquireAppToken(
      { tenant, clientId: account.clientId ?? "", clientSecret: account.clientSecret ?? "" },
      identityUrl,
      timeoutMs
    )
    if (result.ok) accessToken = result.accessToken
    else failure = result.failure
  } else {
    tracker.begin("token", "Device code")
    try {
      accessToken = await (source.deviceToken ?? deviceCodeToken)(account.flowId ?? "")
    } catch (error) {
      // With Redis: the sign-in's token is there, and Redis does not answer.
      if (!isSharedStoreUnavailable(error)) throw error
      failure = { code: "ESHAREDSTORE", message: error.message }
    }
    if (!accessToken && !failure) {
      failure = {
        code: "EDEVICECODE",
        message: "No finished device code sign-in: start it again and sign in before the test",
      }
    }
  }

  if (failure || !accessToken) {
    const known = failure ?? { code: "EIDENTITY", message: "No token was issued" }
    const answered = known.code.startsWith("AADSTS")
    if (answered) transcript.add("server", known.message)
    tracker.fail("token", answered ? { reply: known.message } : { detail: known.message })
    return {
      ok: false,
      failure: {
        stage: "token",
        code: "EIDENTITY",
        cause: known.code,
        ...(answered ? { reply: known.message } : {}),
        message: [
          known.message,
          known.traceId ? `Trace ID: ${known.traceId}` : "",
          known.correlationId ? `Correlation ID: ${known.correlationId}` : "",
        ]
          .filter(Boolean)
          .join(" · "),
      },
    }
  }

  const summary = summarizeToken(accessToken, account.user)
  const said = summary
    ? [
        `audience ${summary.audience ?? "none"}`,
        summary.kind === "app"
          ? `roles ${summary.roles.join(", ") || "none"}`
          : `scopes ${summary.scopes.join(" ") || "none"}, user ${summary.user ?? "unknown"}`,
        summary.expiresAt ? `expires ${summary.expiresAt}` : "",
      ]
        .filter(Boolean)
        .join(" · ")
    : "not a JWT: its claims cannot be read"
  tracker.pass("token", { detail: said })
  transcript.add("info", `Token issued: ${said}`)
  for (const warning of summary?.warnings ?? []) transcript.add("info", `Warning: ${warning.text}`)
  return { ok: true, accessToken, summary }
}
