/**
 * OpenSSL / Node error codes for TLS failures, recognised from an error message when the code itself
 * was lost (nodemailer rewraps STARTTLS errors as "Error initiating TLS - <message>", and reports
 * certificate failures during STARTTLS as ESOCKET with OpenSSL's message only).
 */
const TLS_MESSAGES: ReadonlyArray<[RegExp, string]> = [
  [/wrong version number/i, "ERR_SSL_WRONG_VERSION_NUMBER"],
  [/packet length too long/i, "ERR_SSL_PACKET_LENGTH_TOO_LONG"],
  [/certificate has expired/i, "CERT_HAS_EXPIRED"],
  [/certificate is not yet valid/i, "CERT_NOT_YET_VALID"],
  [/does not match certificate's altnames|altnames/i, "ERR_TLS_CERT_ALTNAME_INVALID"],
  [/self[- ]signed certificate in certificate chain/i, "SELF_SIGNED_CERT_IN_CHAIN"],
  [/self[- ]signed certificate/i, "DEPTH_ZERO_SELF_SIGNED_CERT"],
  [/unable to verify the first certificate/i, "UNABLE_TO_VERIFY_LEAF_SIGNATURE"],
  [/unable to get local issuer certificate/i, "UNABLE_TO_GET_ISSUER_CERT_LOCALLY"],
  [/unsupported protocol|protocol version/i, "ERR_SSL_UNSUPPORTED_PROTOCOL"],
  [/socket disconnected before secure TLS connection/i, "ECONNRESET"],
  [/certificate signature failure/i, "CERT_SIGNATURE_FAILURE"],
  [/unsuitable certificate purpose/i, "INVALID_PURPOSE"],
  [/certificate revoked/i, "CERT_REVOKED"],
  [/certificate not trusted/i, "CERT_UNTRUSTED"],
  [/certificate rejected/i, "CERT_REJECTED"],
]

export function tlsFailureCause(message: string): string | undefined {
  return TLS_MESSAGES.find(([pattern]) => pattern.test(message))?.[1]
}
