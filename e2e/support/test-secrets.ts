/** The password the test simulators accept; no page, transcript or log may ever show it. */
export const TEST_PASSWORD = "Gr4phite-Lantern-e2e!"

/**
 * The HS256 key of the test identity server (e2e/global-setup.ts) and the worker simulators
 * (e2e/fixtures.ts): the simulators accept the tokens it signs. Every token it issues is a secret
 * too: the scan below finds any of them by its signature under this key.
 */
export const TEST_TOKEN_KEY = "e2e-identity-hs256-Kestrel-Ferry-51"

/**
 * The client secret of every app of the test identity server. Not the practice one: the practice
 * hints show that, and the scan must find this one nowhere.
 */
export const TEST_CLIENT_SECRET = "Ot7Q~e2e.Client-Secret_Harbor"

/** instances.spec.ts: the instances' SMTP365_SECRET_KEY and access password. */
export const INSTANCES_SECRET_KEY = "e2e-instances-secret-key-Marten-Quarry-2026"
export const INSTANCES_ACCESS_PASSWORD = "Basalt-Heron-Access-24"

/** A client secret the oauth spec types that the identity server refuses (AADSTS7000215). */
export const WRONG_CLIENT_SECRET = "Wr0ng~Client.Secret-e2e"

/**
 * Every password, client secret and token the end-to-end tests type or hand to the app. After the
 * run, e2e/support/secret-scan.ts fails it if any of them (or its base64, as AUTH LOGIN and AUTH
 * PLAIN carry it) appears in the server's log or in a response the browser received. A test that
 * uses a new secret adds it here.
 */
export const TEST_SECRETS: readonly string[] = [
  TEST_PASSWORD,
  "not-the-practice-password",
  "wrong-password-for-cache-check",
  // bad-input.spec.ts posts it with every well-formed fuzz value; security.spec.ts's access password.
  "Fuzz-not-a-secret",
  "Tundra-Quill-Access-8",
  TEST_CLIENT_SECRET,
  WRONG_CLIENT_SECRET,
  TEST_TOKEN_KEY,
  INSTANCES_SECRET_KEY,
  INSTANCES_ACCESS_PASSWORD,
]

// Named by port, so that runs against servers on different ports keep apart.
const RUN_DIRECTORY = `test-results/secret-scan-${process.env.PORT ?? 3100}`

/** Where the fixtures write each response body the browser received, one file per response. */
export const RESPONSES_DIRECTORY = `${RUN_DIRECTORY}/responses`

/** Where playwright.config.ts's web server writes its stdout and stderr. */
export const SERVER_LOG = `${RUN_DIRECTORY}/server.log`
