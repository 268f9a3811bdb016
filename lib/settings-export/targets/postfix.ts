// Postfix as a smart-host client: every message leaves through the service (relayhost).
// Parameters: https://www.postfix.org/postconf.5.html, SMTP AUTH: https://www.postfix.org/SASL_README.html
// (client side, sasl_passwd), TLS: https://www.postfix.org/TLS_README.html (client security levels).
//
// OAuth 2.0 goes through the sasl-xoauth2 plugin (https://github.com/tarickb/sasl-xoauth2: README
// and sasl-xoauth2.conf(5)): /etc/sasl-xoauth2.conf names the app registration and the token
// endpoint, sasl_passwd points each account at a token file, and the plugin renews the token from
// the refresh token in it. Its Microsoft 365 setup signs in as a user (delegated SMTP.Send), so it
// needs a refresh token from one sign-in (sasl-xoauth2-tool get-token outlook --use-device-flow).
// Debian 12 (bookworm) main has no package of it (apt-cache search xoauth2, 2026-11): build it
// from source or use the project's Ubuntu PPA. It cannot use an app-only token: "sasl-xoauth2
// will not work without a refresh token" (its maintainer, in
// https://github.com/tarickb/sasl-xoauth2/issues/76, where client credentials are asked for; pull
// requests 105 and 123, which add them, were still open in 2026 and no release has them). So
// for a method whose only OAuth 2.0 sign-in is app-only (High Volume Email), these files keep the
// password settings under the note.
import { DEFAULT_IDENTITY_URL } from "@/lib/oauth/scopes"
import type { SetupValues } from "@/lib/schemas/setup"
import type { SettingsTarget } from "../types"
import {
  connectionFacts,
  oauthSignIn,
  secretNote,
  tokenEndpoint,
  type ConnectionFacts,
} from "../values"

const SASL_PASSWD = "/etc/postfix/sasl_passwd"
const SASL_XOAUTH2_CONF = "/etc/sasl-xoauth2.conf"
/** Where sasl_passwd says the token file is: inside Postfix's chroot when smtp runs chrooted. */
const tokenFile = (facts: ConnectionFacts) => `/etc/tokens/${facts.user}`
const CHROOT = "/var/spool/postfix"

/** sasl-xoauth2 fits where the method takes a user's sign-in, from which it keeps a refresh token. */
const saslXoauth2Fits = (values: SetupValues) => connectionFacts(values).delegatedOAuth

/** Both Postfix files' verdict and variant: sasl-xoauth2's (see the comment at the top). */
const SASL_XOAUTH2_OAUTH = {
  oauthVerdict: {
    kind: "refresh-token",
    how: "Postfix signs in with XOAUTH2 through the sasl-xoauth2 plugin, which keeps a user's refresh token in a token file and renews the token itself; it cannot use an app-only token (client credentials)",
    source:
      "https://github.com/tarickb/sasl-xoauth2 (README; client credentials: open issue 76, unmerged pull requests 105 and 123)",
  },
  oauthVariant: {
    takes: "the sasl-xoauth2 plugin and one device code sign-in as the mailbox user",
    fits: saslXoauth2Fits,
  },
} as const satisfies Pick<SettingsTarget, "oauthVerdict" | "oauthVariant">

/** The OAuth 2.0 sign-in Postfix does for these facts: none where sasl-xoauth2 does not fit. */
const postfixOAuth = (facts: ConnectionFacts) =>
  facts.delegatedOAuth ? oauthSignIn(facts) : undefined

/** A main.cf value: `$` starts a parameter reference, so a literal one is written `$$`. */
const cf = (value: string) => value.replaceAll("$", () => "$$")

/** The next hop as relayhost and sasl_passwd both spell it: brackets skip the MX lookup. */
const nextHop = (facts: ConnectionFacts) => `[${facts.host}]:${facts.port}`

function tlsLines(facts: ConnectionFacts): string[] {
  if (facts.security === "none")
    return [
      "# No encryption required: TLS is used when the server offers it.",
      "smtp_tls_security_level = may",
    ]
  return [
    ...(facts.security === "tls"
      ? [
          "# Implicit TLS from the first byte (SMTPS) instead of STARTTLS.",
          "smtp_tls_wrappermode = yes",
        ]
      : []),
    "# secure: TLS is required (no plain-text fallback), the certificate must chain to a trusted CA",
    `# and its name must match ${facts.host}. "encrypt" would accept any certificate.`,
    "smtp_tls_security_level = secure",
    "# Debian's and Ubuntu's CA bundle, read before the smtp client enters its chroot",
    "# (Red Hat and Fedora: /etc/pki/tls/certs/ca-bundle.crt).",
    "smtp_tls_CAfile = /etc/ssl/certs/ca-certificates.crt",
  ]
}

export const postfixMainCfTarget: SettingsTarget = {
  id: "postfix-main-cf",
  title: "Postfix (main.cf)",
  group: "Mail servers",
  filename: "main.cf",
  language: "ini",
  ...SASL_XOAUTH2_OAUTH,
  render(values) {
    const facts = connectionFacts(values)
    const kind = postfixOAuth(facts)
    const sasl = kind
      ? [
          "",
          "# SMTP AUTH with OAuth 2.0 (XOAUTH2) through the sasl-xoauth2 plugin",
          "# (https://github.com/tarickb/sasl-xoauth2), which fetches and renews the token itself:",
          `# see the sasl_passwd file. Debian 12 has no package of it: build it from source (cmake, as`,
          "# its README says) or, on Ubuntu, install it from ppa:sasl-xoauth2/stable. Its token",
          `# requests run inside the chroot (${CHROOT}), so copy the CA bundle there:`,
          `#   sudo mkdir -p ${CHROOT}/etc/ssl/certs`,
          `#   sudo cp /etc/ssl/certs/ca-certificates.crt ${CHROOT}/etc/ssl/certs/`,
          "smtp_sasl_auth_enable = yes",
          `smtp_sasl_password_maps = hash:${SASL_PASSWD}`,
          "# Allow XOAUTH2, which Cyrus SASL counts as plain text as it does LOGIN (the default,",
          "# noplaintext, forbids those): it only runs inside TLS.",
          "smtp_sasl_security_options = noanonymous",
          "smtp_sasl_mechanism_filter = xoauth2",
        ]
      : facts.signsIn
        ? [
            "",
            `# SMTP AUTH with the user name and password in ${SASL_PASSWD} (see sasl_passwd).`,
            "smtp_sasl_auth_enable = yes",
            `smtp_sasl_password_maps = hash:${SASL_PASSWD}`,
            "# Allow LOGIN, a plain-text mechanism (the default forbids those): it only runs inside TLS.",
            "smtp_sasl_security_options = noanonymous",
            `# ${facts.service.name} offers AUTH LOGIN, not PLAIN (Debian: apt install libsasl2-modules).`,
            "smtp_sasl_mechanism_filter = login",
          ]
        : ["", "# Direct Send and relay do not sign in: SMTP AUTH stays off."]
    const content = [
      "# /etc/postfix/main.cf: add or replace these lines, then run: sudo postfix reload",
      `# Every message goes to ${facts.service.name}; the brackets skip the MX lookup.`,
      `relayhost = ${cf(nextHop(facts))}`,
      ...tlsLines(facts),
      ...sasl,
      "",
      `# ${facts.service.name} only accepts mail from ${facts.fromAddress}: rewrite every sender`,
      "# (root, www-data, ...) in the envelope and the From header to it.",
      `sender_canonical_maps = static:${cf(facts.fromAddress)}`,
      "",
    ].join("\n")
    return {
      content,
      secretNote: kind
        ? "No password: sasl-xoauth2 keeps the token and renews it; see the sasl_passwd file."
        : secretNote(
            facts,
            `The password goes in ${SASL_PASSWD} (root only, chmod 600), turned into a lookup table with postmap: see the sasl_passwd file.`
          ),
    }
  },
}

export const postfixSaslPasswdTarget: SettingsTarget = {
  id: "postfix-sasl-passwd",
  title: "Postfix (sasl_passwd)",
  group: "Mail servers",
  filename: "sasl_passwd",
  // A lookup table: # starts a comment line, as in main.cf (postmap(1)), so a note on top stays one.
  language: "ini",
  ...SASL_XOAUTH2_OAUTH,
  render(values) {
    const facts = connectionFacts(values)
    if (postfixOAuth(facts)) return saslXoauth2Passwd(facts)
    const content = facts.signsIn
      ? [
          `# ${SASL_PASSWD}: the ${facts.service.name} sign-in for relayhost ${nextHop(facts)}.`,
          "# Make the file private before typing the password into it:",
          `#   sudo install -m 600 /dev/null ${SASL_PASSWD}`,
          `# Paste the last line, replace ${facts.secret.placeholder} with ${facts.secret.name}`,
          "# (user:password, no spaces), then build the table Postfix reads and reload:",
          `#   sudo postmap hash:${SASL_PASSWD}`,
          `#   sudo chmod 600 ${SASL_PASSWD} ${SASL_PASSWD}.db`,
          "#   sudo postfix reload",
          `${nextHop(facts)} ${facts.user}:${facts.secret.placeholder}`,
          "",
        ].join("\n")
      : [
          "# Direct Send and relay do not sign in: Postfix needs no sasl_passwd file.",
          "# Leave smtp_sasl_password_maps unset in main.cf.",
          "",
        ].join("\n")
    return {
      content,
      secretNote: secretNote(
        facts,
        `Replace ${facts.secret.placeholder} with ${facts.secret.name} on the server itself, then run postmap; never send the file anywhere.`
      ),
    }
  },
}

/** sasl_passwd for sasl-xoauth2: the "password" is the token file, set up once by a user sign-in. */
function saslXoauth2Passwd(facts: ConnectionFacts) {
  const conf = {
    client_id: facts.clientId,
    // A public client: the device code sign-in needs no secret.
    client_secret: "",
    token_endpoint: tokenEndpoint(facts, DEFAULT_IDENTITY_URL),
  }
  const content = [
    `# ${SASL_PASSWD} for XOAUTH2 with sasl-xoauth2: the "password" is the file where`,
    "# sasl-xoauth2 keeps this mailbox's tokens and renews them.",
    ...(facts.signIn === "oauth-app"
      ? [
          "# sasl-xoauth2 signs in as the mailbox user (delegated), not as the app: the client secret",
          "# of the app-only sign-in is not used here.",
        ]
      : []),
    "#",
    `# 1. ${SASL_XOAUTH2_CONF}: the app registration and the tenant's token endpoint.`,
    ...JSON.stringify(conf, null, 2)
      .split("\n")
      .map((line) => `#      ${line}`),
    `# 2. A refresh token: sign in once as ${facts.user} with a device code (the app`,
    '#    registration needs the delegated permission SMTP.Send and "Allow public client flows").',
    `#    Postfix's smtp client runs chrooted in ${CHROOT} on Debian, so the file goes there:`,
    `#      sudo mkdir -p ${CHROOT}/etc/tokens`,
    `#      sudo sasl-xoauth2-tool get-token outlook --client-id=${facts.clientId} --tenant=${facts.tenant} --use-device-flow ${CHROOT}${tokenFile(facts)}`,
    `#      sudo chown -R postfix:postfix ${CHROOT}/etc/tokens`,
    "# 3. Build the table Postfix reads, and reload:",
    `#      sudo postmap hash:${SASL_PASSWD}`,
    "#      sudo postfix reload",
    `${nextHop(facts)} ${facts.user}:${tokenFile(facts)}`,
    "",
  ].join("\n")
  return {
    content,
    secretNote:
      "No password: the token file holds a refresh token, so keep it readable by postfix only (chown above).",
  }
}
