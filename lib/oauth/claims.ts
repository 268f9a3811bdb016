/**
 * What an access token says that matters for SMTP, read from its payload without verifying it
 * (Exchange Online verifies; smtp365 only explains). The token itself never leaves the server:
 * only this summary does.
 */

export type TokenKind = "app" | "delegated"

export type TokenWarningId = "graph-audience" | "missing-send-as-app-role" | "other-user"

export interface TokenWarning {
  id: TokenWarningId
  text: string
}

export interface TokenSummary {
  kind: TokenKind
  /** `aud`: who the token is for. */
  audience: string | null
  /** App-only: `roles`. */
  roles: string[]
  /** Delegated: `scp`, split. */
  scopes: string[]
  /** `exp`, as an ISO date. */
  expiresAt: string | null
  /** `tid`. */
  tenantId: string | null
  /** `appid` (v1.0 tokens) or `azp` (v2.0). */
  appId: string | null
  /** Delegated: `upn`, else `preferred_username`, else `unique_name`. */
  user: string | null
  /** Classic mistakes; the test still runs. */
  warnings: TokenWarning[]
}

/** Microsoft Graph's audience, in its URL and application ID forms. */
const GRAPH_AUDIENCES = new Set([
  "https://graph.microsoft.com",
  "https://graph.microsoft.com/",
  "00000003-0000-0000-c000-000000000000",
])

/** The decoded payload of a JWT, or null when it is not one. */
export function decodeJwtPayload(token: string): Record<string, unknown> | null {
  const payload = token.split(".")[1]
  if (!payload) return null
  try {
    const value = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as unknown
    return value && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}

const text = (value: unknown) => (typeof value === "string" && value ? value : null)

/**
 * Summarises a token for the mailbox it will sign in as. Warnings (SOURCES.oauth and
 * SOURCES.smtpAppRbac): a Microsoft Graph audience carries no SMTP rights; an app-only token
 * without SMTP.SendAsApp fails unless RBAC for Applications grants it (whose tokens carry no such
 * role, so it is a warning only); a delegated token for another user than the mailbox is only
 * right for a shared mailbox the user has FullAccess to.
 */
export function summarizeToken(token: string, mailbox: string): TokenSummary | null {
  const claims = decodeJwtPayload(token)
  if (!claims) return null
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((r) => typeof r === "string") : []
  const scopes = typeof claims.scp === "string" ? claims.scp.split(" ").filter(Boolean) : []
  const kind: TokenKind = scopes.length > 0 || claims.idtyp === "user" ? "delegated" : "app"
  const user =
    kind === "delegated"
      ? (text(claims.upn) ?? text(claims.preferred_username) ?? text(claims.unique_name))
      : null
  const audience = text(claims.aud)
  const warnings: TokenWarning[] = []
  const graph = Boolean(audience && GRAPH_AUDIENCES.has(audience.toLowerCase()))
  if (graph) {
    warnings.push({
      id: "graph-audience",
      text: "This token is for Microsoft Graph, not Exchange Online: SMTP refuses it (535 5.7.3). Request the scope https://outlook.office365.com/.default (app-only) or https://outlook.office.com/SMTP.Send (delegated).",
    })
  }
  // A Graph token's roles are Graph's: the audience is the mistake to fix first.
  if (kind === "app" && !graph && !roles.includes("SMTP.SendAsApp")) {
    warnings.push({
      id: "missing-send-as-app-role",
      text: "The token has no SMTP.SendAsApp role: add that application permission (Office 365 Exchange Online) and grant admin consent. With RBAC for Applications in Exchange Online instead, no role appears in the token and this is expected.",
    })
  }
  if (kind === "delegated" && user && user.toLowerCase() !== mailbox.trim().toLowerCase()) {
    warnings.push({
      id: "other-user",
      text: `The token is for ${user}, not ${mailbox}: that only works when ${mailbox} is a shared mailbox ${user} has Full Access to.`,
    })
  }
  return {
    kind,
    audience,
    roles,
    scopes,
    expiresAt: typeof claims.exp === "number" ? new Date(claims.exp * 1000).toISOString() : null,
    tenantId: text(claims.tid),
    appId: text(claims.appid) ?? text(claims.azp),
    user,
    warnings,
  }
}
