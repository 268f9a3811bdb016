import "server-only"

import type { NodeAuthOptions } from "@azure/msal-node"

/**
 * The authority for a tenant, with its metadata given up front: msal then fetches no discovery
 * document, so an unknown tenant is answered by the token endpoint itself (AADSTS90002) instead of
 * failing inside msal's discovery with a generic error. The endpoints follow Microsoft's v2.0
 * layout (SOURCES.oauth: `{identity}/{tenant}/oauth2/v2.0/token`), under SMTP365_IDENTITY_URL.
 */
export function authorityOptions(
  identityUrl: string,
  tenant: string
): Pick<NodeAuthOptions, "authority" | "authorityMetadata" | "cloudDiscoveryMetadata"> {
  const base = identityUrl.replace(/\/+$/, "")
  const host = new URL(base).host
  const path = encodeURIComponent(tenant)
  const authority = `${base}/${path}`
  return {
    authority,
    authorityMetadata: JSON.stringify({
      token_endpoint: `${authority}/oauth2/v2.0/token`,
      authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
      issuer: `${authority}/v2.0`,
      jwks_uri: `${authority}/discovery/v2.0/keys`,
    }),
    cloudDiscoveryMetadata: JSON.stringify({
      tenant_discovery_endpoint: `${authority}/v2.0/.well-known/openid-configuration`,
      "api-version": "1.1",
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    }),
  }
}
