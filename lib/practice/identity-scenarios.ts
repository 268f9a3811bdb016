/**
 * The practice directory of the local identity server (identity-server.ts) and the Microsoft 365
 * simulator's view of it: one tenant, its app registrations and users, and the Microsoft identity
 * platform errors each one shows. Data only.
 *
 * How a scenario is chosen: by the Application (client) ID (PRACTICE_APPS), then by the tenant in the
 * path (an unknown one is AADSTS90002; /common and /organizations are AADSTS50194 for these
 * single-tenant apps), then by the client secret (a wrong one is AADSTS7000215).
 *
 * Error texts are copied from public logs of the real token endpoint (the source next to each); the
 * placeholders <client-id>, <tenant> and <app-name> are filled in per request. Trace ID, correlation
 * ID and timestamp are generated per response as Microsoft does.
 */

export const PRACTICE_TENANT_ID = "7d5c3f0e-6a1b-4c2d-9e8f-0a1b2c3d4e5f"
/** The tenant's domain: the identity server accepts it or the ID in the path. */
export const PRACTICE_TENANT_DOMAIN = "contoso.com"
/** The client secret of every practice app registration. */
export const PRACTICE_CLIENT_SECRET = "practice-secret~Q8"

/** The device-code sign-in user (a member of the tenant). */
export const PRACTICE_DEVICE_USER = "sender@contoso.com"

/** Audiences the identity server puts in tokens, by the resource the scope names. */
export const EXCHANGE_AUDIENCE = "https://outlook.office365.com"
export const GRAPH_AUDIENCE = "https://graph.microsoft.com"

export type AppGrant = "client_credentials" | "device_code"

export interface PracticeApp {
  displayName: string
  /** Completes "use this app to see …". */
  description: string
  /** An error the token endpoint returns instead of a token, by grant. */
  tokenError?: Partial<Record<AppGrant, IdentityErrorId>>
  /** App-only tokens: the application permissions (roles) granted with admin consent. */
  roles: readonly string[]
  /** The audience tokens get whatever the scope asks (the Graph mistake); default: the scope's. */
  audience?: string
  /** Device code flow: the code expires on the server right after it is issued. */
  deviceCodeExpiresAtOnce?: true
  /** Exchange Online: New-ServicePrincipal was run with the Enterprise Application's object ID. */
  servicePrincipal: "registered" | "missing" | "wrong-object-id"
  /** Exchange Online: mailboxes the service principal has FullAccess to (Add-MailboxPermission). */
  mailboxes: readonly string[]
  /** RBAC for Applications: a management role assignment "Application SMTP.SendAsApp" covers it. */
  rbac?: true
  /**
   * High Volume Email: the HVE account the app signs in as (hve-accounts.ts), whose Allowed Apps
   * list (Add-HVEAppAccess) decides whether Exchange Online takes its token. Such an app is listed
   * with the HVE accounts, not with the SMTP AUTH mailboxes.
   */
  hveAccount?: string
}

/**
 * Application (client) ID → app registration. GUIDs ending in a readable number so tests and the
 * checklist can name them.
 */
export const PRACTICE_APPS = {
  "3f2b8c41-0a6e-4d6b-9c1e-000000000001": {
    displayName: "smtp365 practice sender",
    description: "an app registered as the documentation says: token, SMTP.SendAsApp, mailbox",
    roles: ["SMTP.SendAsApp"],
    servicePrincipal: "registered",
    mailboxes: ["sender@contoso.com", "auth-disabled-mailbox@contoso.com"],
  },
  "3f2b8c41-0a6e-4d6b-9c1e-000000000002": {
    displayName: "smtp365 practice RBAC sender",
    description: "RBAC for Applications: no SMTP.SendAsApp role in the token, and still allowed",
    roles: [],
    servicePrincipal: "registered",
    mailboxes: ["sender@contoso.com"],
    rbac: true,
  },
  "3f2b8c41-0a6e-4d6b-9c1e-000000000003": {
    displayName: "smtp365 practice no service principal",
    description: "a token Exchange Online cannot use: New-ServicePrincipal was never run",
    roles: ["SMTP.SendAsApp"],
    servicePrincipal: "missing",
    mailboxes: [],
  },
  "3f2b8c41-0a6e-4d6b-9c1e-000000000004": {
    displayName: "smtp365 practice wrong object ID",
    description:
      "New-ServicePrincipal run with the App Registration's object ID instead of the Enterprise Application's",
    roles: ["SMTP.SendAsApp"],
    servicePrincipal: "wrong-object-id",
    mailboxes: ["sender@contoso.com"],
  },
  "3f2b8c41-0a6e-4d6b-9c1e-000000000005": {
    displayName: "smtp365 practice no mailbox permission",
    description: "a registered service principal without Add-MailboxPermission on the mailbox",
    roles: ["SMTP.SendAsApp"],
    servicePrincipal: "registered",
    mailboxes: [],
  },
  "3f2b8c41-0a6e-4d6b-9c1e-000000000006": {
    displayName: "smtp365 practice Graph token",
    description: "a Microsoft Graph token (Mail.Send) used for SMTP",
    roles: ["Mail.Send"],
    audience: GRAPH_AUDIENCE,
    servicePrincipal: "registered",
    mailboxes: ["sender@contoso.com"],
  },
  "3f2b8c41-0a6e-4d6b-9c1e-000000000007": {
    displayName: "smtp365 practice no consent",
    description: "SMTP.SendAsApp added but admin consent never granted: a token without roles",
    roles: [],
    servicePrincipal: "registered",
    mailboxes: ["sender@contoso.com"],
  },
  "3f2b8c41-0a6e-4d6b-9c1e-000000000008": {
    displayName: "smtp365 practice expired secret",
    description: "a client secret past its expiry date",
    tokenError: { client_credentials: "secretExpired" },
    roles: ["SMTP.SendAsApp"],
    servicePrincipal: "registered",
    mailboxes: ["sender@contoso.com"],
  },
  // High Volume Email (SOURCES.hveOAuth): the Office 365 Exchange Online application permission
  // Mail.Send with admin consent; the HVE account's Allowed Apps list decides the rest.
  "3f2b8c41-0a6e-4d6b-9c1e-000000000009": {
    displayName: "smtp365 practice HVE sender",
    description: "an app on the HVE account's Allowed Apps list (Add-HVEAppAccess)",
    roles: ["Mail.Send"],
    servicePrincipal: "registered",
    mailboxes: [],
    hveAccount: "hve-sender@contoso.com",
  },
  "3f2b8c41-0a6e-4d6b-9c1e-000000000010": {
    displayName: "smtp365 practice HVE app not allowed",
    description: "an app with Mail.Send that the HVE account's Allowed Apps list does not hold",
    roles: ["Mail.Send"],
    servicePrincipal: "registered",
    mailboxes: [],
    hveAccount: "hve-sender@contoso.com",
  },
  // Delegated (device code) apps: a public client with the SMTP.Send delegated permission.
  "3f2b8c41-0a6e-4d6b-9c1e-000000000011": {
    displayName: "smtp365 practice device sign-in",
    description: "the device code flow as a user, with SMTP.Send consented",
    roles: [],
    servicePrincipal: "registered",
    mailboxes: [],
  },
  "3f2b8c41-0a6e-4d6b-9c1e-000000000012": {
    displayName: "smtp365 practice public client flows off",
    description: 'the device code flow with "Allow public client flows" off',
    tokenError: { device_code: "publicClientDisabled" },
    roles: [],
    servicePrincipal: "registered",
    mailboxes: [],
  },
  "3f2b8c41-0a6e-4d6b-9c1e-000000000013": {
    displayName: "smtp365 practice consent missing",
    description: "the device code flow for an app the user or an admin never consented to",
    tokenError: { device_code: "consentRequired" },
    roles: [],
    servicePrincipal: "registered",
    mailboxes: [],
  },
  "3f2b8c41-0a6e-4d6b-9c1e-000000000014": {
    displayName: "smtp365 practice expiring code",
    description: "a device code that expires before the user signs in",
    deviceCodeExpiresAtOnce: true,
    roles: [],
    servicePrincipal: "registered",
    mailboxes: [],
  },
} as const satisfies Record<string, PracticeApp>

export type PracticeAppId = keyof typeof PRACTICE_APPS

/** Mailboxes the device-code user may send as besides itself (FullAccess to a shared mailbox). */
export const PRACTICE_DELEGATED_MAILBOXES: Record<string, readonly string[]> = {
  "sender@contoso.com": ["shared@contoso.com"],
}

export interface IdentityError {
  /** OAuth 2.0 `error`. */
  error: string
  /** HTTP status of the response. */
  status: number
  code: number
  /** error_description before Microsoft's "Trace ID: …" suffix. */
  description: string
  source: string
}

/** Microsoft identity platform errors the practice server returns, verbatim apart from placeholders. */
export const IDENTITY_ERRORS = {
  invalidSecret: {
    error: "invalid_client",
    status: 401,
    code: 7000215,
    description:
      "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '<client-id>'.",
    source: "https://github.com/OfficeDev/microsoft-365-agents-toolkit/issues/8621",
  },
  secretExpired: {
    error: "invalid_client",
    status: 401,
    code: 7000222,
    description:
      "AADSTS7000222: The provided client secret keys for app '<client-id>' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.",
    source: "https://github.com/dotnet/sign/issues/849",
  },
  appNotFound: {
    // The `error` value is not in the quoted logs; unauthorized_client is what RFC 6749 §5.2
    // names for a client the server does not know, and what Microsoft's samples handle for it.
    error: "unauthorized_client",
    status: 400,
    code: 700016,
    description:
      "AADSTS700016: Application with identifier '<client-id>' was not found in the directory '<tenant>'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.",
    source: "https://github.com/donwa/oneindex/issues/621",
  },
  tenantNotFound: {
    error: "invalid_tenant",
    status: 400,
    code: 90002,
    description:
      "AADSTS90002: Tenant '<tenant>' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.",
    source: "https://github.com/Azure/azure-cli/issues/22145",
  },
  consentRequired: {
    error: "invalid_grant",
    status: 400,
    code: 65001,
    description:
      "AADSTS65001: The user or administrator has not consented to use the application with ID '<client-id>' named '<app-name>'. Send an interactive authorization request for this user and resource.",
    source: "https://github.com/microsoftgraph/aspnet-connect-rest-sample/issues/33",
  },
  publicClientDisabled: {
    error: "invalid_client",
    status: 401,
    code: 7000218,
    description:
      "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    source: "https://github.com/MicrosoftDocs/azure-docs/issues/31986",
  },
  notMultiTenant: {
    error: "invalid_request",
    status: 400,
    code: 50194,
    description:
      "AADSTS50194: Application '<client-id>'(<app-name>) is not configured as a multi-tenant application. Usage of the /common endpoint is not supported for such applications created after '10/15/2018'. Use a tenant-specific endpoint or configure the application to be multi-tenant.",
    source: "https://github.com/alexandrtovmach/react-microsoft-login/issues/73",
  },
  authorizationPending: {
    error: "authorization_pending",
    status: 400,
    code: 70016,
    description:
      "AADSTS70016: OAuth 2.0 device flow error. Authorization is pending. Continue polling.",
    source: "https://github.com/toblum/ESPTeamsPresence/issues/49",
  },
  deviceCodeExpired: {
    error: "expired_token",
    status: 400,
    code: 70020,
    description:
      "AADSTS70020: The provided value for the input parameter 'device_code' is not valid. This device code has expired.",
    source: "https://github.com/Azure/azure-cli/issues/22251",
  },
} as const satisfies Record<string, IdentityError>

export type IdentityErrorId = keyof typeof IDENTITY_ERRORS

export function findPracticeApp(clientId: string): PracticeApp | undefined {
  const id = clientId.toLowerCase()
  return Object.hasOwn(PRACTICE_APPS, id) ? PRACTICE_APPS[id as PracticeAppId] : undefined
}
