import "server-only"

import { ConfidentialClientApplication, LogLevel } from "@azure/msal-node"

import { authorityOptions } from "./authority"
import { failureFromError, type IdentityFailure } from "./identity-failure"
import { RecordingNetworkClient } from "./network-client"
import { APP_ONLY_SCOPE, IDENTITY_TIMEOUT_MS } from "./scopes"

export interface AppCredentials {
  /** Directory (tenant) ID, or a domain of the tenant. */
  tenant: string
  /** Application (client) ID. */
  clientId: string
  clientSecret: string
}

export type TokenResult =
  | { ok: true; accessToken: string; expiresOn: Date | null }
  | { ok: false; failure: IdentityFailure }

/** msal logs nothing: its verbose logs would carry request details. */
export const SILENT_LOGGER = {
  loggerCallback: () => {},
  piiLoggingEnabled: false,
  logLevel: LogLevel.Error,
}

/**
 * Gets an app-only token (client credentials) for Exchange Online with msal-node. A fresh client
 * each time: msal's token cache would otherwise answer a later request, even one with a wrong
 * secret, from a token issued earlier.
 */
export async function acquireAppToken(
  credentials: AppCredentials,
  identityUrl: string,
  timeoutMs = IDENTITY_TIMEOUT_MS
): Promise<TokenResult> {
  const network = new RecordingNetworkClient(timeoutMs)
  try {
    const client = new ConfidentialClientApplication({
      auth: {
        clientId: credentials.clientId,
        clientSecret: credentials.clientSecret,
        ...authorityOptions(identityUrl, credentials.tenant),
      },
      system: {
        networkClient: network,
        disableInternalRetries: true,
        loggerOptions: SILENT_LOGGER,
      },
    })
    const result = await client.acquireTokenByClientCredential({
      scopes: [APP_ONLY_SCOPE],
      skipCache: true,
    })
    if (!result?.accessToken) {
      return { ok: false, failure: { code: "EIDENTITY", message: "No token was issued" } }
    }
    return { ok: true, accessToken: result.accessToken, expiresOn: result.expiresOn }
  } catch (error) {
    return { ok: false, failure: failureFromError(error, network.lastError) }
  }
}
