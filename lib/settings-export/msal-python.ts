// The token from Microsoft's own library for Python, msal, as the Python outputs and the commands
// that print a token (msmtp's passwordeval, curl's --oauth2-bearer) ask for it: the app-only and
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
 * Python lines that leave msal's answer in `token` (a dict with access_token, or error and
 * error_description), for the app-only or the device code sign-in.
 */
export function msalTokenLines(facts: ConnectionFacts, kind: OAuthSignIn): string[] {
  const common = [
    `TENANT = ${py(facts.tenant)}  # Directory (tenant) ID`,
    `CLIENT_ID = ${py(facts.clientId)}  # Application (client) ID`,
    `USER = ${py(facts.user)}  # the mailbox to send as`,
    `# Microsoft's sign-in address; ${AUTHORITY_VARIABLE} names another (a national cloud, a test server),`,
    "# which msal then takes as given instead of asking Microsoft about it.",
    `AUTHORITY = os.environ.get(${py(AUTHORITY_VARIABLE)}, ${py(DEFAULT_IDENTITY_URL)})`,
    `KNOWN_AUTHORITY = AUTHORITY == ${py(DEFAULT_IDENTITY_URL)}`,
    "",
  ]
  const acquire =
    kind === "oauth-app"
      ? [
          "# OAuth 2.0 app-only (client credentials): the app signs in as itself, no user.",
          "app = msal.ConfidentialClientApplication(",
          "    CLIENT_ID,",
          '    authority=f"{AUTHORITY}/{TENANT}",',
          `    client_credential=os.environ[${py(CLIENT_SECRET_VARIABLE)}],`,
          "    instance_discovery=KNOWN_AUTHORITY,",
          ")",
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
    ...common,
    ...acquire,
    'if "access_token" not in token:',
    '    # Microsoft\'s reason, for example "AADSTS7000215: Invalid client secret provided."',
    '    raise SystemExit(token.get("error_description", token.get("error")))',
  ]
}

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
