import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto"

/** What smtp365 keeps in Redis is written with keys derived from SMTP365_SECRET_KEY. */
export interface StoreKeys {
  /**
   * `plaintext` encrypted with AES-256-GCM under the derived token key, bound to `context` (the
   * Redis key it is stored under, so a value copied to another key does not open): "v1." and the
   * base64url of a random 96-bit IV, the 128-bit tag and the ciphertext.
   */
  seal(plaintext: string, context: string): string
  /** The plaintext of a sealed value, or null when it was not sealed with this key and context. */
  open(sealed: string, context: string): string | null
  /**
   * An HMAC-SHA256 of `value` (base64url, 192 bits) under the derived naming key: what stands for
   * a client address, a mailbox or a sign-in ID in a Redis key name, so none is readable there.
   */
  hash(kind: string, value: string): string
}

const VERSION = "v1."
const IV_BYTES = 12
const TAG_BYTES = 16

/**
 * The keys derived from `secret` with HKDF-SHA256, one per purpose: encrypting tokens, and naming
 * keys. Every instance given the same secret derives the same keys.
 */
export function storeKeys(secret: string): StoreKeys {
  const derive = (purpose: string) =>
    Buffer.from(hkdfSync("sha256", secret, "smtp365", `smtp365 ${purpose} v1`, 32))
  const tokenKey = derive("token encryption")
  const namingKey = derive("key names")

  return {
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES)
      const cipher = createCipheriv("aes-256-gcm", tokenKey, iv)
      cipher.setAAD(Buffer.from(context, "utf8"))
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()])
      return VERSION + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64url")
    },
    open(sealed, context) {
      if (!sealed.startsWith(VERSION)) return null
      const bytes = Buffer.from(sealed.slice(VERSION.length), "base64url")
      if (bytes.length < IV_BYTES + TAG_BYTES) return null
      try {
        const decipher = createDecipheriv("aes-256-gcm", tokenKey, bytes.subarray(0, IV_BYTES))
        decipher.setAAD(Buffer.from(context, "utf8"))
        decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
        const plaintext = decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES))
        return Buffer.concat([plaintext, decipher.final()]).toString("utf8")
      } catch {
        // The tag does not match: another key, another context, or altered bytes.
        return null
      }
    },
    hash(kind, value) {
      return createHmac("sha256", namingKey)
        .update(`${kind}\0${value}`)
        .digest("base64url")
        .slice(0, 32)
    },
  }
}
