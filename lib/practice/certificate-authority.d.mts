/** A private key and its certificate, both PEM. */
export interface PemKeyPair {
  key: string
  cert: string
}

export interface ServerCertificateOptions {
  /** DNS subject alternative names; the first one is also the common name. */
  names: string[]
  /** IP subject alternative names (IPv4 or IPv6). */
  ips: string[]
  /** Start of validity; defaults to an hour ago. */
  validFrom?: Date
  /** End of validity; defaults to one year after `validFrom`. May be in the past. */
  validTo?: Date
}

/** Creates a certificate authority (basicConstraints cA, keyCertSign) valid for about two years. */
export function createCertificateAuthority(): Promise<PemKeyPair>

/** Issues a serverAuth certificate for `names` and `ips`, signed by `ca`. */
export function issueServerCertificate(
  ca: PemKeyPair,
  options: ServerCertificateOptions
): Promise<PemKeyPair>
