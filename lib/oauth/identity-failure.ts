import "server-only"

import { AuthError } from "@azure/msal-node"

/**
 * Why a token could not be had, in terms the diagnosis can match: Microsoft's AADSTS code when the
 * identity platform answered, or one of ours (never containing a secret).
 */
export interface IdentityFailure {
  /** "AADSTS7000215", or ours: "ETIMEDOUT", "ENETWORK", "EDEVICECODE", "EIDENTITY", "EBUSY". */
  code: string
  /** OAuth 2.0 `error` ("invalid_client"), when the platform answered. */
  error?: string
  /** The platform's error_description up to its "Trace ID:" line, or our message. */
  message: string
  /** The platform's trace and correlation IDs, for a support case. */
  traceId?: string
  correlationId?: string
}

/** An error body of the identity platform, as the network client saw it. */
export interface IdentityErrorBody {
  error?: unknown
  error_description?: unknown
  error_codes?: unknown
  trace_id?: unknown
  correlation_id?: unknown
}

export class IdentityError extends Error {
  constructor(readonly failure: IdentityFailure) {
    super(failure.message)
  }
}

/** Reads Microsoft's error body ({error, error_description "AADSTSnnnn: …", error_codes, …}). */
export function failureFromBody(body: IdentityErrorBody): IdentityFailure | undefined {
  if (typeof body.error !== "string") return undefined
  const description = typeof body.error_description === "string" ? body.error_description : ""
  const firstLine =
    description
      .split(/\r?\n/)[0]
      ?.replace(/\s*Trace ID:.*$/, "")
      .trim() ?? ""
  const codes = Array.isArray(body.error_codes) ? body.error_codes : []
  const fromText = /AADSTS(\d+)/.exec(firstLine)?.[1]
  const number = typeof codes[0] === "number" ? String(codes[0]) : fromText
  return {
    code: number ? `AADSTS${number}` : "EIDENTITY",
    error: body.error,
    message: firstLine || body.error,
    ...(typeof body.trace_id === "string" ? { traceId: body.trace_id } : {}),
    ...(typeof body.correlation_id === "string" ? { correlationId: body.correlation_id } : {}),
  }
}

/**
 * The failure behind an error msal threw: the identity platform's own answer when the network
 * client recorded one (msal keeps only `error` on some paths, such as device code polling), else
 * what msal says, mapped to our codes.
 */
export function failureFromError(error: unknown, lastAnswer?: IdentityFailure): IdentityFailure {
  if (error instanceof IdentityError) return error.failure
  if (lastAnswer) return lastAnswer
  if (error instanceof AuthError) {
    if (error.errorCode === "device_code_expired") {
      return { code: "AADSTS70020", error: "expired_token", message: "The device code expired" }
    }
    if (error.errorCode === "missing_tenant_id_error") {
      // msal refuses app-only tokens from /common or /organizations before asking anyone.
      return {
        code: "EIDENTITY",
        message:
          "App-only tokens need the Directory (tenant) ID or a domain of the tenant: common and organizations cannot be used",
      }
    }
    if (error.errorCode === "network_error" || error.errorCode === "endpoints_resolution_error") {
      return { code: "ENETWORK", message: "The identity platform could not be reached" }
    }
    return { code: "EIDENTITY", message: `The token request failed (${error.errorCode})` }
  }
  return { code: "EIDENTITY", message: "The token request failed" }
}
