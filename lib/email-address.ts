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
