import { createHash, timingSafeEqual } from "node:crypto"

/** The challenge a browser answers with its password prompt. */
export const BASIC_AUTH_CHALLENGE = 'Basic realm="smtp365", charset="UTF-8"'

/**
 * True when an Authorization header carries the access password (RFC 7617 basic authentication;
 * the user name is ignored). Both sides are hashed to the same length first and compared in
 * constant time, so the time taken tells nothing about the password.
 */
export function hasAccessPassword(authorization: string | null, password: string): boolean {
  const credentials = /^basic +([a-z0-9+/]+={0,2}) *$/i.exec(authorization ?? "")?.[1]
  const decoded = credentials ? Buffer.from(credentials, "base64").toString("utf8") : ""
  const colon = decoded.indexOf(":")
  // A malformed header is still compared, against a value that cannot match.
  const given = colon < 0 ? "" : decoded.slice(colon + 1)
  const matches = timingSafeEqual(sha256(given), sha256(password))
  return colon >= 0 && matches
}

function sha256(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest()
}
