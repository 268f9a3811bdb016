// The implementation is plain JavaScript so that scripts/test-ca.mjs can run it without a
// TypeScript loader; this module is the typed entry point for the rest of the code base.
export {
  createCertificateAuthority,
  issueServerCertificate,
  type PemKeyPair,
  type ServerCertificateOptions,
} from "@/lib/practice/certificate-authority.mjs"
