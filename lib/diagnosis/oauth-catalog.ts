import { ENTERPRISE_OBJECT_ID } from "@/lib/microsoft365/entra-checklist"
import * as SOURCES from "@/lib/microsoft365/sources"
import { psQuote } from "@/lib/powershell"
import type { CatalogCheck, CatalogEntry } from "./catalog-entry"
import { CONNECT } from "./checks"

/**
 * Known OAuth 2.0 (XOAUTH2) failures, as data: the Microsoft identity platform's AADSTS errors at
 * the "token" stage, and what Exchange Online answers a token it cannot use. Part of CATALOG (first,
 * so 535 5.7.3 after XOAUTH2 is read before the password reading of the same reply). AADSTS texts are
 * Microsoft's (lib/practice/identity-scenarios.ts quotes them with their sources).
 */

export const CONNECT_TENANT = "Connect-ExchangeOnline -Organization {tenant}"

export const ENTRA_APP =
  "Microsoft Entra admin center → App registrations → All applications → {clientId}"

/** Read-only checks of an Entra app; the routes with an app of their own reuse them. */
export const CHECK = {
  appRegistration: {
    layer: "The app registration",
    place: `${ENTRA_APP} → Overview`,
    reading:
      "Not found: the ID is wrong or the app is in another tenant. Found: the Overview shows the Application (client) ID and the Directory (tenant) ID to copy.",
  },
  secrets: {
    layer: "The client secret",
    place: `${ENTRA_APP} → Certificates & secrets → Client secrets`,
    reading:
      "Each secret shows its expiry. The Secret ID column is not the secret: the Value is shown only once, when the secret is created.",
  },
  apiPermissions: {
    layer: "The SMTP permission and admin consent",
    place: `${ENTRA_APP} → API permissions`,
    reading:
      'App-only: "Office 365 Exchange Online · SMTP.SendAsApp · Application" with "Granted for <your organisation>" (with RBAC for Applications, no such permission is needed). Delegated: "SMTP.Send · Delegated" from Microsoft Graph or Office 365 Exchange Online, consented.',
  },
  servicePrincipal: {
    layer: "The app's service principal in Exchange Online",
    command:
      "Get-ServicePrincipal | Where-Object AppId -eq {clientId} | Format-List AppId,ObjectId,DisplayName",
    reading:
      "Nothing listed: the app was never registered in Exchange Online (New-ServicePrincipal). Listed: its ObjectId must be the Object ID on the Enterprise applications Overview page of this app, not the one on App registrations.",
  },
  mailboxPermission: {
    layer: "Access to the mailbox",
    command: "Get-MailboxPermission -Identity {mailbox} | Format-Table User,AccessRights",
    reading:
      "The app's service principal (or, for a delegated token, the signed-in user) must be listed with FullAccess. With RBAC for Applications, a management role assignment covers it instead.",
  },
  tokenAudience: {
    layer: "The token's audience",
    place: "The Token stage of this test (what the token says)",
    reading:
      "https://outlook.office365.com or https://outlook.office.com: a token for Exchange Online. https://graph.microsoft.com (or 00000003-0000-0000-c000-000000000000): a Microsoft Graph token, which SMTP refuses.",
  },
} as const satisfies Record<string, CatalogCheck>

/**
 * An AADSTS error, matched on its code; `message` is Microsoft's wording of it, which an app may
 * print without the code (FluentSMTP shows "... is not configured as a multi-tenant application").
 */
const aadsts = (
  code: number,
  {
    message,
    ...entry
  }: Omit<CatalogEntry, "id" | "side" | "match"> & { id: string; message?: RegExp }
): CatalogEntry => ({
  ...entry,
  side: "server",
  match: {
    text: new RegExp(`AADSTS${code}\\b${message ? `|${message.source}` : ""}`),
    ...(message ? { textAlone: true as const } : {}),
  },
})

export const OAUTH_CATALOG: readonly CatalogEntry[] = [
  // ── The token (Microsoft identity platform) ───────────────────────────────────────────────
  aadsts(7000215, {
    id: "aadsts-invalid-client-secret",
    message: /Invalid client secret (?:is )?provided/,
    headline: "The client secret is wrong",
    meaning:
      "The Microsoft identity platform refused the client secret of app {clientId}: it is not a current secret of that app.",
    causes: [
      "The Secret ID was copied instead of the secret's Value.",
      "The secret was mistyped, or belongs to another app registration.",
      "The secret was deleted.",
    ],
    fix: [
      "Paste the secret's Value, not its Secret ID. The Value is shown only when the secret is created: if nobody kept it, create a new client secret and copy its Value at once.",
    ],
    checks: [CHECK.secrets],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.aadstsErrorCodes, SOURCES.observedInvalidSecret],
  }),
  aadsts(7000222, {
    id: "aadsts-client-secret-expired",
    message: /client secret keys (?:for app '[^']{0,100}' )?are expired/,
    headline: "The client secret has expired",
    meaning: "The client secret is right, but past its expiry date, so no token is issued.",
    causes: ["Every client secret has an expiry date, chosen when it was created."],
    fix: [
      "Create a new client secret for app {clientId} (Certificates & secrets → New client secret), paste its Value here and into the app, then delete the expired one.",
      "Note the new expiry date somewhere that will remind you before it comes.",
    ],
    checks: [CHECK.secrets],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.aadstsErrorCodes, SOURCES.observedSecretExpired],
  }),
  aadsts(700016, {
    id: "aadsts-application-not-found",
    message: /Application with identifier '[^']{0,200}' was not found in the directory/,
    headline: "No app with this Application (client) ID in this tenant",
    meaning:
      "The tenant {tenant} has no application {clientId}: the ID is wrong, or the app is registered in another tenant.",
    causes: [
      "The Application (client) ID was mistyped, or another ID (the object ID, the Secret ID) was copied.",
      "The Directory (tenant) ID is another tenant's than the app's.",
    ],
    fix: [
      "Copy the Application (client) ID and the Directory (tenant) ID from the same app's Overview page.",
    ],
    checks: [CHECK.appRegistration],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.aadstsErrorCodes, SOURCES.observedAppNotFound],
  }),
  aadsts(90002, {
    id: "aadsts-tenant-not-found",
    message: /Tenant '[^']{0,200}' not found/,
    headline: "This tenant does not exist",
    meaning:
      "The Microsoft identity platform knows no tenant {tenant}: it is neither a Directory (tenant) ID nor a verified domain of a tenant.",
    causes: [
      "The Directory (tenant) ID was mistyped.",
      "A domain was entered that is not a verified domain of the tenant.",
    ],
    fix: [
      "Copy the Directory (tenant) ID from the app's Overview page, or use the tenant's onmicrosoft.com domain.",
    ],
    checks: [CHECK.appRegistration],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.aadstsErrorCodes, SOURCES.observedTenantNotFound],
  }),
  aadsts(65001, {
    id: "aadsts-consent-missing",
    message: /has not consented to use the application/,
    headline: "Nobody has consented to the app's permission",
    meaning:
      "The app {clientId} asks for a permission that neither the user nor an administrator has consented to, so no token is issued.",
    causes: [
      "The SMTP permission was added to the app, but admin consent was never granted.",
      "Users may not consent to apps in this tenant, so an administrator has to.",
    ],
    fix: [
      `${ENTRA_APP} → API permissions → Grant admin consent for <your organisation> (an administrator does this).`,
      "Or send an administrator the admin consent link: https://login.microsoftonline.com/{tenant}/v2.0/adminconsent?client_id={clientId}&scope=https://outlook.office365.com/.default&redirect_uri=<a redirect URI of the app>",
    ],
    checks: [CHECK.apiPermissions],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.aadstsErrorCodes, SOURCES.oauth, SOURCES.observedConsentMissing],
  }),
  aadsts(7000218, {
    id: "aadsts-public-client-flows-off",
    headline: 'The device code flow needs "Allow public client flows"',
    meaning:
      "The app {clientId} is set up as a confidential client, so the token endpoint asks for a client secret, which the device code flow does not send.",
    causes: ['"Allow public client flows" is off in the app registration.'],
    fix: [
      `${ENTRA_APP} → Authentication → Advanced settings → Allow public client flows → Yes, then Save, and start the device code sign-in again.`,
    ],
    checks: [
      {
        layer: "Public client flows",
        place: `${ENTRA_APP} → Authentication → Advanced settings`,
        reading: '"Allow public client flows" must be Yes for the device code flow.',
      },
    ],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.deviceCodeFlow, SOURCES.aadstsErrorCodes, SOURCES.observedPublicClientFlows],
  }),
  aadsts(50194, {
    id: "aadsts-not-multi-tenant",
    message: /is not configured as a multi-tenant application/,
    headline: "Use your Directory (tenant) ID, not common",
    meaning:
      "The app {clientId} accepts sign-ins from its own tenant only, so a token must be asked of that tenant, not of /common or /organizations.",
    causes: ['"common" or "organizations" was entered as the tenant.'],
    fix: ["Enter the Directory (tenant) ID from the app's Overview page (or a verified domain)."],
    checks: [CHECK.appRegistration],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.aadstsErrorCodes, SOURCES.observedNotMultiTenant],
  }),
  aadsts(70016, {
    id: "aadsts-authorization-pending",
    headline: "The sign-in has not finished yet",
    meaning:
      "Nobody has completed the device code sign-in yet: the identity platform is still waiting for it.",
    causes: ["The code was not entered yet, or the sign-in in the browser is not finished."],
    fix: ["Open the sign-in address, enter the code, finish signing in, then run the test."],
    who: "app-owner",
    retry: true,
    sources: [SOURCES.deviceCodeFlow, SOURCES.observedAuthorizationPending],
  }),
  aadsts(70020, {
    id: "aadsts-device-code-expired",
    headline: "The device code expired",
    meaning:
      "The code was not used in time: a device code expires after the number of seconds the identity platform gave with it (15 minutes for Microsoft's).",
    causes: ["The sign-in was not finished before the code expired."],
    fix: ["Start the device code sign-in again and finish it within the time shown."],
    who: "app-owner",
    retry: true,
    sources: [SOURCES.deviceCodeFlow, SOURCES.observedDeviceCodeExpired],
  }),
  {
    // Any other AADSTS error: Microsoft's lookup page explains every code.
    id: "aadsts-other",
    side: "server",
    match: { text: /AADSTS\d{4,8}\b/ },
    headline: "The Microsoft identity platform refused to issue a token",
    meaning:
      "Before any SMTP, the app asked Microsoft Entra ID for an OAuth token and got an AADSTS error instead. Its number names the reason.",
    causes: [
      "The app registration, its secret or certificate, or the tenant the app asks does not fit what the app sends.",
      "A refresh token issued by another tenant or endpoint (consumers, organizations, a tenant ID) is used with a different one.",
    ],
    fix: [
      "Look the AADSTS number up with Microsoft's error lookup at https://login.microsoftonline.com/error, which says what it means and what to change.",
      "Check the app registration, its secret and its permissions (the read-only checks), and that the app asks the same tenant its token was issued for.",
    ],
    checks: [CHECK.appRegistration, CHECK.secrets, CHECK.apiPermissions],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.aadstsErrorCodes, SOURCES.entraSignInLog],
  },
  {
    id: "identity-unreachable",
    side: "client",
    match: { code: ["EIDENTITY"], cause: ["ETIMEDOUT", "ENETWORK"] },
    headline: "No token: the Microsoft identity platform could not be reached",
    meaning:
      "smtp365 asked the identity platform for a token and got no usable answer, so no SMTP was attempted.",
    causes: [
      "A firewall or proxy blocks HTTPS to login.microsoftonline.com from this server.",
      "A temporary network problem.",
    ],
    fix: [
      "Allow HTTPS (443) to login.microsoftonline.com from the machine that sends, then test again.",
    ],
    who: "network-team",
    retry: true,
    sources: [SOURCES.clientCredentialsFlow],
  },
  {
    id: "device-code-not-finished",
    side: "client",
    match: { code: ["EIDENTITY"], cause: ["EDEVICECODE"] },
    headline: "Sign in with the device code before the test",
    meaning:
      "The test has no token to send with: the device code sign-in was not finished, has expired, or was started on another smtp365 server.",
    causes: ["The sign-in was not finished, or more than 15 minutes have passed since it began."],
    fix: ["Start the device code sign-in, finish it in the browser, then run the test again."],
    who: "app-owner",
    retry: true,
    sources: [SOURCES.deviceCodeFlow],
  },

  // ── What Exchange Online answers a token (reference §3 and §4) ───────────────────────────
  {
    id: "xoauth2-graph-token",
    side: "server",
    match: {
      enhanced: ["5.7.3"],
      text: /Authentication unsuccessful/i,
      signIn: ["oauth-app", "oauth-device"],
      cause: ["GRAPH_TOKEN"],
    },
    headline: "A Microsoft Graph token cannot sign in to SMTP",
    meaning:
      "The token is for Microsoft Graph (its audience says so), and Exchange Online accepts only tokens for itself on SMTP: Graph's Mail.Send gives no SMTP rights.",
    causes: [
      "The app asks for https://graph.microsoft.com/.default instead of https://outlook.office365.com/.default.",
    ],
    fix: [
      "Request the scope https://outlook.office365.com/.default (app-only) or https://outlook.office.com/SMTP.Send (delegated), with the SMTP.SendAsApp or SMTP.Send permission of Office 365 Exchange Online.",
      "Or, if the app can, send through Microsoft Graph (sendMail) with that Graph token instead of SMTP.",
    ],
    checks: [CHECK.tokenAudience, CHECK.apiPermissions],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.graphTokenForSmtp, SOURCES.oauth],
  },
  {
    id: "xoauth2-app-rejected",
    side: "server",
    match: { enhanced: ["5.7.3"], text: /Authentication unsuccessful/i, signIn: ["oauth-app"] },
    headline: "Exchange Online refused the app's token",
    meaning:
      "The token was issued, but Exchange Online does not let app {clientId} send as {mailbox}. It does not say which step is missing; the checks below, in order, find it.",
    causes: [
      "The app was never registered in Exchange Online (New-ServicePrincipal).",
      "It was registered with the App Registration's object ID instead of the Enterprise Application's.",
      "The service principal has no FullAccess to {mailbox} (Add-MailboxPermission), and no RBAC for Applications role assignment covers it.",
      "The SMTP.SendAsApp application permission is missing or not consented.",
      "SMTP AUTH is off for the mailbox (that usually reads 5.7.139).",
    ],
    fix: [
      "In Exchange Online PowerShell, register the app with the Object ID from Enterprise applications → the app → Overview (not App registrations), then give it the mailbox, with the commands below.",
      "If it was registered with the wrong object ID: Remove-ServicePrincipal, then register it again with the right one.",
      "Make sure SMTP.SendAsApp (Office 365 Exchange Online, Application) has admin consent, or use RBAC for Applications instead (New-ManagementRoleAssignment -Role 'Application SMTP.SendAsApp').",
    ],
    commands: [
      CONNECT_TENANT,
      `New-ServicePrincipal -AppId {clientId} -ObjectId ${psQuote(ENTERPRISE_OBJECT_ID)}`,
      `Add-MailboxPermission -Identity {mailbox} -User ${psQuote(ENTERPRISE_OBJECT_ID)} -AccessRights FullAccess`,
    ],
    checks: [CHECK.servicePrincipal, CHECK.mailboxPermission, CHECK.apiPermissions],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.oauth, SOURCES.smtpAppRbac, SOURCES.smtpAuth],
  },
  {
    id: "xoauth2-delegated-rejected",
    side: "server",
    match: {
      enhanced: ["5.7.3"],
      text: /Authentication unsuccessful/i,
      signIn: ["oauth-device"],
    },
    headline: "Exchange Online refused the user's token for this mailbox",
    meaning:
      "The user's token was issued, but Exchange Online does not let that user sign in to SMTP as {mailbox}.",
    causes: [
      "{mailbox} is not the signed-in user's own mailbox, and the user has no FullAccess to it (a shared mailbox).",
      "The token lacks the SMTP.Send scope.",
      "SMTP AUTH is off for the mailbox (that usually reads 5.7.139).",
    ],
    fix: [
      "Sign in as {mailbox} itself, or give the signed-in user FullAccess to it (the command below), then sign in again.",
    ],
    commands: [
      CONNECT,
      `Add-MailboxPermission -Identity {mailbox} -User ${psQuote("<the signed-in user>")} -AccessRights FullAccess`,
    ],
    checks: [CHECK.mailboxPermission, CHECK.apiPermissions],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.oauth],
  },
  {
    id: "xoauth2-malformed",
    side: "server",
    match: { basic: [501], enhanced: ["5.5.121-126"] },
    headline: "The XOAUTH2 sign-in string is malformed",
    meaning:
      'The client sent AUTH XOAUTH2 with data that is not "user=<mailbox>^Aauth=Bearer <token>^A^A" in base64.',
    causes: [
      "The app builds the XOAUTH2 string itself and gets it wrong (missing user= or Bearer, wrong separators).",
      "An empty or truncated token.",
    ],
    fix: [
      "Build the string exactly as Microsoft documents: base64 of user=, the mailbox, Ctrl+A, auth=Bearer, a space, the token, then two Ctrl+A.",
    ],
    checks: [
      {
        layer: "The client's XOAUTH2 string",
        place: "The app's SMTP log, with the token redacted",
        reading: "Decoded from base64 it must read user=…^Aauth=Bearer …^A^A.",
      },
    ],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.oauth, SOURCES.observedXoauth2Malformed],
    unconfirmed:
      "Microsoft does not document this reply: 501 5.5.124 comes from public logs (the 5.5.121-126 family).",
  },
]
