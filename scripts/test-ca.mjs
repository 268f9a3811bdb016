// Writes the test CA (its key too, so tests can issue other certificates it vouches for) and the
// leaf certificate the local SMTP servers present, into .test-ca/.
// Runs before `playwright test`: Node reads NODE_EXTRA_CA_CERTS=.test-ca/ca.pem only at start-up,
// so the files must exist before the Next server is launched. Reuses files that are still good.
import { X509Certificate, createPrivateKey } from "node:crypto"
import { mkdir, readFile, writeFile } from "node:fs/promises"
import path from "node:path"
import { fileURLToPath } from "node:url"

const MIN_REMAINING_MS = 7 * 24 * 60 * 60 * 1000
const NAMES = ["localhost", "mail.contoso.test"]
const IPS = ["127.0.0.1"]

const directory = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", ".test-ca")
const files = {
  ca: path.join(directory, "ca.pem"),
  caKey: path.join(directory, "ca.key"),
  key: path.join(directory, "server.key"),
  cert: path.join(directory, "server.pem"),
}

/** True if the files exist, belong together, cover NAMES and IPS and stay valid long enough. */
async function existingFilesAreGood() {
  try {
    const [caPem, caKeyPem, keyPem, certPem] = await Promise.all(
      [files.ca, files.caKey, files.key, files.cert].map((file) => readFile(file, "utf8"))
    )
    const ca = new X509Certificate(caPem)
    const leaf = new X509Certificate(certPem)
    const altNames = leaf.subjectAltName ?? ""
    return (
      ca.checkPrivateKey(createPrivateKey(caKeyPem)) &&
      leaf.checkIssued(ca) &&
      leaf.verify(ca.publicKey) &&
      leaf.checkPrivateKey(createPrivateKey(keyPem)) &&
      NAMES.every((name) => altNames.includes(`DNS:${name}`)) &&
      IPS.every((ip) => altNames.includes(`IP Address:${ip}`)) &&
      Date.parse(leaf.validTo) - Date.now() >= MIN_REMAINING_MS &&
      Date.parse(ca.validTo) - Date.now() >= MIN_REMAINING_MS
    )
  } catch {
    // Missing or unreadable files: generate new ones.
    return false
  }
}

if (await existingFilesAreGood()) {
  console.log(`test CA: reusing ${path.relative(process.cwd(), directory) || "."}`)
} else {
  // Loaded only when needed: the certificate libraries cost more start-up time than the check.
  const { createCertificateAuthority, issueServerCertificate } =
    await import("../lib/practice/certificate-authority.mjs")
  const ca = await createCertificateAuthority()
  const leaf = await issueServerCertificate(ca, { names: NAMES, ips: IPS })
  await mkdir(directory, { recursive: true })
  await writeFile(files.ca, ca.cert)
  await writeFile(files.caKey, ca.key, { mode: 0o600 })
  await writeFile(files.key, leaf.key, { mode: 0o600 })
  await writeFile(files.cert, leaf.cert)
  console.log(`test CA: wrote ${path.relative(process.cwd(), directory) || "."}`)
}
