import { BASIC_AUTH_TIMELINE } from "@/lib/microsoft365/basic-auth-timeline"
import * as SOURCES from "@/lib/microsoft365/sources"
import type { Actor } from "@/lib/smtp/types"
import type { CatalogEntry } from "./catalog-entry"
import { CHECK, CONNECT } from "./checks"
import { OAUTH_CATALOG } from "./oauth-catalog"
import { ROUTE_CATALOG } from "./route-catalog"

const SET_MAILBOX_SMTP_AUTH =
  "Set-CASMailbox -Identity {mailbox} -SmtpClientAuthenticationDisabled $false"
const GRANT_SEND_AS =
  "Add-RecipientPermission -Identity {from} -Trustee {mailbox} -AccessRights SendAs"

/**
 * The diagnoses of a mailbox refused Send As on the From address: {mailbox} and {from} are two
 * different addresses in them, as a mailbox may always send as itself.
 */
export const SEND_AS_DIAGNOSES: ReadonlySet<string> = new Set([
  "send-as-denied",
  "throttled-send-as-denied",
])

/**
 * The reference (§0): Microsoft's newest timeline keeps Basic authentication for SMTP AUTH working
 * until the end of December 2026, then turns it off by default for existing tenants, "Administrators
 * will still be able to enable it", but the follow-up post naming the mechanism was not found.
 * A note beside the fix (caveat), not a step of it.
 */
const AFTER_DECEMBER_2026 = {
  title: "Uncertain after December 2026",
  text: `Microsoft's timeline of ${BASIC_AUTH_TIMELINE.sourceDate} turns password sign-in (Basic authentication) for SMTP AUTH off by default for existing tenants at the end of December 2026. Admins will still be able to turn it back on, but Microsoft had not said with which setting (no follow-up announcement found as of 28 November 2026), so these settings may not be enough after that date.`,
}

const RELAY_INSTEAD =
  "SMTP relay through a connector (or Direct Send, for recipients in your own organisation) sends without signing in, so no sign-in policy is involved."
const OAUTH_INSTEAD =
  "OAuth 2.0 (XOAUTH2) keeps SMTP AUTH working without a password, and SMTP relay through a connector needs no sign-in at all; both outlast the retirement of password sign-in."
const RELAY_ANY_FROM =
  "SMTP relay through a connector accepts any From address in your domains, without a mailbox or Send As permission."
const RELAY_NO_SENT_ITEMS =
  "SMTP relay through a connector keeps no copy in Sent Items, so it does not fill a mailbox."

/**
 * The kind of repeated error in the reply, in English and, where Microsoft's German page quotes it,
 * in German: Microsoft 365 translates these replies.
 */
interface ThrottledErrors {
  en: string
  de?: string
}

const throttled = (
  id: string,
  code: string,
  errors: ThrottledErrors,
  headline: string,
  cause: string,
  firstStep: string,
  who: Actor,
  extra: Partial<CatalogEntry> = {}
): CatalogEntry => ({
  id,
  side: "server",
  match: {
    enhanced: [code],
    text: new RegExp(
      [
        `Sender throttled due to continuous ${errors.en}`,
        ...(errors.de ? [`fortlaufender Fehler „${errors.de}“`] : []),
      ].join("|"),
      "i"
    ),
  },
  headline,
  meaning:
    "After many SMTP AUTH submissions from this mailbox failed the same way, Microsoft 365 stopped it from sending with SMTP AUTH for a period that Microsoft decides. Support cannot lift it, and Message Trace does not show these messages: they were never accepted.",
  causes: [cause],
  fix: [
    firstStep,
    "Then wait for the throttling period to end. Meanwhile another mailbox can send, once the cause is fixed.",
  ],
  who,
  retry: false,
  sources: [
    SOURCES.continuousErrorThrottling,
    ...(errors.de ? [SOURCES.continuousErrorThrottlingGerman] : []),
  ],
  ...extra,
})

export const CATALOG: readonly CatalogEntry[] = [
  // High Volume Email and Azure Communication Services first: the same replies read otherwise on
  // their endpoints (route-catalog.ts).
  ...ROUTE_CATALOG,
  // Then OAuth (XOAUTH2): after XOAUTH2, 535 5.7.3 has its own readings (oauth-catalog.ts).
  ...OAUTH_CATALOG,
  // ── Authentication: 535 5.7.139 and its variants (reference §4, "Authentication") ───────────
  {
    id: "smtp-auth-disabled-tenant",
    side: "server",
    match: {
      enhanced: ["5.7.139"],
      text: /SmtpClientAuthentication is disabled for the Tenant/i,
      textAlone: true,
    },
    headline: "SMTP AUTH is turned off for your whole tenant",
    meaning:
      "The password was not even checked: the organisation-wide setting that allows SMTP AUTH is off, and this mailbox has no setting of its own that turns it back on.",
    causes: [
      "The organisation-wide SMTP AUTH setting is off, as it is by default in tenants created after January 2020, and the mailbox follows it.",
    ],
    fix: [
      "Turn SMTP AUTH on for this mailbox only (the per-mailbox setting overrides the tenant's): Microsoft 365 admin center → Users → Active users → {mailbox} → Mail → Manage email apps → tick Authenticated SMTP.",
      "Or in Exchange Online PowerShell, with the per-mailbox command below.",
      'Only if many mailboxes need it: turn it on for the whole tenant (Exchange admin center → Settings → Mail flow → untick "Turn off SMTP AUTH protocol for your organization").',
    ],
    caveat: AFTER_DECEMBER_2026,
    commands: [CONNECT, SET_MAILBOX_SMTP_AUTH],
    checks: [CHECK.tenant, CHECK.mailbox],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.smtpAuth, SOURCES.cisSmtpAuth, SOURCES.basicAuthTimeline],
  },
  {
    id: "smtp-auth-disabled-mailbox",
    side: "server",
    match: {
      enhanced: ["5.7.139"],
      text: /SmtpClientAuthentication is disabled for the Mailbox/i,
      textAlone: true,
    },
    headline: "SMTP AUTH is turned off for this mailbox",
    meaning:
      "The mailbox's own SMTP AUTH setting is off, and it wins over whatever the tenant allows. Consumer Outlook.com accounts get the same reply when password sign-in for SMTP is off for them.",
    causes: [
      "The mailbox's SMTP AUTH setting is True (off).",
      "The account is a consumer Outlook.com account rather than a Microsoft 365 mailbox, and SMTP with a password is off for it.",
    ],
    fix: [
      "Microsoft 365 admin center → Users → Active users → {mailbox} → Mail → Manage email apps → tick Authenticated SMTP.",
      "Or in Exchange Online PowerShell, with the command below.",
    ],
    caveat: AFTER_DECEMBER_2026,
    commands: [CONNECT, SET_MAILBOX_SMTP_AUTH],
    checks: [CHECK.mailbox],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.smtpAuth, SOURCES.basicAuthTimeline],
  },
  {
    id: "security-defaults",
    side: "server",
    match: { enhanced: ["5.7.139"], text: /security defaults/i },
    headline: "Security defaults block SMTP AUTH for this account",
    meaning:
      "Microsoft Entra security defaults are on, and they block every sign-in by older protocols such as SMTP with a password, whatever the SMTP AUTH settings say.",
    causes: [
      "Security defaults are on for the tenant. They may be on in any tenant created on or after 22 October 2019.",
    ],
    fix: [
      "Best: keep security defaults and send without a password: SMTP relay through a connector, Direct Send (recipients in your organisation only), or OAuth 2.0 if the app supports it.",
      "Or turn security defaults off (Microsoft Entra admin center → Entra ID → Overview → Properties → Manage security defaults → Disabled (not recommended)) and protect sign-ins with Conditional Access instead. Turning them off with nothing in their place weakens the whole tenant.",
    ],
    caveat: AFTER_DECEMBER_2026,
    checks: [CHECK.securityDefaults],
    betterMethod: RELAY_INSTEAD,
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.securityDefaults, SOURCES.smtpAuth, SOURCES.mfd, SOURCES.basicAuthTimeline],
    unconfirmed:
      "Microsoft does not document this reply: its wording comes from public logs. That OAuth 2.0 passes is inferred: security defaults block sign-ins by older protocols, which OAuth is not, but Microsoft's SMTP AUTH page only says SMTP AUTH is off while they are on.",
  },
  {
    id: "basic-auth-disabled",
    side: "server",
    match: { enhanced: ["5.7.139"], text: /basic authentication is disabled/i },
    headline: "Password sign-in (Basic authentication) is blocked for SMTP",
    meaning:
      "SMTP AUTH itself is allowed, but not with a password or app password: something that governs Basic authentication blocks it.",
    causes: [
      "An Exchange Online authentication policy that does not allow Basic authentication for SMTP (AllowBasicAuthSmtp) applies to this user.",
      "Basic authentication is turned off for the tenant.",
      "The account is a consumer Outlook.com account, where password sign-in for SMTP is off.",
    ],
    fix: [
      "Move the app to OAuth 2.0 (XOAUTH2) if it supports it, or to SMTP relay through a connector.",
      "If an authentication policy blocks it (the first read-only check) and the app cannot change yet, allow Basic authentication for SMTP on that policy: Set-AuthenticationPolicy -Identity '<policy name>' -AllowBasicAuthSmtp.",
    ],
    caveat: AFTER_DECEMBER_2026,
    checks: [CHECK.authPolicy, CHECK.basicReport],
    betterMethod: OAUTH_INSTEAD,
    who: "m365-admin",
    retry: false,
    sources: [
      SOURCES.authenticationPolicy,
      SOURCES.smtpAuth,
      SOURCES.basicAuthTimeline,
      SOURCES.mc786329,
    ],
  },
  {
    id: "conditional-access",
    side: "server",
    match: {
      enhanced: ["5.7.139"],
      // Microsoft 365 translates this reply: Portuguese in the observed log the source cites.
      text: /did not meet the criteria|não atendeu aos critérios/i,
      textAlone: true,
    },
    headline: "A sign-in policy refused this sign-in",
    meaning:
      "The password may well be right, but a policy refused the sign-in: most likely a Conditional Access policy that blocks legacy authentication (SMTP with a password) or requires MFA.",
    causes: [
      "A Conditional Access policy that blocks legacy authentication applies to this user.",
      "A Conditional Access policy requires MFA, which SMTP with a password cannot do.",
    ],
    fix: [
      "Find the failed sign-in of {mailbox} in the Microsoft Entra sign-in logs (the first read-only check) to see what refused it.",
      "If it is a policy that blocks legacy authentication: Microsoft lists excluding the user from it as a fix. Do that only if your security policy allows it.",
      "Otherwise send without a password: SMTP relay through a connector, or OAuth 2.0.",
    ],
    caveat: AFTER_DECEMBER_2026,
    checks: [CHECK.signInLog, CHECK.securityDefaults],
    betterMethod: RELAY_INSTEAD,
    who: "m365-admin",
    retry: false,
    sources: [
      SOURCES.fix,
      SOURCES.entraSignInLog,
      SOURCES.observedConditionalAccess,
      SOURCES.basicAuthTimeline,
    ],
    unconfirmed:
      "Microsoft does not document this reply: its wording comes from public logs, and reading it as a Conditional Access block is the community's interpretation.",
  },
  {
    id: "federated-sts-unreachable",
    side: "server",
    match: { enhanced: ["5.7.139"], text: /federated STS service was unreachable/i },
    headline: "Microsoft 365 could not reach your sign-in service (AD FS)",
    meaning:
      "This domain signs in through federation (for example AD FS on premises), and Microsoft 365 could not reach that service to check the password.",
    causes: [
      "The federation service (STS) is down or cannot be reached from the internet.",
      "It does not support TLS 1.2, which Microsoft 365 needs to reach it.",
    ],
    fix: [
      "Make sure the AD FS (or other STS) endpoint is up and reachable from the internet over HTTPS with TLS 1.2, then test again.",
    ],
    checks: [CHECK.federation],
    who: "m365-admin",
    retry: true,
    sources: [SOURCES.fix],
  },
  {
    id: "federated-sts-not-https",
    side: "server",
    match: { enhanced: ["5.7.139"], text: /federated STS URL does not support HTTPS/i },
    headline: "Your sign-in service (AD FS) does not offer HTTPS",
    meaning:
      "This domain signs in through federation (for example AD FS on premises), and the federation service's address does not support HTTPS, so Microsoft 365 will not check the password there.",
    causes: ["The federation service (STS) is not published over HTTPS with TLS 1.2."],
    fix: ["Publish the AD FS (or other STS) endpoint over HTTPS with TLS 1.2, then test again."],
    checks: [CHECK.federation],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.fix],
  },
  {
    id: "credentials-incorrect",
    side: "server",
    match: { enhanced: ["5.7.139"], text: /credentials were incorrect/i },
    headline: "Wrong username or password",
    meaning:
      "Microsoft 365 rejected the username and password. The username must be the full address the mailbox signs in with.",
    causes: [
      "The password is wrong, or was changed since the app was set up.",
      "The username is not the full sign-in address (user principal name).",
    ],
    fix: [
      "Check the username is the full sign-in address, for example {mailbox}.",
      "Retype the password. If the account uses per-user MFA, the app needs an app password (only if your admin allows them), or better, OAuth 2.0.",
    ],
    checks: [CHECK.credentials, CHECK.signInLog],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.fix, SOURCES.appPasswords, SOURCES.entraSignInLog],
  },
  {
    id: "auth-unsuccessful",
    side: "server",
    // Also any 5.7.139 whose reason has no entry above ("account locked.", or none at all), and a
    // 5.7.139 in a language whose wording smtp365 does not know: the code is Microsoft's own.
    match: {
      enhanced: ["5.7.3", "5.7.139"],
      text: /Authentication unsuccessful|(?<![\d.])5\.7\.139(?![\d.])/i,
    },
    headline: "Authentication unsuccessful, without a reason",
    meaning:
      "Microsoft 365 refused the sign-in without saying why. Several layers can refuse it; the read-only checks, in order, find the one that did.",
    causes: [
      "Wrong username or password.",
      "SMTP AUTH is off for the mailbox, or for the tenant with no mailbox setting of its own.",
      "MFA on the account.",
      "Security defaults are on.",
      "A Conditional Access policy blocks legacy authentication for this user.",
      "With OAuth (XOAUTH2): a token for the wrong audience, scope or account, or the app is not registered in Exchange Online (New-ServicePrincipal, Add-MailboxPermission).",
    ],
    fix: [
      "Run the read-only checks in order; the first one that shows a block is the layer to fix.",
      "SMTP AUTH off: Set-CASMailbox -Identity '{mailbox}' -SmtpClientAuthenticationDisabled $false. Security defaults on: use another method or turn them off (see their check). MFA or Conditional Access: Microsoft lists disabling MFA on the mailbox, or excluding it from the policy that blocks legacy authentication, if your security policy allows.",
    ],
    caveat: AFTER_DECEMBER_2026,
    checks: [
      CHECK.credentials,
      CHECK.mailbox,
      CHECK.tenant,
      CHECK.securityDefaults,
      CHECK.signInLog,
      CHECK.authPolicy,
    ],
    who: "m365-admin",
    retry: false,
    sources: [
      SOURCES.fix,
      SOURCES.smtpAuth,
      SOURCES.securityDefaults,
      SOURCES.entraSignInLog,
      SOURCES.oauth,
      SOURCES.basicAuthTimeline,
    ],
  },
  {
    id: "basic-auth-retired",
    side: "server",
    match: {
      enhanced: ["5.7.30"],
      text: /Basic authentication is not supported for Client Submission/i,
    },
    headline: "Password sign-in is no longer accepted for SMTP AUTH",
    meaning:
      "This is the reply Microsoft announced for clients that sign in with a password or app password once Basic authentication is retired for SMTP AUTH client submission.",
    causes: [
      `Basic authentication for SMTP AUTH is off for this tenant: Microsoft's timeline of ${BASIC_AUTH_TIMELINE.sourceDate} turns it off by default for existing tenants at the end of December 2026, and makes it unavailable by default in tenants created after that.`,
    ],
    fix: [
      "Switch the app to OAuth 2.0 (XOAUTH2), or send without signing in: SMTP relay through a connector, or Direct Send for recipients in your organisation.",
      "Microsoft says admins will still be able to turn Basic authentication back on after December 2026, but had not said with which setting as of 28 November 2026 (its timeline of 27 January 2026 promised a follow-up announcement).",
    ],
    checks: [CHECK.basicReport],
    betterMethod: OAUTH_INSTEAD,
    who: "app-owner",
    retry: false,
    sources: [SOURCES.basicAuthRetirement, SOURCES.basicAuthTimeline, SOURCES.mc786329],
  },
  {
    id: "auth-mechanism-unsupported",
    side: "server",
    match: { enhanced: ["5.7.4"], text: /Unrecognized authentication type/i, textAlone: true },
    headline: "The app signs in with a method this server does not offer here",
    meaning:
      "The server answered AUTH with 504 5.7.4: it does not accept the sign-in method the app asked for, or offers no sign-in at all on this connection. smtp.office365.com offers AUTH LOGIN and XOAUTH2 only, and only once STARTTLS has encrypted the connection; your MX endpoint on port 25 offers no sign-in.",
    causes: [
      "The app asks for a method Microsoft 365 does not offer: AUTH PLAIN (the default of several libraries), CRAM-MD5 or NTLM.",
      "The app sends AUTH before STARTTLS (security set to None, or STARTTLS off), when no method is offered yet.",
      "The app signs in on the MX endpoint on port 25 (Direct Send), which takes no sign-in.",
      "On an Exchange server of your own: its receive connector offers only NTLM, or no Basic authentication.",
    ],
    fix: [
      'Set security to STARTTLS on port 587 ("TLS", not "SSL" or None), so that the app signs in on an encrypted connection.',
      'Set the sign-in method to LOGIN ("Login" or "Basic" in device menus), not PLAIN, CRAM-MD5 or NTLM.',
      "Sending to your MX endpoint on port 25 (Direct Send)? Leave the username and password empty: Direct Send does not sign in.",
    ],
    checks: [CHECK.appSettings],
    programSettings: ["starttls", "authLogin"],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.rfc4954, SOURCES.observedUnrecognizedAuthType, SOURCES.mfd],
    unconfirmed:
      "Microsoft does not document this reply: its wording comes from public logs, and which methods smtp.office365.com offers comes from its EHLO answer as public client logs show it (AUTH LOGIN XOAUTH2, after STARTTLS).",
  },
  {
    id: "mailbox-not-accessible",
    side: "server",
    match: { text: /Mailbox cannot be accessed/i, textAlone: true },
    headline: "Microsoft 365 could not open the mailbox that signs in",
    meaning:
      "The sign-in reached Exchange Online, but it could not open a mailbox for {mailbox} to send from.",
    causes: [
      "The account has no Exchange Online mailbox: no license that includes Exchange Online, or a license assigned so recently that the mailbox is still being created.",
      "The mailbox is disabled, being moved, or was deleted.",
    ],
    fix: [
      "Check that {mailbox} has a license that includes Exchange Online, and that its mailbox exists (the read-only check).",
      "A mailbox just created can take a while to be ready: try again later.",
    ],
    checks: [
      {
        layer: "The mailbox",
        command:
          "Get-Mailbox -Identity {mailbox} | Format-List RecipientTypeDetails,IsMailboxEnabled",
        reading:
          "An error: the account has no Exchange Online mailbox. UserMailbox or SharedMailbox: the mailbox exists, and the cause is elsewhere.",
      },
    ],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.observedMailboxCannotBeAccessed, SOURCES.smtpAuth],
    unconfirmed:
      "Microsoft does not document this reply. Its wording comes from a public log, and its causes are the usual reasons a mailbox cannot be opened, not Microsoft's explanation of it.",
  },
  {
    id: "not-authenticated",
    side: "server",
    match: { enhanced: ["5.7.57"], text: /not authenticated/i },
    headline: "The server expected a sign-in first",
    meaning:
      "smtp.office365.com only takes mail from a signed-in mailbox, and this session sent MAIL FROM without signing in.",
    causes: [
      "The app's username and password are empty, or its SMTP authentication option is off.",
      "The device cannot sign in at all (it has no credential fields).",
      "The app could not start TLS, which signing in requires.",
    ],
    fix: [
      "Turn SMTP authentication on in the app, with the mailbox's full address and its password.",
      "Set security to STARTTLS: TLS is required to sign in.",
      "If the device cannot sign in, send to your MX endpoint on port 25 (Direct Send or SMTP relay), not to smtp.office365.com.",
    ],
    checks: [CHECK.appSettings],
    betterMethod:
      "If the device has no place for a username and password, Direct Send or SMTP relay to your MX endpoint on port 25 is the method that fits.",
    who: "app-owner",
    retry: false,
    sources: [SOURCES.ndr5757, SOURCES.fix, SOURCES.mfd],
  },

  // ── TLS replies ─────────────────────────────────────────────────────────────────────────────
  {
    id: "starttls-required",
    side: "server",
    match: { enhanced: ["5.7.3"], text: /STARTTLS is required/i },
    headline: "The server requires STARTTLS",
    meaning:
      "The app sent MAIL FROM over an unencrypted connection; Microsoft 365 requires STARTTLS first on this endpoint.",
    causes: ["Security is set to None in the app, or its TLS option is off."],
    fix: [
      'Set security to STARTTLS on port 587 (often called "TLS" rather than "SSL" in device menus).',
      "In code with nodemailer: secure: false with requireTLS: true.",
    ],
    programSettings: ["starttls"],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.fix, SOURCES.mfd],
  },
  {
    id: "legacy-tls",
    side: "server",
    match: { enhanced: ["4.7.66"], text: /TLS 1\.0 and 1\.1 are not supported/i, textAlone: true },
    headline: "The app's TLS version is too old",
    meaning:
      "Microsoft 365 refuses TLS 1.0 and 1.1 for SMTP AUTH on smtp.office365.com: the app must use TLS 1.2 or later.",
    causes: ["The device's firmware or the app's runtime only speaks TLS 1.0 or 1.1."],
    fix: [
      "Update the device's firmware or the app's runtime so it uses TLS 1.2 or later.",
      "As a stopgap, an admin can turn on the legacy endpoint (command below) and the app can then use smtp-legacy.office365.com. It is not available in GCC, GCC High or DoD, and loses password sign-in on the same schedule as smtp.office365.com.",
    ],
    commands: [CONNECT, "Set-TransportConfig -AllowLegacyTLSClients $true"],
    programSettings: ["tls12"],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.legacyTls, SOURCES.observedLegacyTls, SOURCES.fix],
  },

  // ── Sender: throttling after continuous errors, Send As ─────────────────────────────────────
  // The same code 5.2.252 means "throttled" or "Send As denied" depending on the text: these
  // throttling entries match on their text and come first.
  throttled(
    "throttled-mailbox-full",
    "5.2.251",
    { en: "mailbox full", de: "Postfach voll" },
    "This mailbox is blocked for a while: its mailbox was full again and again",
    "The sending mailbox is full (SMTP AUTH keeps a copy of each message in Sent Items, which counts toward the quota), and the app kept sending.",
    "Free space in the mailbox, Sent Items first, or raise its quota.",
    "m365-admin",
    { betterMethod: RELAY_NO_SENT_ITEMS }
  ),
  throttled(
    "throttled-send-as-denied",
    "5.2.252",
    { en: "send as denied", de: "Senden als verweigert" },
    "This mailbox is blocked for a while: it kept sending as an address it may not use",
    "The app's From address is not {mailbox}, the mailbox has no Send As permission on it, and the app kept retrying.",
    "Set the app's From address to {mailbox}, or grant {mailbox} Send As on the From address (command below).",
    "app-owner",
    { commands: [CONNECT, GRANT_SEND_AS], betterMethod: RELAY_ANY_FROM }
  ),
  throttled(
    "throttled-invalid-license",
    "5.2.253",
    { en: "invalid license", de: "Ungültige Lizenz" },
    "This mailbox is blocked for a while: it kept sending without a valid license",
    "The sending mailbox has no valid license; SMTP AUTH needs a licensed Microsoft 365 mailbox.",
    "Assign the mailbox a license that includes Exchange Online.",
    "m365-admin"
  ),
  throttled(
    "throttled-too-many-recipients",
    "5.2.254",
    { en: "too many recipients", de: "Zu viele Empfänger" },
    "This mailbox is blocked for a while: it kept sending to too many recipients",
    "The app puts more recipients on one message than allowed (500 by default).",
    "Split the app's messages so each has at most 500 recipients (the default limit).",
    "app-owner",
    {
      sources: [
        SOURCES.continuousErrorThrottling,
        SOURCES.continuousErrorThrottlingGerman,
        SOURCES.exchangeLimits,
      ],
    }
  ),
  throttled(
    "throttled-invalid-recipients",
    "5.2.255",
    { en: "invalid recipients" },
    "This mailbox is blocked for a while: it kept sending to invalid recipients",
    "The app keeps sending to addresses that do not exist.",
    "Remove or correct the invalid addresses in the app's recipient list.",
    "app-owner"
  ),
  {
    id: "send-as-denied",
    side: "server",
    match: {
      enhanced: ["5.7.60", "5.2.0", "5.2.252"],
      text: /SendAsDenied|not have permissions to send as/i,
      textAlone: true,
    },
    headline: "This mailbox may not send as that From address",
    meaning:
      "With SMTP AUTH the sender must be the signed-in mailbox, unless that mailbox has Send As permission on the other address.",
    causes: [
      "The From address ({from}) is not the signed-in mailbox ({mailbox}).",
      "The mailbox was meant to have Send As permission on {from}, but does not.",
    ],
    fix: [
      "Simplest: set the From address to {mailbox}.",
      "Or grant {mailbox} Send As permission on {from} (command below).",
      "Or send through SMTP relay, which accepts any address in your domains.",
      "Fix it soon: repeated Send As failures get the mailbox throttled (5.2.252).",
    ],
    commands: [CONNECT, GRANT_SEND_AS],
    betterMethod: RELAY_ANY_FROM,
    who: "app-owner",
    retry: false,
    sources: [SOURCES.fix, SOURCES.mfd, SOURCES.continuousErrorThrottling],
  },

  // ── Limits and quotas ───────────────────────────────────────────────────────────────────────
  {
    id: "thread-limit",
    side: "server",
    match: {
      enhanced: ["4.3.2"],
      text: /thread limit exceeded|concurrent connection limit exceeded/i,
    },
    headline: "Too many connections from this mailbox at once",
    meaning:
      "Microsoft 365 allows three concurrent SMTP AUTH connections per mailbox, and this one was over the limit.",
    causes: [
      "Several devices or copies of the app share this mailbox and send at the same time.",
      "The app opens several connections in parallel.",
    ],
    fix: [
      "Retry in a moment: the limit frees up as the other connections end.",
      "Give each device its own mailbox, or limit the app to one connection at a time.",
    ],
    who: "app-owner",
    retry: true,
    sources: [SOURCES.submissionImprovements],
  },
  {
    id: "exchange-proxy-temporary",
    side: "server",
    match: {
      enhanced: ["4.7.0"],
      text: /Temporary server error\. Please try again later\. C?PRX\d/i,
      textAlone: true,
    },
    headline: "Microsoft 365 could not pass the session on to the mailbox's server (temporary)",
    meaning:
      "The server that took the connection could not hand the session on to the one that holds the mailbox; PRX and its number name how the hand-off failed, which Microsoft does not document. The reply is temporary: the same message can go through later.",
    causes: [
      "A passing problem inside Microsoft 365: a server restarting or overloaded.",
      "When it never clears for one mailbox: the mailbox that signs in cannot be located, for example it has no Exchange Online license, or was just created or moved.",
      "In a hybrid setup with Exchange servers of your own: the front end cannot reach the mailbox server.",
    ],
    fix: [
      "Retry in a few minutes, waiting longer each time: the app should queue the message rather than drop it.",
      "If it goes on for hours with the same mailbox, check that {mailbox} has a licensed Exchange Online mailbox, and look at Service health in the Microsoft 365 admin center.",
      "In a hybrid setup, check that your Exchange front-end servers can reach the mailbox servers.",
    ],
    who: "m365-admin",
    retry: true,
    sources: [SOURCES.observedProxyTemporaryError, SOURCES.serviceHealth],
    unconfirmed:
      "Microsoft does not document the PRX codes: this reading comes from public logs and from the reply's own words (a temporary server error).",
  },
  {
    id: "microsoft-temporary-error",
    side: "server",
    match: {
      text: /Temporary server error\. Please try again later|\bService not active\b/i,
      textAlone: true,
    },
    headline: "Microsoft 365 had a temporary problem: try again later",
    meaning:
      "Microsoft 365 refused the command for now because of a problem on its side; the code at the end (ATTR, MRH...) names the part that failed, which Microsoft does not document.",
    causes: [
      "A passing problem or overload inside Microsoft 365.",
      "For relay through a connector (ATTR codes): Microsoft 365 could not yet tell which tenant the mail belongs to.",
    ],
    fix: [
      "Retry later, waiting longer each time; the app should treat a 4xx reply as temporary and keep the message queued.",
      "If it goes on for hours, look at Service health in the Microsoft 365 admin center; for relay, check that the inbound connector still matches the sending server.",
    ],
    who: "app-owner",
    retry: true,
    sources: [SOURCES.observedTemporaryServerError, SOURCES.serviceHealth, SOURCES.rfc3463],
    unconfirmed:
      "Microsoft does not document these replies or their trailing codes: this reading comes from public logs and the replies' own words.",
  },
  {
    id: "tenant-external-limit",
    side: "server",
    match: { enhanced: ["5.7.233"] },
    headline: "Your tenant reached its daily limit of external recipients",
    meaning:
      "Exchange Online limits how many external recipients a whole tenant may send to in 24 hours (the tenant external recipient rate limit). Once it is reached, mail to outside recipients bounces until the count falls.",
    causes: [
      "The tenant sent to more external recipients in 24 hours than its limit allows.",
      "A compromised account or a bulk-sending app used up the allowance.",
    ],
    fix: [
      "Wait: mail to outside recipients goes through again as the past 24 hours' count falls under the limit.",
      "Find what sent the volume (Message trace in the Exchange admin center) and secure any compromised account.",
      "Move bulk or marketing mail to a service meant for it, such as Azure Communication Services Email.",
    ],
    who: "m365-admin",
    retry: true,
    sources: [SOURCES.tenantExternalRecipientLimit, SOURCES.exchangeLimits, SOURCES.acsSmtp],
    unconfirmed:
      "The reply's code comes from the team's research notes of December 2026 (reference §1e), not from a Microsoft page; no public log of its full text was found.",
  },
  {
    id: "submission-quota-exceeded",
    side: "server",
    match: {
      enhanced: ["5.2.0", "5.2.2", "5.1.90"],
      text: /SubmissionQuotaExceeded|submission quota (?:was )?exceeded|daily limit for message recipients/i,
    },
    headline: "This mailbox reached its daily sending limit",
    meaning:
      "A mailbox may send to 10,000 recipients a day; this one has reached that limit, and Microsoft 365 refuses more for now.",
    causes: ["The app sent to more than 10,000 recipients in a day from this mailbox."],
    fix: [
      "Wait: sending works again once the mailbox is back under its daily limit.",
      "Spread the volume over several mailboxes, or move bulk mail to a service meant for it.",
    ],
    betterMethod:
      "For high-volume mail to external recipients, Microsoft points to Azure Communication Services Email rather than SMTP AUTH.",
    who: "app-owner",
    retry: true,
    sources: [
      SOURCES.submissionQuota,
      SOURCES.submissionImprovements,
      SOURCES.exchangeLimits,
      SOURCES.mc786329,
      SOURCES.acsSmtp,
    ],
  },
  {
    id: "mailbox-full",
    side: "server",
    match: { enhanced: ["5.2.2"], text: /mailbox full|QuotaExceeded/i },
    headline: "The sending mailbox is full",
    meaning:
      "SMTP AUTH saves a copy of each message in the mailbox's Sent Items, so a mailbox over its storage quota can no longer send.",
    causes: [
      "The mailbox is over its storage quota, often because of the app's copies in Sent Items.",
    ],
    fix: [
      "Free space in the mailbox, Sent Items first, or raise its quota.",
      "Fix it soon: repeated failures get the mailbox throttled (5.2.251).",
    ],
    betterMethod: RELAY_NO_SENT_ITEMS,
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.submissionImprovements, SOURCES.continuousErrorThrottling, SOURCES.mfd],
  },

  // ── Blocks and reputation ───────────────────────────────────────────────────────────────────
  {
    id: "outbound-spam-restricted",
    side: "server",
    match: {
      enhanced: ["5.2.0"],
      text: /OutboundSpamException|WASCL UserAction verdict/i,
      textAlone: true,
    },
    headline: "Outbound spam protection restricted this account",
    meaning:
      "Microsoft's outbound spam protection holds this account back; the verdict at the end of the reply names the restriction. It is seen mostly on consumer and unverified accounts.",
    causes: [
      "The account is new, unverified or a consumer account, and sent more than it is allowed to (verdicts such as RefuseQuota, ShowTierUpgrade or HipNotify).",
      "The account was suspended (verdict Suspend).",
    ],
    fix: [
      "Check that the account is not compromised and that the app does not send more than expected.",
      "For a consumer Outlook.com account, send from a Microsoft 365 mailbox instead.",
    ],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.observedOutboundSpam],
    unconfirmed:
      "Microsoft does not document this reply; its meaning comes from public logs of the same reply.",
  },
  {
    id: "bad-outbound-sender",
    side: "server",
    // Microsoft's German page quotes the reply translated.
    match: { enhanced: ["5.1.8"], text: /bad outbound sender|ungültiger ausgehender Absender/i },
    headline: "This account is blocked from sending (suspected spam)",
    meaning:
      "Microsoft 365 restricted the account after it sent what looked like spam; it is often a sign that the account was compromised.",
    causes: ["The account sent spam, most often because someone else got hold of it."],
    fix: [
      "Secure the account first (reset the password, review its sign-ins).",
      "Then remove it from Restricted entities at https://security.microsoft.com/restrictedusers. Sending resumes within a few hours.",
    ],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.ndr518, SOURCES.ndr518German],
  },
  {
    id: "account-banned",
    side: "server",
    match: { enhanced: ["5.7.501", "5.7.502", "5.7.503"] },
    headline: "This sending account is banned",
    meaning:
      "Microsoft's service banned the account that sends (5.7.501: spam abuse detected; 5.7.502 and 5.7.503: banned sender).",
    causes: ["The account sent spam, often after it was compromised."],
    fix: [
      "Secure the account (reset its password, review its sign-ins).",
      "Contact Microsoft support: the ban is not lifted any other way.",
    ],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.ndr],
  },
  {
    id: "tenant-threshold",
    side: "server",
    match: { enhanced: ["5.7.705"] },
    headline: "Your whole tenant is blocked from sending",
    meaning:
      "Microsoft 365 blocked outbound mail for the entire tenant after too much of it looked like spam or bulk mail. It can also happen for a short while after an expired subscription is renewed.",
    causes: [
      "Compromised accounts, a compromised on-premises server or a rogue connector sent spam through the tenant.",
      "The tenant sent large amounts of bulk mail.",
      "The subscription was just renewed after it had expired.",
    ],
    fix: [
      "Find and clean up the source: compromised accounts, on-premises servers, connectors.",
      "Then contact Microsoft support to lift the block.",
    ],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.ndr5700],
  },

  // ── Relay, routing and the sending IP address ───────────────────────────────────────────────
  {
    id: "tenant-attribution",
    side: "server",
    match: { enhanced: ["5.7.64"] },
    headline: "No connector recognises this sender (TenantAttribution)",
    meaning:
      "Relay through Microsoft 365 needs an inbound connector that recognises the sending server by its public IP address or its certificate, and none did.",
    causes: [
      "The sending server's public IP address changed, and the connector still lists the old one.",
      "The certificate the server presents changed.",
      "The connector is missing.",
    ],
    fix: [
      "In the Exchange admin center, open the inbound connector (from \"Your organization's email server\" to Microsoft 365) and make sure it lists the sending server's current public IP address, or the domain in its certificate.",
      "Update the SPF record with the new IP address too.",
    ],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.ndr5764, SOURCES.fix, SOURCES.mfd],
  },
  {
    id: "direct-send-rejected",
    side: "server",
    match: { enhanced: ["5.7.68"] },
    headline: "Direct Send is turned off for this organisation",
    meaning:
      "The tenant rejects anonymous mail from its own domains (RejectDirectSend), unless it arrives through an inbound connector. Only the envelope sender (MAIL FROM) counts, not the From header.",
    causes: [
      "RejectDirectSend is on for the tenant (available since 2025), and the device sends anonymously from one of its domains.",
    ],
    fix: [
      "Create a partner inbound connector for the device's public IP address or certificate, so its mail is recognised.",
      "Or send with SMTP AUTH instead.",
      "Only if Direct Send should be allowed again: the command below. It can take up to 30 minutes to apply.",
    ],
    commands: [CONNECT, "Set-OrganizationConfig -RejectDirectSend $false"],
    checks: [
      {
        layer: "Reject Direct Send",
        command: "Get-OrganizationConfig | Format-List RejectDirectSend",
        reading:
          "True: anonymous mail from your own domains is refused unless a connector matches.",
      },
    ],
    betterMethod:
      "Once Direct Send is rejected, SMTP AUTH or SMTP relay through an inbound connector are the supported ways in.",
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.rejectDirectSend],
  },
  {
    id: "ip-blocklisted",
    side: "server",
    match: { enhanced: ["5.7.1"], text: /blocked using Blocklist/i },
    headline: "Your sending IP address is on Microsoft's blocklist",
    meaning:
      "Microsoft's service refuses mail from the sending server's public IP address because that address is on Microsoft's own blocklist.",
    causes: ["The sending server's public IP address is on Microsoft's blocklist."],
    fix: [
      "Forward the non-delivery report, or this reply, to delist@messaging.microsoft.com to ask for removal, as the reply says.",
      "Make sure nothing on that network sends spam, or the address will be listed again.",
    ],
    who: "network-team",
    retry: false,
    sources: [SOURCES.ndr5501],
  },
  {
    id: "ip-reputation-rate-limited",
    side: "server",
    match: {
      enhanced: ["4.7.650-651"],
      text: /temporarily rate limited due to IP reputation/i,
      textAlone: true,
    },
    headline: "Microsoft's mail service is slowing down mail from your IP address (reputation)",
    meaning:
      "Outlook.com (and the mail servers behind Microsoft 365's protection service) accept only part of the mail from the sending server's IP address for now, because of that address's reputation. A sending server that retries gets through later; it is not about your Microsoft 365 tenant's settings.",
    causes: [
      "The sending IP address is new, or sends more than its history supports.",
      "Recipients marked its mail as junk, or it sent to many addresses that do not exist.",
    ],
    fix: [
      "Let the sending server retry: this refusal is temporary (4xx), and the server's queue delivers later.",
      "Lower the rate and volume sent to Outlook.com addresses, remove addresses that bounce, and check that SPF, DKIM and DMARC pass for the sending domain.",
      "If it lasts for days, look the address up in Microsoft's postmaster tools (https://postmaster.live.com, named in the reply), and ask for help with the Outlook.com deliverability form.",
    ],
    who: "network-team",
    retry: true,
    sources: [
      SOURCES.observedIpReputationRateLimit,
      SOURCES.hostingMicrosoftBlocklists,
      SOURCES.outlookComDeliverabilityForm,
    ],
    unconfirmed:
      "Microsoft does not document these replies (4.7.650, 4.7.651 with an S number): their reading comes from public logs and the reply's own words.",
  },
  {
    id: "outlook-com-network-blocked",
    side: "server",
    match: {
      enhanced: ["5.7.1"],
      text: /part of their network is on our block list/i,
      textAlone: true,
    },
    headline: "Outlook.com refuses mail from your sending IP address's network",
    meaning:
      "The recipient's mail is hosted by Microsoft's consumer service (Outlook.com, Hotmail, Live) or its protection service, and it refuses mail from the sending server's IP address because that address, or the range around it, is on Microsoft's block list (S3140, S3150). It is about the server that sends, not about a Microsoft 365 tenant's settings.",
    causes: [
      "The IP address, or its provider's range, has a poor reputation with Microsoft: spam from it or from its neighbours, or a hosting range blocked as a whole.",
      "The sending server lacks SPF, DKIM or a matching reverse DNS name, so its mail looks like spam.",
    ],
    fix: [
      "Make sure nothing on that server sends spam (a compromised account, form or script), and that the sending domain has SPF, DKIM and DMARC.",
      "Ask Microsoft to remove the listing with the Outlook.com deliverability support form (https://go.microsoft.com/fwlink/?LinkID=614866), pasting this reply and the IP address. If the first answer says it does not qualify for mitigation, reply to it with more detail.",
      "If the address belongs to a hosting provider's shared range, send through a reputable relay or a mail service instead of directly.",
    ],
    who: "network-team",
    retry: false,
    sources: [
      SOURCES.outlookComDeliverabilityForm,
      SOURCES.observedOutlookComBlock,
      SOURCES.hostingMicrosoftBlocklists,
    ],
    unconfirmed:
      "Microsoft does not document the S3140 and S3150 codes: their reading comes from public bounces, Microsoft's answers quoted in them, and hosting providers' delisting guides.",
  },
  {
    id: "ip-on-public-blocklist",
    side: "server",
    // After ip-blocklisted: "blocked using Blocklist 1" is Microsoft's own list.
    match: { enhanced: ["5.7.1"], text: /blocked using [A-Za-z]/i },
    headline: "Your sending IP address is on a public block list",
    meaning:
      "The receiving side refuses the sending server's IP address because a public block list (such as Spamhaus) lists it; Microsoft's service consults such lists too.",
    causes: [
      "Spam was sent from the address, or from its range: a compromised account, an open relay or a script.",
      "The address is a dynamic or residential one, which such lists block as a whole.",
    ],
    fix: [
      "Look the address up on the list the reply names: the reply holds its removal page.",
      "First stop whatever got it listed, or it will be listed again.",
    ],
    who: "network-team",
    retry: false,
    sources: [SOURCES.observedSpamhausListing, SOURCES.hostingMicrosoftBlocklists],
    unconfirmed:
      "Microsoft does not document this reply for third-party lists: its reading comes from public logs.",
  },
  {
    id: "ip-throttled",
    side: "server",
    match: { enhanced: ["4.7.500-699"] },
    headline: "Your sending IP address is being held back for now",
    meaning:
      "Microsoft 365 temporarily refuses mail from this IP address because its sending pattern changed (a new source, or a sudden change in volume). The refusal is temporary.",
    causes: [
      "The IP address is new to Microsoft 365, or its volume changed suddenly.",
      "More than test mail is sent from a *.onmicrosoft.com address, which Microsoft limits and filters.",
    ],
    fix: [
      "Retry later: the IP address's history builds up over a few days.",
      "For relay from your own servers, set up an inbound connector for their IP addresses.",
      "Beyond test messages, send from your own domain, not from *.onmicrosoft.com.",
    ],
    who: "m365-admin",
    retry: true,
    sources: [SOURCES.ndr451],
  },
  {
    id: "ip-banned",
    side: "server",
    match: { enhanced: ["5.7.511"] },
    headline: "Your sending IP address is banned",
    meaning: "Microsoft's service banned the public IP address the mail comes from.",
    causes: ["The sending server's public IP address is banned; the reply does not say why."],
    fix: [
      "Ask for delisting: email delist@messaging.microsoft.com, or use Microsoft's delist portal.",
      "Stop whatever sent unwanted mail from that address first.",
    ],
    who: "network-team",
    retry: false,
    sources: [SOURCES.ndr],
  },
  {
    id: "sending-ip-banned",
    side: "server",
    match: { enhanced: ["5.7.606-649"] },
    headline: "This sending IP address is banned from Microsoft's service",
    meaning: "Microsoft's service refuses the public IP address named in the reply.",
    causes: ["The sending server's public IP address is banned."],
    fix: ["Ask for removal through Microsoft's self-service delist portal."],
    who: "network-team",
    retry: false,
    sources: [SOURCES.ndr],
  },
  {
    id: "ip-not-accepted",
    side: "server",
    match: { enhanced: ["5.7.708"] },
    headline: "Microsoft 365 does not accept mail from this IP address",
    meaning:
      "The sending IP address has a low reputation, as addresses used by new customers often do. It is common on trial tenants.",
    causes: ["The tenant is new or a trial, and sends from a low-reputation IP address."],
    fix: ["Contact Microsoft support and ask for an exception."],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.ndr5700],
  },
  {
    id: "unregistered-domain",
    side: "server",
    match: { enhanced: ["5.7.750"] },
    headline: "The sender's domain is not registered in your tenant",
    meaning: "Microsoft 365 refuses mail sent from a domain the tenant has not added and verified.",
    causes: [
      "The From address ({from}) is in a domain that is not an accepted, verified domain of the tenant.",
    ],
    fix: [
      "Add and verify every domain the devices send from in your tenant, or change the From address to a domain that is already verified.",
    ],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.ndr5700],
  },
  {
    id: "recipient-rejected",
    side: "server",
    match: { enhanced: ["5.4.1"], text: /Recipient address rejected/i },
    headline: "The recipient does not exist in this tenant",
    meaning:
      "Microsoft 365 checks recipients against its directory (Directory-Based Edge Blocking) and refused this address: it does not exist there.",
    causes: ["The recipient address has a typo.", "The mailbox was deleted, or not created yet."],
    fix: ["Check the recipient address for typos, or send the test to an existing mailbox."],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.directoryBasedEdgeBlocking],
  },
  {
    id: "relay-denied",
    side: "server",
    match: {
      enhanced: ["5.7.54", "5.7.1", "5.4.1"],
      text: /Unable to relay|Relay Access Denied/i,
    },
    headline: "Relaying to that recipient is not allowed",
    meaning:
      "The MX endpoint only delivers to mailboxes in Microsoft 365 unless a connector recognises the sender. Direct Send cannot reach external recipients (Gmail, Yahoo...).",
    causes: [
      "Direct Send was used to reach a recipient outside Microsoft 365.",
      "No inbound connector recognises the sending server, so its mail is not relayed.",
      "With 5.4.1 Relay Access Denied: a server or DNS misconfiguration, per Microsoft's NDR table.",
    ],
    fix: [
      "To reach external recipients, use SMTP AUTH (smtp.office365.com, 587), or create an inbound connector that recognises your static public IP address (SMTP relay).",
      "If the recipient should be internal, check that it is in one of your accepted domains.",
    ],
    betterMethod:
      "SMTP AUTH or SMTP relay through a connector can reach external recipients; Direct Send cannot.",
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.mfd, SOURCES.ndr],
    unconfirmed:
      "The 5.7.54 wording is observed in the field; Microsoft documents this refusal as 5.7.1 Unable to relay.",
  },

  // ── Codes seen only in non-delivery reports (bounces) ───────────────────────────────────────
  {
    id: "recipient-not-found",
    side: "server",
    match: { enhanced: ["5.1.10"] },
    headline: "The recipient was not found",
    meaning: "The receiving organisation looked the recipient's address up and did not find it.",
    causes: ["The recipient address has a typo, or no longer exists."],
    fix: ["Check the recipient address, or send to an existing mailbox."],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.ndr],
    bounceOnly: true,
  },
  {
    id: "group-rejects-outsiders",
    side: "server",
    match: { enhanced: ["5.7.193"] },
    headline: "The Microsoft 365 group only takes mail from its members",
    meaning:
      "The recipient is a Microsoft 365 group that refuses mail from senders outside the organisation; anonymous mail such as Direct Send counts as outside.",
    causes: [
      "The group requires authenticated senders, and the message came from an external or anonymous sender.",
    ],
    fix: [
      "Let the group accept mail from outside with the command below, or send with SMTP AUTH from a mailbox in your organisation.",
    ],
    commands: [
      CONNECT,
      "Set-UnifiedGroup -Identity {to} -RequireSenderAuthenticationEnabled $false",
    ],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.ndr57193],
    bounceOnly: true,
  },
  {
    id: "dmarc-failed",
    side: "server",
    match: { enhanced: ["5.7.509"] },
    headline: "The recipient's system rejected the message: DMARC failed",
    meaning:
      "The receiving side checked the sender's domain and it did not pass DMARC verification.",
    causes: [
      "The sending server is not in the domain's SPF record.",
      "The message is not DKIM-signed with the sending domain itself (a signature by onmicrosoft.com does not align with the From domain).",
    ],
    fix: [
      "Add the sending server to the domain's SPF record (for a device's static IP: v=spf1 ip4:<IP address> include:spf.protection.outlook.com -all).",
      "Turn on DKIM signing for the custom domain, then check the domain's DMARC record.",
    ],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.ndr, SOURCES.spf, SOURCES.dkim, SOURCES.dmarc],
    bounceOnly: true,
  },
  {
    id: "spf-failed",
    side: "server",
    match: { enhanced: ["5.7.23"] },
    headline: "The recipient's system rejected the message: SPF failed",
    meaning:
      "The receiving side found that the server that sent the message is not allowed to by the sender domain's SPF record.",
    causes: ["The sending server's public IP address is not in the domain's SPF record."],
    fix: [
      "Add the sending server to the domain's SPF record (for a device's static IP: v=spf1 ip4:<IP address> include:spf.protection.outlook.com -all). A domain has one SPF record, with at most 10 DNS lookups.",
    ],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.ndr, SOURCES.spf],
    bounceOnly: true,
  },
  {
    id: "authentication-level-required",
    side: "server",
    match: { enhanced: ["5.7.515"] },
    headline: "Outlook.com requires SPF, DKIM and DMARC from this sender",
    meaning:
      "Since 5 May 2025 Outlook.com (consumer mail) refuses mail from domains that send more than 5,000 messages a day without passing SPF, DKIM and DMARC.",
    causes: ["The sending domain's SPF, DKIM or DMARC is missing or failing."],
    fix: ["Set up SPF, DKIM signing for the custom domain, and DMARC for the sending domain."],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.observedAuthLevel, SOURCES.spf, SOURCES.dkim, SOURCES.dmarc],
    bounceOnly: true,
    unconfirmed:
      "The reference found this reply in public code and issues, not on a Microsoft page.",
  },

  // ── Client side: TLS ────────────────────────────────────────────────────────────────────────
  {
    id: "implicit-tls-on-starttls-port",
    side: "client",
    match: { cause: ["ERR_SSL_WRONG_VERSION_NUMBER", "ERR_SSL_PACKET_LENGTH_TOO_LONG"] },
    headline: "Wrong security type: this port expects STARTTLS, not implicit TLS",
    meaning:
      "The client started TLS right away, but the server on port {port} answers in plain text first and upgrades with STARTTLS. Microsoft 365 does not offer implicit TLS.",
    causes: [
      "Security is set to SSL/TLS (implicit TLS, nodemailer secure: true) on a STARTTLS port such as 587 or 25.",
    ],
    fix: [
      'Set security to STARTTLS on port 587 (in code: secure: false with requireTLS: true; in devices: "TLS" or "STARTTLS", not "SSL").',
    ],
    programSettings: ["starttls"],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.nodemailerWrongVersion, SOURCES.mfd],
  },
  {
    id: "starttls-not-offered",
    side: "client",
    match: { code: ["ETLS"], stage: ["tls"], text: /^[45]\d\d / },
    headline: "The server did not accept STARTTLS; credentials were not sent",
    meaning:
      "STARTTLS was requested but the server refused it, so the connection could not be encrypted. smtp365 stopped before sending anything sensitive.",
    causes: [
      "Something between you and the server (a firewall doing SMTP inspection, an antivirus proxy) strips STARTTLS.",
      "The server name or port points at a server that is not Microsoft 365.",
    ],
    fix: [
      "Check the server name and port: Microsoft 365 offers STARTTLS on smtp.office365.com:587 and on your MX endpoint on port 25.",
      "Test from another network to rule out a firewall or proxy that strips STARTTLS.",
    ],
    who: "network-team",
    retry: false,
    sources: [SOURCES.fix, SOURCES.mfd],
  },
  {
    id: "certificate-expired",
    side: "client",
    match: { cause: ["CERT_HAS_EXPIRED", "CERT_NOT_YET_VALID"] },
    headline: "The server's certificate has expired (or is not yet valid)",
    meaning:
      "The certificate the server presented is outside its validity dates. Microsoft 365's certificates are kept current, so another server most likely answered.",
    causes: [
      "A proxy or firewall intercepts TLS and presents its own, out-of-date certificate.",
      "This machine's clock is wrong.",
      "The server name points at a server that is not Microsoft 365.",
    ],
    fix: [
      "Check this machine's date and time.",
      "Check that the server name points to Microsoft 365 and that no SMTP proxy intercepts the connection.",
    ],
    who: "network-team",
    retry: false,
    sources: [SOURCES.fix],
  },
  {
    id: "certificate-wrong-host",
    side: "client",
    match: { cause: ["ERR_TLS_CERT_ALTNAME_INVALID"] },
    headline: "The server's certificate is for another name",
    meaning: "The certificate does not cover the server name you entered.",
    causes: [
      "The app connects by IP address instead of the host name.",
      "A proxy or firewall intercepts TLS with a certificate of its own.",
    ],
    fix: [
      "Use the host name (smtp.office365.com or your MX endpoint), never an IP address.",
      "Check that no SMTP proxy or firewall intercepts TLS.",
    ],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.mfd],
  },
  {
    id: "certificate-untrusted",
    side: "client",
    match: {
      cause: [
        "DEPTH_ZERO_SELF_SIGNED_CERT",
        "SELF_SIGNED_CERT_IN_CHAIN",
        "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
        "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
        "CERT_SIGNATURE_FAILURE",
      ],
    },
    headline: "The server's certificate is not trusted",
    meaning:
      "The certificate was not issued by an authority this machine trusts (or is self-signed). Microsoft 365 uses public certificates, so another server answered.",
    causes: [
      "A proxy, firewall or antivirus intercepts TLS with a certificate of its own.",
      "The server name points at a server that is not Microsoft 365.",
    ],
    fix: [
      "Check that the server name points to Microsoft 365.",
      "Check that no SMTP proxy or antivirus intercepts TLS on this network.",
    ],
    who: "network-team",
    retry: false,
    sources: [SOURCES.fix],
  },
  {
    id: "certificate-invalid",
    side: "client",
    match: {
      cause: ["INVALID_PURPOSE", "CERT_REVOKED", "CERT_UNTRUSTED", "CERT_REJECTED", "INVALID_CA"],
    },
    headline: "The server's certificate is not valid for a mail server",
    meaning:
      "The certificate the server presented fails verification for another reason than its dates or its name: it is not meant for a TLS server, or it is revoked or rejected. Microsoft 365's certificates pass, so another server answered.",
    causes: [
      "A proxy, firewall or antivirus intercepts TLS with an unsuitable certificate.",
      "The server name points at a server that is not Microsoft 365.",
    ],
    fix: [
      "Check that the server name points to Microsoft 365.",
      "Check that no SMTP proxy or antivirus intercepts TLS on this network.",
    ],
    who: "network-team",
    retry: false,
    sources: [SOURCES.fix],
  },
  {
    id: "tls-version-mismatch",
    side: "client",
    match: { cause: ["ERR_SSL_UNSUPPORTED_PROTOCOL"] },
    headline: "The server and smtp365 agree on no TLS version",
    meaning:
      "smtp365 only uses TLS 1.2 or later, as Microsoft 365 requires, and the server offered none of those. Microsoft 365 supports TLS 1.2, so another server answered.",
    causes: [
      "The server name points at an older server that is not Microsoft 365.",
      "A proxy intercepts TLS and only speaks older versions.",
    ],
    fix: ["Check the server name and port, and test from another network."],
    who: "network-team",
    retry: false,
    sources: [SOURCES.mfd],
  },
  {
    id: "client-tls-handshake-failed",
    side: "client",
    match: { cause: ["CLIENT_TLS_HANDSHAKE"] },
    headline: "The app could not set up TLS with the server",
    meaning:
      "The connection opened, but the TLS handshake failed on the app's side, so nothing could be sent. Microsoft 365 needs TLS 1.2 or later, and older runtimes and systems offer only TLS 1.0 or 1.1, or have TLS 1.2 turned off.",
    causes: [
      "The app's runtime or operating system does not offer TLS 1.2 (an old Windows or .NET Framework, an old Java, an old OpenSSL).",
      "TLS 1.2 is turned off by a policy on the machine.",
      "A proxy or security product intercepts TLS on this network.",
    ],
    fix: [
      "Make TLS 1.2 available to the app: update its runtime or operating system, or turn TLS 1.2 on in its settings.",
      "Test from another network to rule out a proxy that intercepts TLS.",
    ],
    programSettings: ["tls12"],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.legacyTls, SOURCES.fix],
  },
  {
    id: "credentials-without-tls",
    side: "client",
    match: { code: ["ENOTLS"] },
    headline: "Stopped before AUTH: the connection is not encrypted",
    meaning:
      "Security is set to None, so the password would have crossed the network in plain text. smtp365 never does that, and Microsoft 365 requires TLS to sign in anyway.",
    causes: ["Security is set to None while the app signs in."],
    fix: ["Set security to STARTTLS (port 587), then test again."],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.fix],
  },

  // ── Client side: network, names and timeouts ────────────────────────────────────────────────
  {
    id: "host-not-allowed",
    side: "client",
    match: { code: ["EGUARD"] },
    headline: "This server is not one smtp365 may connect to",
    meaning:
      "smtp365 only connects to Microsoft 365's SMTP endpoints, plus any hosts its administrator listed in SMTP365_ALLOWED_HOSTS. Nothing was sent.",
    causes: ["The server name is not a Microsoft 365 endpoint, or practice mode is turned off."],
    fix: [
      "For SMTP AUTH use smtp.office365.com; for Direct Send and relay use your MX endpoint (for example contoso-com.mail.protection.outlook.com).",
      "To test another server, the person running smtp365 can add it to SMTP365_ALLOWED_HOSTS.",
    ],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.mfd],
  },
  {
    id: "dns-failure",
    side: "client",
    match: { code: ["EDNS"] },
    headline: "The server name could not be found",
    meaning: "The name {host} did not resolve to an address.",
    causes: ["A typo in the server name.", "A DNS problem on this network."],
    fix: [
      "Check the spelling of {host}.",
      "For Direct Send and relay, read your domain's MX record for the exact endpoint (for example nslookup -type=mx {domain}).",
    ],
    who: "app-owner",
    retry: true,
    sources: [SOURCES.mfd],
  },
  {
    // Practice mode has no network in between: the simulator, like Microsoft 365, answers on 25
    // and 587 only, so a refusal means the port typed, nothing else.
    id: "practice-port-closed",
    side: "client",
    match: { cause: ["ECONNREFUSED"], practice: true },
    headline: "The practice server does not answer on port {port}",
    meaning:
      "This test ran against smtp365's built-in Microsoft 365 simulator, not {host}, so nothing on the network was involved. Like Microsoft 365, the simulator answers on port 587 (SMTP AUTH) and port 25 (Direct Send and relay) only, and refuses port {port}.",
    causes: [
      "The port is wrong: Microsoft 365 answers on 587 (SMTP AUTH) and 25, not on {port}, so the real server would not take it either.",
    ],
    fix: [
      "In the Server step, set the port to 587 with STARTTLS for SMTP AUTH (25 for Direct Send and relay), then test again.",
    ],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.mfd],
  },
  {
    id: "connection-refused",
    side: "client",
    match: { cause: ["ECONNREFUSED"] },
    headline: "Connection refused on port {port}",
    meaning:
      "Something answered at {host}, but nothing accepts connections on port {port}, or a firewall actively rejected it.",
    causes: [
      "The port is wrong: Microsoft 365 answers on 587 (SMTP AUTH) and 25, not 465.",
      "A firewall rejects outbound connections to port {port}.",
    ],
    fix: [
      "Check the port: 587 for SMTP AUTH, 25 for Direct Send and relay. Microsoft 365 does not offer 465.",
      "Check outbound firewall rules for port {port} on this network.",
    ],
    who: "network-team",
    retry: false,
    sources: [SOURCES.mfd, SOURCES.fix],
  },
  {
    id: "network-unreachable",
    side: "client",
    match: { cause: ["ENETUNREACH", "EHOSTUNREACH", "EACCES"], stage: ["connect"] },
    headline: "This machine could not reach the server at all",
    meaning:
      "The connection never left this machine or its network: the system reported no route to {host}, or refused to open the connection to port {port}.",
    causes: [
      "No route to {host}: for example it resolves to an IPv6 address and this network has no IPv6, or the machine has no internet access.",
      "A firewall or security software on this machine, or the hosting provider's, blocks outbound connections to port {port} (Windows reports this as error 10013).",
    ],
    fix: [
      "Check that this machine reaches the internet and can resolve {host}; if it prefers IPv6 without working IPv6, make it use IPv4.",
      "Allow outbound TCP to port {port} in the local firewall or security software, and in the hosting provider's firewall.",
    ],
    who: "network-team",
    retry: false,
    sources: [SOURCES.fix, SOURCES.mfd],
  },
  {
    id: "port-25-blocked",
    side: "client",
    match: { cause: ["CONNECT_TIMEOUT", "ECONNRESET"], stage: ["connect"], port: [25] },
    headline: "No answer on port 25: outbound port 25 is probably blocked",
    meaning:
      "Direct Send and relay need outbound port 25, and many ISPs and most cloud providers (Azure, AWS, Google Cloud and others) block it.",
    causes: [
      "The cloud provider or ISP blocks outbound port 25.",
      "A firewall on this network blocks it.",
    ],
    fix: [
      "Test from the device's own network (the Settings step has commands for that).",
      "Ask the network team or the provider to open outbound port 25, or switch to SMTP AUTH on port 587.",
    ],
    betterMethod:
      "SMTP AUTH on port 587 works from cloud-hosted apps, where port 25 is usually blocked; Microsoft does not support SMTP relay from senders hosted in Azure.",
    who: "network-team",
    retry: false,
    sources: [SOURCES.mfd, SOURCES.fix, SOURCES.cloudPort25],
  },
  {
    id: "connect-timeout",
    side: "client",
    match: { cause: ["CONNECT_TIMEOUT"], stage: ["connect"] },
    headline: "No answer on port {port}: a firewall is probably dropping the connection",
    meaning:
      "The connection attempt got no answer at all, which is what a firewall or an ISP blocking the port looks like.",
    causes: [
      "A firewall or the ISP drops outbound connections to port {port}.",
      "The server address is wrong and nothing answers there.",
    ],
    fix: [
      "Check outbound firewall rules for port {port}; some ISPs block 25 and even 587.",
      "Test from another network, or with the commands in the Settings step from the device's own network.",
    ],
    who: "network-team",
    retry: true,
    sources: [SOURCES.fix],
  },
  {
    id: "greeting-timeout-implicit-port",
    side: "client",
    match: { cause: ["GREETING_TIMEOUT"], port: [465] },
    headline: "No greeting on port 465: it expects implicit TLS",
    meaning:
      "The connection opened, but the server waited for a TLS handshake while the client waited for a greeting. Microsoft 365 does not offer port 465 anyway.",
    causes: ["Security is set to STARTTLS or None on port 465, an implicit-TLS port."],
    fix: ["Use port 587 with STARTTLS."],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.mfd],
  },
  {
    id: "greeting-timeout",
    side: "client",
    match: { cause: ["GREETING_TIMEOUT"] },
    headline: "The server accepted the connection but never said hello",
    meaning: "The TCP connection opened, but no SMTP greeting arrived in time.",
    causes: [
      "The port expects implicit TLS, so the server waits for a TLS handshake while the client waits for a greeting.",
      "A firewall doing SMTP inspection holds the connection.",
      "The server is overloaded.",
    ],
    fix: [
      "Check the port and security type: 587 with STARTTLS for SMTP AUTH.",
      "Test from another network to rule out an intercepting firewall.",
    ],
    who: "network-team",
    retry: true,
    sources: [SOURCES.fix],
  },
  {
    id: "too-slow",
    side: "client",
    match: { code: ["ETIMEDOUT", "ETOTAL"] },
    headline: "The server stopped answering",
    meaning: "The server did not answer a command in time, so the test was stopped.",
    causes: ["A slow or overloaded server.", "A firewall that holds the connection."],
    fix: ["Try again in a few minutes; if it persists, test from another network."],
    who: "network-team",
    retry: true,
    sources: [SOURCES.fix],
  },
  {
    id: "auth-not-offered",
    side: "client",
    match: { code: ["ENOAUTHMECH"] },
    headline: "The server offered no sign-in method the app can use",
    meaning:
      "The app read the server's EHLO answer, found no sign-in method it supports, and never tried to sign in. smtp.office365.com lists its methods (LOGIN and XOAUTH2) only after STARTTLS, and your MX endpoint on port 25 lists none.",
    causes: [
      "The app connects without STARTTLS, so the server lists no sign-in method yet.",
      "The app supports only methods this server does not offer, or the server takes no sign-in at all (the MX endpoint, Direct Send).",
    ],
    fix: [
      "Connect with STARTTLS on port 587, then sign in.",
      "Sending to your MX endpoint on port 25 (Direct Send)? Do not sign in at all.",
    ],
    programSettings: ["starttls"],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.observedNoCompatibleMechanisms, SOURCES.rfc4954, SOURCES.mfd],
  },
  {
    id: "other-provider",
    side: "client",
    match: { code: ["EOTHERPROVIDER"] },
    headline: "This error is about another mail service, not Microsoft 365",
    meaning:
      "The text names {host}, which is not a Microsoft 365 server, so smtp365's explanations of Microsoft 365 do not apply to it.",
    causes: ["The app sends through another provider, or the failure is on that provider's side."],
    fix: [
      "Look the error up in that provider's documentation, or ask its support.",
      "If the app should send through Microsoft 365, set it to smtp.office365.com, port 587, STARTTLS (or your MX endpoint for Direct Send and relay), then paste the new error here.",
    ],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.mfd],
  },
  {
    id: "dropped-during-data",
    side: "client",
    match: { code: ["ECONNECTION", "ESOCKET"], stage: ["data"] },
    headline: "The connection was cut while the message was being sent",
    meaning:
      "The server had accepted the sender and recipients, then the connection closed in the middle of the message, before any reply.",
    causes: [
      "A firewall, antivirus or SMTP proxy that inspects message content cut the connection.",
      "The network connection broke.",
      "The server closed the connection.",
    ],
    fix: [
      "Try again; if it fails the same way, test from another network to rule out a firewall or proxy that inspects SMTP.",
    ],
    who: "network-team",
    retry: true,
    sources: [SOURCES.fix],
  },
  {
    id: "connection-dropped",
    side: "client",
    match: { code: ["ECONNECTION", "ESOCKET"] },
    headline: "The connection was closed unexpectedly",
    meaning:
      "The server or something in between closed the connection in the middle of the conversation.",
    causes: ["A firewall or antivirus that inspects SMTP.", "An unstable network."],
    fix: [
      "Try again; if it persists, check for a firewall or antivirus that inspects SMTP on this network.",
    ],
    who: "network-team",
    retry: true,
    sources: [SOURCES.fix],
  },
]

/**
 * What classify() answers when no entry matches: the static part of the generic diagnosis, whose
 * headline, meaning and retry it then builds from the reply's status codes (rfc3463.ts).
 */
export const FALLBACK_ENTRY: CatalogEntry = {
  id: "unrecognised",
  side: "server",
  match: {},
  headline: "The server refused the test",
  meaning:
    "smtp365 does not recognise this reply, so the reading comes from its status codes alone (RFC 3463); it is not specific to Microsoft 365.",
  causes: [],
  fix: [
    "Search Microsoft's non-delivery report reference for the status code in the reply.",
    'Microsoft\'s built-in diagnostic can help: "Run Tests: Send email using Microsoft 365" in the Microsoft 365 admin center (https://aka.ms/smtprelay, needs an admin account).',
  ],
  who: "app-owner",
  retry: false,
  sources: [SOURCES.rfc3463, SOURCES.rfc5321, SOURCES.ndr, SOURCES.fix],
}
