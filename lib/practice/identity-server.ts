// No "server-only" here: vitest and Playwright support code start it outside Next. Node-only (sockets).
import { randomBytes, randomUUID } from "node:crypto"
import https from "node:https"
import type { IncomingMessage, ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import type { Duplex } from "node:stream"

import { localPartOfAddress } from "@/lib/email-address"

import { signAccessToken } from "./access-tokens"
import {
  EXCHANGE_AUDIENCE,
  IDENTITY_ERRORS,
  PRACTICE_CLIENT_SECRET,
  PRACTICE_DEVICE_USER,
  PRACTICE_TENANT_DOMAIN,
  PRACTICE_TENANT_ID,
  findPracticeApp,
  type IdentityErrorId,
  type PracticeApp,
} from "./identity-scenarios"

export interface IdentityServerOptions {
  /** Key and certificate (PEM) the HTTPS server presents. */
  tls: { key: string; cert: string }
  /** HS256 key the tokens are signed with; the simulator verifies with the same one. */
  tokenKey: string
  /** Defaults to 127.0.0.1 and an ephemeral port. */
  host?: string
  port?: number
  /**
   * Seconds between device code polls the server asks for. Microsoft says 5; tests use 1. null
   * leaves `interval` out of the answer (RFC 8628 makes it optional; a client then waits 5 s).
   */
  pollIntervalSeconds?: number | null
  /**
   * The client secret of every app; defaults to PRACTICE_CLIENT_SECRET. End-to-end tests use one
   * the practice hints never show, so the secret scan can look for it.
   */
  clientSecret?: string
}

export interface IdentityRequest {
  path: string
  grant?: string
  clientId?: string
}

export interface RunningIdentityServer {
  /** Base URL, for SMTP365_IDENTITY_URL: https://127.0.0.1:<port> */
  url: string
  port: number
  /** Every request received, without secrets (for asserting what a client asked). */
  requests: IdentityRequest[]
  /**
   * Completes a device code sign-in as the user would in the browser: true when the code was
   * pending. The next poll gets the token (or the app's error).
   */
  signIn(userCode: string, user?: string): boolean
  close(): Promise<void>
}

interface DeviceCode {
  deviceCode: string
  userCode: string
  clientId: string
  tenantId: string
  scope: string
  expiresAt: number
  user?: string
}

const DEVICE_CODE_LIFETIME_S = 900
const TOKEN_LIFETIME_S = 3599
const BODY_LIMIT = 16 * 1024
/** Path segments Microsoft reserves for multi-tenant sign-in. */
const MULTI_TENANT = new Set(["common", "organizations", "consumers"])

/**
 * A Microsoft identity platform look-alike on HTTPS: the v2.0 token endpoint (client credentials
 * and device code grants), the device authorization endpoint, and the discovery documents, with the
 * practice directory of identity-scenarios.ts. Errors have Microsoft's JSON shape.
 */
export async function startIdentityServer(
  options: IdentityServerOptions
): Promise<RunningIdentityServer> {
  const host = options.host ?? "127.0.0.1"
  const interval = options.pollIntervalSeconds === undefined ? 5 : options.pollIntervalSeconds
  const requests: IdentityRequest[] = []
  const deviceCodes = new Map<string, DeviceCode>()
  let base = ""

  const server = https.createServer(
    { key: options.tls.key, cert: options.tls.cert },
    (req, res) => {
      handle(req, res).catch(() => {
        if (!res.headersSent) send(res, 500, { error: "server_error" })
      })
    }
  )

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", base)
    const segments = url.pathname.split("/").filter(Boolean)
    const correlationId = String(req.headers["client-request-id"] ?? randomUUID())
    const fail = (id: IdentityErrorId, values: Fill = {}) =>
      sendError(res, id, { ...values, correlationId })

    if (req.method === "POST" && url.pathname === "/devicelogin") {
      const form = await readForm(req)
      requests.push({ path: url.pathname })
      const ok = signIn(form.get("user_code") ?? "", form.get("user") ?? undefined)
      return send(res, ok ? 200 : 404, ok ? { signedIn: true } : { error: "unknown_code" })
    }

    const [tenant = "", ...rest] = segments
    const route = rest.join("/")
    if (req.method === "GET" && route === "v2.0/.well-known/openid-configuration") {
      requests.push({ path: url.pathname })
      const tenantId = resolveTenant(tenant)
      if (!tenantId) return fail("tenantNotFound", { tenant })
      return send(res, 200, openIdConfiguration(base, tenant, tenantId))
    }
    if (req.method !== "POST" || !["oauth2/v2.0/token", "oauth2/v2.0/devicecode"].includes(route)) {
      requests.push({ path: url.pathname })
      return send(res, 404, { error: "not_found" })
    }

    const form = await readForm(req)
    const clientId = (form.get("client_id") ?? "").toLowerCase()
    const grant = route.endsWith("devicecode") ? "devicecode" : (form.get("grant_type") ?? "")
    requests.push({ path: url.pathname, grant, clientId })

    // Microsoft checks the tenant first, then the app in it.
    const app = findPracticeApp(clientId)
    if (MULTI_TENANT.has(tenant.toLowerCase()) && app) {
      return fail("notMultiTenant", { clientId, appName: app.displayName })
    }
    const tenantId = resolveTenant(tenant)
    if (!tenantId) return fail("tenantNotFound", { tenant })
    if (!app) return fail("appNotFound", { clientId, tenant: tenantId })

    if (grant === "devicecode") {
      const code: DeviceCode = {
        deviceCode: randomBytes(32).toString("base64url"),
        userCode: userCode(),
        clientId,
        tenantId,
        scope: form.get("scope") ?? "",
        expiresAt: app.deviceCodeExpiresAtOnce ? 0 : Date.now() + DEVICE_CODE_LIFETIME_S * 1000,
      }
      deviceCodes.set(code.deviceCode, code)
      const verificationUri = `${base}/devicelogin`
      return send(res, 200, {
        user_code: code.userCode,
        device_code: code.deviceCode,
        verification_uri: verificationUri,
        expires_in: DEVICE_CODE_LIFETIME_S,
        ...(interval === null ? {} : { interval }),
        message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${code.userCode} to authenticate.`,
      })
    }

    if (grant === "client_credentials") {
      if (form.get("client_secret") !== (options.clientSecret ?? PRACTICE_CLIENT_SECRET)) {
        return fail("invalidSecret", { clientId })
      }
      const error = app.tokenError?.client_credentials
      if (error) return fail(error, { clientId, appName: app.displayName })
      const claims = appClaims(app, clientId, tenantId, audienceOf(form.get("scope"), app))
      return send(res, 200, tokenResponse(signAccessToken(claims, options.tokenKey)))
    }

    // RFC 8628's grant type; msal sends the short form, which Microsoft accepts too.
    if (grant === "urn:ietf:params:oauth:grant-type:device_code" || grant === "device_code") {
      const error = app.tokenError?.device_code
      // Public client flows off: refused before the code is even looked at.
      if (error === "publicClientDisabled") return fail(error)
      const code = deviceCodes.get(form.get("device_code") ?? "")
      if (!code || code.clientId !== clientId || Date.now() >= code.expiresAt) {
        return fail("deviceCodeExpired")
      }
      if (!code.user) return fail("authorizationPending")
      deviceCodes.delete(code.deviceCode)
      if (error) return fail(error, { clientId, appName: app.displayName })
      const claims = userClaims(app, clientId, tenantId, code.user, audienceOf(code.scope, app))
      return send(res, 200, {
        ...tokenResponse(signAccessToken(claims, options.tokenKey)),
        scope: code.scope,
      })
    }

    return send(res, 400, { error: "unsupported_grant_type" })
  }

  function signIn(code: string, user = PRACTICE_DEVICE_USER): boolean {
    for (const pending of deviceCodes.values()) {
      if (pending.userCode === code.trim().toUpperCase() && !pending.user) {
        pending.user = user
        return true
      }
    }
    return false
  }

  const sockets = new Set<Duplex>()
  server.on("connection", (socket) => {
    sockets.add(socket)
    socket.on("close", () => sockets.delete(socket))
  })
  server.on("tlsClientError", () => undefined)

  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject)
      resolve((server.address() as AddressInfo).port)
    })
  })
  base = `https://${host}:${port}`
  return {
    url: base,
    port,
    requests,
    signIn,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      }),
  }
}

function resolveTenant(tenant: string): string | undefined {
  const value = tenant.toLowerCase()
  return value === PRACTICE_TENANT_ID || value === PRACTICE_TENANT_DOMAIN
    ? PRACTICE_TENANT_ID
    : undefined
}

/** The resource a scope names ("https://outlook.office365.com/.default" → its origin). */
function audienceOf(scope: string | null | undefined, app: PracticeApp): string {
  if (app.audience) return app.audience
  const resource = (scope ?? "").split(/\s+/).find((item) => item.startsWith("https://"))
  try {
    return resource ? new URL(resource).origin : EXCHANGE_AUDIENCE
  } catch {
    return EXCHANGE_AUDIENCE
  }
}

/** Claims of an app-only v1.0 token, as Exchange Online's tokens carry them. */
function appClaims(app: PracticeApp, clientId: string, tenantId: string, audience: string) {
  const now = Math.floor(Date.now() / 1000)
  const objectId = servicePrincipalObjectId(clientId)
  return {
    aud: audience,
    iss: `https://sts.windows.net/${tenantId}/`,
    iat: now,
    nbf: now,
    exp: now + TOKEN_LIFETIME_S,
    app_displayname: app.displayName,
    appid: clientId,
    appidacr: "1",
    idp: `https://sts.windows.net/${tenantId}/`,
    idtyp: "app",
    oid: objectId,
    ...(app.roles.length > 0 ? { roles: [...app.roles] } : {}),
    sub: objectId,
    tid: tenantId,
    ver: "1.0",
  }
}

function userClaims(
  app: PracticeApp,
  clientId: string,
  tenantId: string,
  user: string,
  audience: string
) {
  const now = Math.floor(Date.now() / 1000)
  return {
    aud: audience,
    iss: `https://sts.windows.net/${tenantId}/`,
    iat: now,
    nbf: now,
    exp: now + TOKEN_LIFETIME_S,
    amr: ["pwd"],
    app_displayname: app.displayName,
    appid: clientId,
    appidacr: "0",
    idtyp: "user",
    name: localPartOfAddress(user),
    oid: randomUUID(),
    scp: "SMTP.Send",
    tid: tenantId,
    unique_name: user,
    upn: user,
    ver: "1.0",
  }
}

/** A stable object ID per app, so tests can name it. */
export function servicePrincipalObjectId(clientId: string): string {
  return `5e7a0b9c-1d2e-4f30-8a4b-${clientId.slice(-12)}`
}

function tokenResponse(accessToken: string) {
  return {
    token_type: "Bearer",
    expires_in: TOKEN_LIFETIME_S,
    ext_expires_in: TOKEN_LIFETIME_S,
    access_token: accessToken,
  }
}

function openIdConfiguration(base: string, tenant: string, tenantId: string) {
  return {
    token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
    device_authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/devicecode`,
    authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
    issuer: `${base}/${tenantId}/v2.0`,
    jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
    response_modes_supported: ["query", "fragment", "form_post"],
    tenant_region_scope: "EU",
  }
}

interface Fill {
  clientId?: string
  tenant?: string
  appName?: string
  correlationId?: string
}

/** Microsoft's error body: the description ends with the trace ID, correlation ID and timestamp. */
function sendError(res: ServerResponse, id: IdentityErrorId, values: Fill) {
  const entry = IDENTITY_ERRORS[id]
  const traceId = randomUUID()
  const correlationId = values.correlationId ?? randomUUID()
  const timestamp = new Date()
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, "Z")
  const description = entry.description
    .replaceAll("<client-id>", () => values.clientId ?? "")
    .replaceAll("<tenant>", () => values.tenant ?? "")
    .replaceAll("<app-name>", () => values.appName ?? "")
  send(res, entry.status, {
    error: entry.error,
    error_description: `${description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [entry.code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${entry.code}`,
  })
}

function send(res: ServerResponse, status: number, body: unknown) {
  const json = JSON.stringify(body)
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store, no-cache",
    "content-length": Buffer.byteLength(json),
  })
  res.end(json)
}

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size > BODY_LIMIT) req.destroy(new Error("body too large"))
      else chunks.push(chunk)
    })
    req.on("end", () => resolve(new URLSearchParams(Buffer.concat(chunks).toString("utf8"))))
    req.on("error", reject)
  })
}

/** Eight to nine letters, as Microsoft's user codes look (for example BPPVYQZMA). */
function userCode(): string {
  const letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
  return Array.from(randomBytes(9), (byte) => letters[byte % letters.length]).join("")
}
