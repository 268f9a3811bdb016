// The token from Microsoft's own library for Python, msal, as the Python outputs (a script that
// sends once, a web framework's mail backend that keeps running) and the commands that print a
// token (msmtp's passwordeval, curl's --oauth2-bearer) ask for it: the app-only and
// device code APIs of msal (ConfidentialClientApplication.acquire_token_for_client,
// PublicClientApplication.initiate_device_flow), with the scopes of SOURCES.oauth. msal adds
// openid, profile and offline_access itself and refuses them in `scopes`, so only the SMTP scope
// is asked for.
//
// msal asks Microsoft about a sign-in address it does not know (instance discovery) unless told
// not to: `instance_discovery` (msal 1.19 and later; Debian 12's python3-msal is 1.21) is True for
// Microsoft's own address and False for the one OAUTH_AUTHORITY names, the pattern msal's own
// docstring gives for known authorities.
import { APP_ONLY_SCOPE, DEFAULT_IDENTITY_URL, DELEGATED_SMTP_SCOPE } from "@/lib/oauth/scopes"
import type { OAuthSignIn } from "@/lib/schemas/setup-fields"
import { signInOf } from "@/lib/schemas/sign-in"

import { stringLiteral as py } from "./literals"
import type { SettingsTarget } from "./types"
import { AUTHORITY_VARIABLE, CLIENT_SECRET_VARIABLE, type ConnectionFacts } from "./values"

/**
 * The tenant, the app and the sign-in address as Python constants, for the lines below (and the
 * mailbox to send as, for a script that has no setting of its own for it).
 */
function msalConstantLines(facts: ConnectionFacts, withUser: boolean): string[] {
  return [
    `TENANT = ${py(facts.tenant)}  # Directory (tenant) ID`,
    `CLIENT_ID = ${py(facts.clientId)}  # Application (client) ID`,
    ...(withUser ? [`USER = ${py(facts.user)}  # the mailbox to send as`] : []),
    `# Microsoft's sign-in address; ${AUTHORITY_VARIABLE} names another (a national cloud, a test server),`,
    "# which msal then takes as given instead of asking Microsoft about it.",
    `AUTHORITY = os.environ.get(${py(AUTHORITY_VARIABLE)}, ${py(DEFAULT_IDENTITY_URL)})`,
    `KNOWN_AUTHORITY = AUTHORITY == ${py(DEFAULT_IDENTITY_URL)}`,
  ]
}

/** The app-only msal application, its client secret from the environment, after `lead`. */
function confidentialClientLines(lead: string, indent = ""): string[] {
  return [
    `${lead}msal.ConfidentialClientApplication(`,
    "    CLIENT_ID,",
    '    authority=f"{AUTHORITY}/{TENANT}",',
    `    client_credential=os.environ[${py(CLIENT_SECRET_VARIABLE)}],`,
    "    instance_discovery=KNOWN_AUTHORITY,",
    ")",
  ].map((line) => `${indent}${line}`)
}

/** Lines that stop with Microsoft's reason when `token` holds no access token. */
function noTokenLines(stop: string, indent = ""): string[] {
  return [
    'if "access_token" not in token:',
    '    # Microsoft\'s reason, for example "AADSTS7000215: Invalid client secret provided."',
    `    raise ${stop}(token.get("error_description", token.get("error")))`,
  ].map((line) => `${indent}${line}`)
}

/**
 * The SASL XOAUTH2 string of reference §3 (SOURCES.oauth) for the mailbox `user` (a Python
 * expression) and msal's `token`: the two separated by Ctrl-A (\x01).
 */
function xoauth2Expression(user: string): string {
  return `f"user={${user}}\\x01auth=Bearer {token['access_token']}\\x01\\x01"`
}

/**
 * smtplib's auth() with XOAUTH2 (Python 3.5 and later: the initial response goes with the AUTH
 * command), on the SMTP object `smtp`, sending the string `xoauth2`, indented by `indent`. EHLO
 * first: unlike login(), auth() sends none itself (Python 3.11's smtplib.py), and a server answers
 * AUTH before the EHLO that follows STARTTLS with 503 (smtp-server: "send HELO/EHLO first"), which
 * auth() takes as success, as it does "already authenticated".
 */
export function xoauth2AuthLines(smtp: string, indent: string): string[] {
  return [
    "# A new EHLO after STARTTLS: auth(), unlike login(), sends none itself.",
    `${smtp}.ehlo()`,
    "# The server's error answer to a refused token is a 334 challenge: answer it empty.",
    `${smtp}.auth("XOAUTH2", lambda challenge=None: xoauth2 if challenge is None else "")`,
  ].map((line) => `${indent}${line}`)
}

/**
 * Python lines that leave msal's answer in `token` (a dict with access_token, or error and
 * error_description), for the app-only or the device code sign-in, then the SASL XOAUTH2 string in
 * `xoauth2`: a script that signs in once and exits (the token is not kept).
 */
export function msalTokenLines(facts: ConnectionFacts, kind: OAuthSignIn): string[] {
  const acquire =
    kind === "oauth-app"
      ? [
          "# OAuth 2.0 app-only (client credentials): the app signs in as itself, no user.",
          ...confidentialClientLines("app = "),
          `token = app.acquire_token_for_client(scopes=[${py(APP_ONLY_SCOPE)}])`,
        ]
      : [
          "# OAuth 2.0 as a user (device code flow): the mailbox user signs in in a browser with the",
          "# code printed here.",
          "app = msal.PublicClientApplication(",
          '    CLIENT_ID, authority=f"{AUTHORITY}/{TENANT}", instance_discovery=KNOWN_AUTHORITY',
          ")",
          `flow = app.initiate_device_flow(scopes=[${py(DELEGATED_SMTP_SCOPE)}])`,
          'if "user_code" not in flow:',
          '    raise SystemExit(flow.get("error_description", flow))',
          'print(flow["message"], flush=True)',
          "token = app.acquire_token_by_device_flow(flow)",
        ]
  return [
    ...msalConstantLines(facts, true),
    "",
    ...acquire,
    ...noTokenLines("SystemExit"),
    "# SASL XOAUTH2: the mailbox and the token, separated by Ctrl-A (\\x01).",
    `xoauth2 = ${xoauth2Expression("USER")}`,
    "",
  ]
}

/**
 * For a program that keeps running and signs in again and again (a web app's mail backend): the
 * app-only msal application, made once on first use (msal asks the sign-in address about itself
 * when it is made), and `xoauth2_string(user)`, which returns the SASL XOAUTH2 string with a token
 * from msal's in-memory token cache, asking Microsoft for a new one only when it nears expiry.
 * msal 1.23 and later look in that cache in acquire_token_for_client ("Since MSAL Python 1.23, it
 * will automatically look for token from cache", its docstring); acquire_token_silent with no
 * account does it for older ones (Debian 12's python3-msal is 1.21) and returns None on newer ones
 * ("A backward-compatible NO-OP to drop the account=None usage", msal/application.py). No token
 * raises smtplib.SMTPException with Microsoft's reason, so a caller that catches SMTP errors (a
 * fail_silently) catches it too. Needs `import functools, os, smtplib` and `import msal`.
 */
export function msalAppOnlyServerLines(facts: ConnectionFacts): string[] {
  return [
    ...msalConstantLines(facts, false),
    "# Exchange Online's .default scope: the permissions the app was granted there.",
    `SCOPES = [${py(APP_ONLY_SCOPE)}]`,
    "",
    "",
    "@functools.lru_cache(maxsize=None)",
    "def msal_app():",
    '    """OAuth 2.0 app-only (client credentials): one msal app, so one token cache, per process."""',
    ...confidentialClientLines("return ", "    "),
    "",
    "",
    "def xoauth2_string(user):",
    '    """SASL XOAUTH2 for the mailbox `user`, with a token msal renews only when it nears expiry."""',
    "    # msal 1.23 and later look in the cache in acquire_token_for_client; acquire_token_silent",
    "    # does it for older ones (Debian 12 has 1.21) and returns None on newer ones.",
    "    token = msal_app().acquire_token_silent(SCOPES, account=None)",
    "    token = token or msal_app().acquire_token_for_client(scopes=SCOPES)",
    ...noTokenLines("smtplib.SMTPException", "    "),
    `    return ${xoauth2Expression("user")}`,
  ]
}

/** The variant of a program that keeps running (Django, Flask-Mail): msal's app-only token. */
export const SERVER_VARIANT = {
  takes: `msal (pip install msal, or Debian's python3-msal) and the client secret in ${CLIENT_SECRET_VARIABLE}; app-only only`,
  // A device code sign-in needs a person at a browser, which a program sending mail has not.
  fits: (values) => signInOf(values) !== "oauth-device",
} as const satisfies SettingsTarget["oauthVariant"]

/**
 * A shell command that prints an app-only token (client credentials) and nothing else, for programs
 * that run a command for their token: one line of Python, single-quoted for sh, the client secret
 * from the environment and the IDs as Python string literals. Written compactly (positional
 * client_credential and authority, msal's signature) because msmtp refuses configuration lines
 * longer than 500 characters ("line longer than 500 characters", msmtp 1.8.23).
 */
export function msalTokenCommand(facts: ConnectionFacts): string {
  const code = [
    "import msal,os,sys",
    "e=os.environ",
    `a=e.get(${py(AUTHORITY_VARIABLE)},${py(DEFAULT_IDENTITY_URL)})`,
    `t=msal.ConfidentialClientApplication(${py(facts.clientId)},e[${py(CLIENT_SECRET_VARIABLE)}],a+${py(`/${facts.tenant}`)},instance_discovery=${py(AUTHORITY_VARIABLE)}not in e).acquire_token_for_client([${py(APP_ONLY_SCOPE)}])`,
    'print(t.get("access_token")or sys.exit(t.get("error_description")))',
  ].join(";")
  return `python3 -c '${code.replaceAll("'", "'\\''")}'`
}

/**
 * The variant of programs that run msalTokenCommand for their token (msmtp, curl): app-only only,
 * as a device code sign-in needs a person at a browser, which such a command has not.
 */
export const TOKEN_COMMAND_VARIANT = {
  takes: `python3 with msal (Debian's python3-msal) and the client secret in ${CLIENT_SECRET_VARIABLE}; app-only only`,
  fits: (values) => signInOf(values) !== "oauth-device",
} as const satisfies SettingsTarget["oauthVariant"]
