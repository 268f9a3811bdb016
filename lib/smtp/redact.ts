import "server-only"

export const REDACTED = "‹redacted›"

/**
 * A run of base64 text long enough to carry `bytes` bytes: it decodes to three bytes for each four
 * characters, so shorter runs (most words of a server's reply) are never decoded.
 */
const base64Run = (bytes: number) =>
  new RegExp(`[A-Za-z0-9+/]{${Math.ceil((bytes * 4) / 3)},}={0,2}`, "g")

/**
 * Returns a function that removes every given secret from a line of text, in the forms an SMTP
 * client puts on the wire: as typed, base64 (AUTH LOGIN), and inside AUTH PLAIN / XOAUTH2 blobs.
 * A run of base64 that decodes to something holding a secret, at whichever offset it sits in the
 * blob, is replaced whole; what is left is searched for the secret as typed and for its base64 at
 * each of the three alignments. Defence in depth: the transcript also replaces whole credential
 * lines before they are recorded.
 */
export function createRedactor(secrets: Array<string | undefined>): (text: string) => string {
  const kept = secrets.filter((secret): secret is string => !!secret && secret.length >= 2)
  // Shorter ones would be found by chance in the bytes of any base64 word.
  const decodedNeedles = kept
    .map((secret) => Buffer.from(secret, "utf8"))
    .filter((bytes) => bytes.length >= 4)
  const needles = new Set<string>()
  // The cores (below) of the secrets that are decoded, and whether each has all three.
  const cores: string[] = []
  let everyCore = true
  for (const secret of kept) {
    needles.add(secret)
    needles.add(Buffer.from(secret, "utf8").toString("base64"))
    // base64 of the secret at each of the three byte alignments it can have inside a longer blob,
    // without the quanta it shares with the bytes around it
    for (let offset = 0; offset <= 2; offset++) {
      const shifted = Buffer.from("\0".repeat(offset) + secret, "utf8").toString("base64")
      const whole = Math.floor((offset + Buffer.byteLength(secret)) / 3) * 4
      const core = shifted.slice(offset === 0 ? 0 : 4, whole)
      if (core.length >= 8) needles.add(core)
      if (Buffer.byteLength(secret) < 4) continue
      if (core.length >= 8) cores.push(core)
      else everyCore = false
    }
  }
  const runs = decodedNeedles.length
    ? base64Run(Math.min(...decodedNeedles.map((needle) => needle.length)))
    : undefined
  // A run that decodes to a secret, at whatever offset, holds that offset's core as it is: the
  // quanta made of the secret's bytes alone encode the same wherever the secret sits. So when every
  // decoded secret has its three cores, a line with none of them has no run to decode, which is
  // most lines of a conversation (the cost: bench/results.md). Short secrets lack some cores: their
  // lines are always decoded.
  const mayHoldRun = everyCore
    ? (text: string) => cores.some((core) => text.includes(core))
    : () => true
  const ordered = [...needles].sort((a, b) => b.length - a.length)
  const carriesSecret = (run: string) => {
    for (let skip = 0; skip < 4; skip++) {
      const decoded = Buffer.from(run.slice(skip), "base64")
      if (decodedNeedles.some((needle) => decoded.includes(needle))) return true
    }
    return false
  }
  return (text) => {
    let result =
      runs && mayHoldRun(text)
        ? text.replace(runs, (run) => (carriesSecret(run) ? REDACTED : run))
        : text
    for (const needle of ordered) {
      if (result.includes(needle)) result = result.split(needle).join(REDACTED)
    }
    return result
  }
}
