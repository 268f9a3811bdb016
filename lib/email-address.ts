// The two parts of an email address. The domain is what follows the last "@": a quoted local part
// may hold "@", a domain never does (RFC 5321 section 4.1.2, Mailbox and Quoted-string).

/** The domain of an address: what follows its last "@", or "" when it has none. */
export function domainOfAddress(address: string): string {
  const at = address.lastIndexOf("@")
  return at < 0 ? "" : address.slice(at + 1)
}

/** The local part of an address: what precedes its last "@", or all of it when it has none. */
export function localPartOfAddress(address: string): string {
  const at = address.lastIndexOf("@")
  return at < 0 ? address : address.slice(0, at)
}

/**
 * RFC 5321 §4.5.3.1.1: a local part of at most 64 octets; §4.5.3.1.3: a path of at most 256
 * octets, so an address (the path without its angle brackets) of at most 254.
 */
export const MAX_LOCAL_PART_OCTETS = 64
export const MAX_ADDRESS_OCTETS = 254

export const ADDRESS_LENGTH_MESSAGE =
  "An email address is at most 254 characters, with at most 64 before the @ (RFC 5321)"

const octets = (text: string) => new TextEncoder().encode(text).length

/** Whether an address fits SMTP's limits: servers refuse longer ones, and no mailbox has one. */
export function addressFits(address: string): boolean {
  // Cheap first: a string longer in characters is longer in octets too.
  if (address.length > MAX_ADDRESS_OCTETS || octets(address) > MAX_ADDRESS_OCTETS) return false
  return octets(localPartOfAddress(address)) <= MAX_LOCAL_PART_OCTETS
}
