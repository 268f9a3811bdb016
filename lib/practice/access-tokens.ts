// No "server-only": the identity server and the simulator run in tests and Playwright support too.
import { createHmac, timingSafeEqual } from "node:crypto"

/**
 * JWTs (RFC 7519) signed with HS256 under a key the practice identity server shares with the
 * simulator. Microsoft signs with RS256 and publishes its keys; a shared secret keeps both practice
 * servers self-contained, and the client never checks the signature anyway (it only reads claims).
 */

export type AccessTokenClaims = Record<string, unknown> & { exp: number }

const base64url = (data: Buffer | string) => Buffer.from(data).toString("base64url")

export function signAccessToken(claims: AccessTokenClaims, key: string): string {
  const header = base64url(JSON.stringify({ typ: "JWT", alg: "HS256" }))
  const payload = base64url(JSON.stringify(claims))
  const signature = createHmac("sha256", key).update(`${header}.${payload}`).digest("base64url")
  return `${header}.${payload}.${signature}`
}

/** The token's claims when its signature is valid under `key`; undefined for anything else. */
export function verifyAccessToken(token: string, key: string): AccessTokenClaims | undefined {
  const parts = token.split(".")
  if (parts.length !== 3) return undefined
  const [header, payload, signature] = parts as [string, string, string]
  const expected = createHmac("sha256", key).update(`${header}.${payload}`).digest()
  const given = Buffer.from(signature, "base64url")
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as unknown
    if (
      !claims ||
      typeof claims !== "object" ||
      typeof (claims as { exp?: unknown }).exp !== "number"
    )
      return undefined
    return claims as AccessTokenClaims
  } catch {
    return undefined
  }
}
