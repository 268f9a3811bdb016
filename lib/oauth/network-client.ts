import "server-only"

import https from "node:https"
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from "@azure/msal-node"

import { failureFromBody, IdentityError, type IdentityFailure } from "./identity-failure"

// Practice mode's identity server presents a certificate of practice mode's own CA: trusted for
// that server's origin only (fetch takes no CA). Shared by every bundle of this server process.
const trustKey = Symbol.for("smtp365.trustedIdentityOrigins")
const trustStore = globalThis as typeof globalThis & { [trustKey]?: Map<string, string> }
const trustedOrigins = (trustStore[trustKey] ??= new Map<string, string>())

/** Trusts `ca` (PEM) for requests to `origin` (https://host:port) alone. */
export function trustIdentityOrigin(origin: string, ca: string): void {
  trustedOrigins.set(origin, ca)
}

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
    const ca = trustedOrigins.get(new URL(url).origin)
    try {
      const init = {
        method,
        headers: options.headers ?? {},
        ...(method === "POST" ? { body: options.body ?? "" } : {}),
        signal: AbortSignal.timeout(this.timeoutMs),
      }
      response = ca
        ? await requestWithCa(url, init, ca)
        : await fetch(url, { ...init, redirect: "error" })
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

/** A fetch-like HTTPS request that trusts `ca` alone (practice mode's identity server). */
function requestWithCa(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal },
  ca: string
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      url,
      { method: init.method, headers: init.headers, ca, signal: init.signal },
      (res) => {
        const chunks: Buffer[] = []
        res.on("data", (chunk: Buffer) => chunks.push(chunk))
        res.on("end", () => {
          const headers = new Headers()
          for (const [key, value] of Object.entries(res.headers)) {
            if (typeof value === "string") headers.set(key, value)
          }
          resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 500, headers }))
        })
        res.on("error", reject)
      }
    )
    request.on("error", (error) =>
      reject(
        error.name === "AbortError"
          ? Object.assign(new Error(error.message), { name: "TimeoutError" })
          : error
      )
    )
    request.end(init.body)
  })
}
