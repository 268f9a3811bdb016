// The one implementation of test certificate generation. Plain ESM JavaScript so that
// scripts/test-ca.mjs can run it with bare Node 20; TypeScript code imports it through
// lib/practice/certificates.ts, typed by certificate-authority.d.mts.
import { generate } from "selfsigned"

const DAY_MS = 24 * 60 * 60 * 1000
// Backdating absorbs small clock differences between the process that issues and the one that checks.
const BACKDATE_MS = 60 * 60 * 1000

// EC P-256 keys take a millisecond to generate where RSA-2048 takes tens to hundreds; selfsigned
// imports the CA key with the leaf's key type, so both must use the same one.
const KEY_OPTIONS = { keyType: "ec", curve: "P-256", algorithm: "sha256" }

/**
 * Creates a certificate authority valid for about two years.
 * @returns {Promise<import("./certificate-authority.d.mts").PemKeyPair>}
 */
export async function createCertificateAuthority() {
  const now = Date.now()
  const pems = await generate(
    [{ name: "commonName", value: "smtp365 local CA (practice mode and tests)" }],
    {
      ...KEY_OPTIONS,
      notBeforeDate: new Date(now - BACKDATE_MS),
      notAfterDate: new Date(now + 730 * DAY_MS),
      extensions: [
        { name: "basicConstraints", cA: true, critical: true },
        { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
      ],
    }
  )
  return { key: pems.private, cert: pems.cert }
}

/**
 * Issues a TLS server certificate signed by `ca`. Validity defaults to one year from now; pass
 * dates in the past or future to produce expired or not-yet-valid certificates.
 * @param {import("./certificate-authority.d.mts").PemKeyPair} ca
 * @param {import("./certificate-authority.d.mts").ServerCertificateOptions} options
 * @returns {Promise<import("./certificate-authority.d.mts").PemKeyPair>}
 */
export async function issueServerCertificate(ca, { names, ips, validFrom, validTo }) {
  const commonName = names[0] ?? ips[0]
  if (!commonName) throw new Error("A server certificate needs at least one DNS name or IP address")
  const notBeforeDate = validFrom ?? new Date(Date.now() - BACKDATE_MS)
  const pems = await generate([{ name: "commonName", value: commonName }], {
    ...KEY_OPTIONS,
    ca,
    notBeforeDate,
    notAfterDate: validTo ?? new Date(notBeforeDate.getTime() + 365 * DAY_MS),
    extensions: [
      { name: "basicConstraints", cA: false, critical: true },
      { name: "keyUsage", digitalSignature: true, critical: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          ...names.map((value) => ({ type: 2, value })),
          ...ips.map((ip) => ({ type: 7, ip })),
        ],
      },
    ],
  })
  return { key: pems.private, cert: pems.cert }
}
