import "server-only"

import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from "@azure/msal-node"

import { failureFromBody, IdentityError, type IdentityFailure } from "./identity-failure"

/**
 * msal's network client, with what msal's own lacks here: a timeout on every request (its POSTs
 * have none) and a record of the identity platform's last error answer, whose AADSTS code msal
 * drops on some paths. One per token request, like the msal client that uses it.
 */
export class RecordingNetworkClient implements INetworkModule {
  /** The last error body the identity platform answered with, read into a failure. */
  lastError: IdentityFailure | undefined

  constructor(private readonly timeoutMs: number) {}

  sendGetRequestAsync<T>(
    url: string,
    options?: NetworkRequestOptions
  ): Promise<NetworkResponse<T>> {
    return this.send<T>(url, "GET", options)
  }

  sendPostRequestAsync<T>(
    url: string,
    options?: NetworkRequestOptions
  ): Promise<NetworkResponse<T>> {
    return this.send<T>(url, "POST", options)
  }

  private async send<T>(
    url: string,
    method: "GET" | "POST",
    options: NetworkRequestOptions = {}
  ): Promise<NetworkResponse<T>> {
    let response: Response
    try {
      response = await fetch(url, {
        method,
        headers: options.headers ?? {},
        ...(method === "POST" ? { body: options.body ?? "" } : {}),
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: "error",
      })
    } catch (error) {
      const timedOut = error instanceof Error && error.name === "TimeoutError"
      throw new IdentityError({
        code: timedOut ? "ETIMEDOUT" : "ENETWORK",
        message: timedOut
          ? `The identity platform did not answer within ${this.timeoutMs / 1000} s`
          : `The identity platform could not be reached (${networkCause(error)})`,
      })
    }
    const text = await response.text()
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      throw new IdentityError({
        code: "EIDENTITY",
        message: `The identity platform answered HTTP ${response.status} without JSON`,
      })
    }
    const failure =
      body && typeof body === "object"
        ? failureFromBody(body as Record<string, unknown>)
        : undefined
    // "authorization_pending" is the device code flow's normal waiting answer, not a failure.
    if (failure && failure.error !== "authorization_pending") this.lastError = failure
    const headers: Record<string, string> = {}
    response.headers.forEach((value, key) => (headers[key] = value))
    return { headers, body: body as T, status: response.status }
  }
}

function networkCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : "unknown")
}
