import "server-only"

export const REDACTED = "‹redacted›"

/**
 * Returns a function that removes every given secret from a line of text, in the forms an SMTP
 * client puts on the wire: as typed, base64 (AUTH LOGIN), and inside AUTH PLAIN / XOAUTH2 blobs.
 * Defence in depth: the transcript also replaces whole credential lines before they are recorded.
 */
export function createRedactor(secrets: Array<string | undefined>): (text: string) => string {
  const needles = new Set<string>()
  for (const secret of secrets) {
    if (!secret || secret.length < 2) continue
    needles.add(secret)
    needles.add(Buffer.from(secret, "utf8").toString("base64"))
    // base64 of the secret at each of the three byte alignments it can have inside a longer blob
    for (let offset = 1; offset <= 2; offset++) {
      const shifted = Buffer.from("\0".repeat(offset) + secret, "utf8").toString("base64")
      const core = shifted.slice(4, -4)
      if (core.length >= 8) needles.add(core)
    }
  }
  const ordered = [...needles].sort((a, b) => b.length - a.length)
  return (text) => {
    let result = text
    for (const needle of ordered) {
      if (result.includes(needle)) result = result.split(needle).join(REDACTED)
    }
    return result
  }
}
