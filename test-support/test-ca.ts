import { readFileSync } from "node:fs"
import path from "node:path"

import {
  issueServerCertificate,
  type PemKeyPair,
  type ServerCertificateOptions,
} from "../lib/practice/certificates"

const directory = path.join(__dirname, "..", ".test-ca")
const read = (file: string) => readFileSync(path.join(directory, file), "utf8")

/**
 * The certificate the test SMTP servers present, issued by the CA that scripts/test-ca.mjs wrote
 * and that the process under test trusts through NODE_EXTRA_CA_CERTS.
 */
export function testServerTls(): { key: string; cert: string } {
  return { key: read("server.key"), cert: read("server.pem") }
}

/**
 * Another server certificate from that same trusted CA, for exactly the names and addresses given:
 * for tests of which name the client checks, where the certificate must be one it trusts.
 */
export function issueTestServerCertificate(options: ServerCertificateOptions): Promise<PemKeyPair> {
  return issueServerCertificate({ key: read("ca.key"), cert: read("ca.pem") }, options)
}
