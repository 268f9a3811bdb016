// MSAL4J's client for the app-only token, as the Jakarta Mail and Spring Boot variants build it:
// ConfidentialClientApplication with the client secret from the environment, the tenant's
// authority, and instanceDiscovery (MSAL4J 1.13.4 and later) off for a sign-in address that is not
// Microsoft's (javamail.ts cites the sources).
import { DEFAULT_IDENTITY_URL } from "@/lib/oauth/scopes"

import { stringLiteral as java } from "./literals"
import { AUTHORITY_VARIABLE, CLIENT_SECRET_VARIABLE, type ConnectionFacts } from "./values"

/** Java lines, indented by `indent`, that set `authority` to the sign-in address. */
export function msal4jAuthorityLines(indent: string): string[] {
  return [
    `// Microsoft's sign-in address; ${AUTHORITY_VARIABLE} names another (a national cloud, a test`,
    "// server), which MSAL4J then takes as given instead of asking Microsoft about it.",
    `String authority = System.getenv().getOrDefault(${java(AUTHORITY_VARIABLE)}, ${java(DEFAULT_IDENTITY_URL)});`,
  ].map((line) => `${indent}${line}`)
}

/** Java lines, indented by `indent`, that set `app` (a field) to the client for `authority`. */
export function msal4jBuildLines(facts: ConnectionFacts, indent: string): string[] {
  return [
    "app = ConfidentialClientApplication.builder(",
    `        ${java(facts.clientId)}, // Application (client) ID`,
    `        ClientCredentialFactory.createFromSecret(System.getenv(${java(CLIENT_SECRET_VARIABLE)})))`,
    `    .authority(authority + ${java(`/${facts.tenant}/`)}) // Directory (tenant) ID`,
    `    .instanceDiscovery(authority.equals(${java(DEFAULT_IDENTITY_URL)}))`,
    "    .build();",
  ].map((line) => `${indent}${line}`)
}
