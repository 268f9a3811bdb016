import { readFileSync } from "node:fs"
import path from "node:path"

const directory = path.join(__dirname, "..", ".test-ca")

/**
 * The certificate the test SMTP servers present, issued by the CA that scripts/test-ca.mjs wrote
 * and that the process under test trusts through NODE_EXTRA_CA_CERTS.
 */
export function testServerTls(): { key: string; cert: string } {
  return {
    key: readFileSync(path.join(directory, "server.key"), "utf8"),
    cert: readFileSync(path.join(directory, "server.pem"), "utf8"),
  }
}
