import { readdir, readFile } from "node:fs/promises"
import path from "node:path"

import { verifyAccessToken } from "../../lib/practice/access-tokens"
import { RESPONSES_DIRECTORY, SERVER_LOG, TEST_SECRETS, TEST_TOKEN_KEY } from "./test-secrets"

const root = path.join(__dirname, "..", "..")

/** A secret as the tests typed it, and the encodings SMTP AUTH would carry it in. */
function secretForms(secret: string): string[] {
  const base64 = (text: string) => Buffer.from(text).toString("base64")
  return [
    secret,
    base64(secret),
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
    // AUTH PLAIN sends "\0user\0password"; its base64 holds the password's only at some offsets,
    // so the whole blob is checked for the users the tests sign in with.
    base64(`\u0000sender@contoso.com\u0000${secret}`),
  ]
}

/**
 * Tokens of the test identity server in `text`, as they are or inside a base64 XOAUTH2 string:
 * any JWT whose signature holds under the test key is one it issued.
 */
function issuedTokens(text: string): number {
  const jwt = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/g
  const decoded = [...text.matchAll(/[A-Za-z0-9+/]{120,}={0,2}/g)].map((match) =>
    Buffer.from(match[0], "base64").toString("latin1")
  )
  return [text, ...decoded]
    .flatMap((part) => part.match(jwt) ?? [])
    .filter((token) => verifyAccessToken(token, TEST_TOKEN_KEY)).length
}

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true }).catch(() => [])
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
}

/**
 * Runs after the whole end-to-end suite: the server's log, every response body the browser
 * received (HTML, RSC payloads with each test's transcript) and the built assets it was served
 * (scripts and styles, read from the build) must not hold any test secret.
 * Fails the run on the first hit, naming the file and the secret's form, never the secret.
 */
export default async function scanForSecrets() {
  const files = [
    path.join(root, SERVER_LOG),
    ...(await filesUnder(path.join(root, RESPONSES_DIRECTORY))),
    ...(await filesUnder(path.join(root, ".next/static"))),
  ]
  const hits: string[] = []
  let scanned = 0
  for (const file of files) {
    const text = await readFile(file, "latin1").catch(() => undefined)
    if (text === undefined) continue
    scanned += 1
    if (issuedTokens(text)) hits.push(`${path.relative(root, file)}: an access token`)
    TEST_SECRETS.forEach((secret, index) =>
      secretForms(secret).forEach((form, kind) => {
        if (text.includes(form))
          hits.push(`${path.relative(root, file)}: secret #${index} (form ${kind})`)
      })
    )
  }
  if (hits.length) {
    throw new Error(`Test secrets leaked into what the server logged or sent:\n${hits.join("\n")}`)
  }
  console.log(
    `Secret scan: ${scanned} files (server log, responses, built assets), no test secret found.`
  )
}
