import type { SecurityMode } from "@/lib/schemas/setup-fields"
import type { StageId } from "./types"

/**
 * The stages a test goes through, in order, for a security mode: implicit TLS comes before the
 * greeting, STARTTLS after EHLO, and AUTH only when the method signs in. With OAuth the token is
 * fetched once the host is known to be allowed, before any connection.
 */
export function plannedStages(security: SecurityMode, signsIn: boolean, token = false): StageId[] {
  return [
    "resolve",
    ...(token ? (["token"] as const) : []),
    "connect",
    ...(security === "tls" ? (["tls"] as const) : []),
    "greeting",
    "ehlo",
    ...(security === "starttls" ? (["tls"] as const) : []),
    ...(signsIn ? (["auth"] as const) : []),
    "mail",
    "rcpt",
    "data",
  ]
}
