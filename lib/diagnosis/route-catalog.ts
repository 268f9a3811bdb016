import * as SOURCES from "@/lib/microsoft365/sources"
import type { CatalogEntry } from "./catalog-entry"
import { CHECK, CONNECT } from "./checks"
import { CHECK as APP_CHECK, CONNECT_TENANT, ENTRA_APP } from "./oauth-catalog"

/**
 * Known failures of the routes after Basic authentication, as data: High Volume Email and Azure
 * Communication Services. Part of CATALOG, first: an HVE account signs in with a password as a
 * mailbox does, and its replies are Exchange Online's, so these entries match on the method the
 * test used (FailureFacts.method) or on how it signed in (ACS: "app-secret"), and must be read
 * before the SMTP AUTH readings of the same replies. A reply pasted on its own has neither, so only
 * the entry whose wording is ACS's own (5.1.7) applies to it.
 */

const ALLOW_APP = "Add-HVEAppAccess -Identity {mailbox} -AppIds {clientId}"

const ACS_ROLE_PERMISSIONS =
  "Microsoft.Communication/CommunicationServices/Read and Microsoft.Communication/EmailServices/write"

export const ROUTE_CATALOG: readonly CatalogEntry[] = [
  // ── High Volume Email ─────────────────────────────────────────────────────────────────────
  {
    id: "hve-external-recipient",
    side: "server",
    match: { method: ["hve"], enhanced: ["5.7.54", "5.7.1"], text: /Unable to relay/i },
    headline: "High Volume Email only delivers inside your organisation",
    meaning:
      "Since June 2025 HVE accounts send to internal recipients only, and {to} is not in one of your organisation's accepted domains, so the HVE endpoint refused it.",
    causes: [
      "The recipient {to} is outside the organisation.",
      "The app or device is meant to mail people outside the organisation, which HVE no longer does.",
    ],
    fix: [
      "Send the test to a mailbox in one of your organisation's domains.",
      "For recipients outside the organisation, choose another method: Microsoft points high-volume mail to external recipients to Azure Communication Services Email; SMTP AUTH and SMTP relay through a connector reach them too.",
    ],
    betterMethod:
      "Azure Communication Services Email sends to recipients outside your organisation; High Volume Email does not.",
    who: "app-owner",
    retry: false,
    sources: [SOURCES.hveInternalOnly, SOURCES.hve, SOURCES.acsSmtp],
    unconfirmed:
      "Microsoft does not publish what the HVE endpoint answers for an external recipient: smtp365 reads Exchange Online's observed refusal of a recipient outside the accepted domains (5.7.54) this way when the test went through HVE.",
  },
  {
    id: "hve-security-defaults",
    side: "server",
    match: { method: ["hve"], enhanced: ["5.7.139"], text: /security defaults/i },
    headline: "Security defaults block this HVE account's password sign-in",
    meaning:
      "Microsoft Entra security defaults are on, and they block every sign-in by an older protocol such as SMTP with a password, an HVE account's included. Microsoft keeps password sign-in for HVE accounts until September 2028, but security defaults stop it today.",
    causes: [
      "Security defaults are on for the tenant. They may be on in any tenant created on or after 22 October 2019.",
    ],
    fix: [
      "Best: keep security defaults and sign in with OAuth 2.0 instead: an Entra app with the Office 365 Exchange Online application permission Mail.Send and admin consent, added to the HVE account's Allowed Apps (command below; a change takes up to 5 minutes).",
      "Or turn security defaults off (Microsoft Entra admin center → Entra ID → Overview → Properties → Manage security defaults → Disabled (not recommended)) and protect sign-ins with Conditional Access instead. Turning them off with nothing in their place weakens the whole tenant.",
    ],
    commands: [CONNECT, ALLOW_APP],
    checks: [CHECK.securityDefaults, CHECK.signInLog],
    who: "m365-admin",
    retry: false,
    sources: [
      SOURCES.hveTroubleshoot,
      SOURCES.securityDefaults,
      SOURCES.hveInternalOnly,
      SOURCES.hveOAuth,
      SOURCES.hveAddAppAccess,
    ],
    unconfirmed:
      "The reply's wording is Exchange Online's to a mailbox that security defaults block, from public logs; no log of an HVE account getting it was found. Microsoft's HVE troubleshooting page gives the meaning: 535 5.7.139 for an HVE account is security defaults, or an authentication policy without AllowBasicAuthSmtp.",
  },
  {
    id: "hve-conditional-access",
    side: "server",
    match: { method: ["hve"], enhanced: ["5.7.139"], text: /did not meet the criteria/i },
    headline: "A sign-in policy refused this HVE account",
    meaning:
      "The password may well be right, but a policy refused the HVE account's sign-in: most likely a Conditional Access policy that blocks legacy authentication (SMTP with a password) or requires MFA.",
    causes: [
      "A Conditional Access policy that blocks legacy authentication covers the HVE account.",
      "A Conditional Access policy requires MFA, which SMTP with a password cannot do.",
    ],
    fix: [
      "Find the failed sign-in of {mailbox} in the Microsoft Entra sign-in logs (the first read-only check) to see which policy refused it.",
      "If it is a policy that blocks legacy authentication: Microsoft lists excluding the account from it as a fix. Do that only if your security policy allows it.",
      "Otherwise sign in with OAuth 2.0: an Entra app with Mail.Send (Office 365 Exchange Online, application) on the HVE account's Allowed Apps (command below).",
    ],
    commands: [CONNECT, ALLOW_APP],
    checks: [CHECK.signInLog, CHECK.securityDefaults],
    who: "m365-admin",
    retry: false,
    sources: [
      SOURCES.fix,
      SOURCES.entraSignInLog,
      SOURCES.observedConditionalAccess,
      SOURCES.hveOAuth,
      SOURCES.hveAddAppAccess,
    ],
    unconfirmed:
      "Microsoft does not document this reply: its wording comes from public logs of mailboxes, none of an HVE account, and reading it as a Conditional Access block is the community's interpretation.",
  },
  {
    id: "hve-app-not-allowed",
    side: "server",
    match: {
      method: ["hve"],
      signIn: ["oauth-app"],
      enhanced: ["5.7.3"],
      text: /Authentication unsuccessful/i,
    },
    headline: "The HVE account does not allow this app",
    meaning:
      "The token was issued, but Exchange Online does not let app {clientId} send as the HVE account {mailbox}: an HVE account takes OAuth only from the apps on its Allowed Apps list, with the Mail.Send application permission.",
    causes: [
      "App {clientId} is not on the Allowed Apps list of {mailbox}.",
      "It was added less than 5 minutes ago: a change takes up to 5 minutes.",
      "The app lacks the Office 365 Exchange Online application permission Mail.Send, or its admin consent.",
    ],
    fix: [
      "Add the app to the HVE account's Allowed Apps (command below). An HVE account allows up to ten apps.",
      "Wait up to 5 minutes, then test again.",
      "If the app is on the list already: in its API permissions, add Office 365 Exchange Online → Application permissions → Mail.Send, and grant admin consent.",
    ],
    commands: [CONNECT_TENANT, ALLOW_APP],
    checks: [
      {
        layer: "The HVE account's Allowed Apps",
        command: "(Get-HVEAccountSettings -Identity {mailbox}).AllowedApps",
        reading: "{clientId} must be listed; an HVE account allows up to ten apps.",
      },
      {
        layer: "The Mail.Send permission and admin consent",
        place: `${ENTRA_APP} → API permissions`,
        reading:
          '"Office 365 Exchange Online · Mail.Send · Application" with "Granted for <your organisation>".',
      },
    ],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.hveOAuth, SOURCES.hveAddAppAccess, SOURCES.hveAllowedAppsList],
    unconfirmed:
      "Microsoft does not publish what HVE answers a token it refuses: this is Exchange Online's XOAUTH2 refusal (535 5.7.3), read this way when the test signed in to HVE with an app-only token.",
  },

  // ── Azure Communication Services ──────────────────────────────────────────────────────────
  {
    id: "acs-authentication-unsuccessful",
    side: "server",
    // One reply for every sign-in the service refuses: the secret and the role cannot be told
    // apart from it, so the checks below go through them in order.
    match: { signIn: ["app-secret"], enhanced: ["5.7.3"], text: /Authentication unsuccessful/i },
    headline: "Azure Communication Services refused the app's sign-in",
    meaning:
      "smtp.azurecomm.net signs in to Microsoft Entra with the app and client secret that the username and password name, and sends only for an app with a role on the Communication Services resource. It gives the same reply whichever of these failed.",
    causes: [
      "The client secret is wrong: its Secret ID was copied instead of its Value, it expired, or it belongs to another app.",
      `The app has no role on the Communication Services resource with ${ACS_ROLE_PERMISSIONS}.`,
      "A part of the username is wrong: the Communication Services resource's name (not the Email Communication Services resource's), the Application (client) ID or the Directory (tenant) ID; or no SMTP Username of that name exists.",
    ],
    fix: [
      "Type a current client secret's Value as the password. The Value is shown only when the secret is created: if nobody kept it, create a new secret.",
      `Give the app a role on the Communication Services resource (Access control (IAM) → Add role assignment): Contributor, or a custom role with ${ACS_ROLE_PERMISSIONS}.`,
      "Compare the username with the resource's and the app's Overview pages, or compose it again in the Account step.",
    ],
    checks: [
      APP_CHECK.secrets,
      {
        layer: "The app's role on the resource",
        place:
          "Azure portal → the Communication Services resource → Access control (IAM) → Role assignments",
        reading: `The app must be listed with Contributor, or with a custom role that has ${ACS_ROLE_PERMISSIONS}.`,
      },
      {
        layer: "The username",
        place:
          "Azure portal → the Communication Services resource → Overview (its name), and the app's Overview page in the Microsoft Entra admin center (its two IDs)",
        reading:
          "<resource name>|<Application (client) ID>|<Directory (tenant) ID>, or an SMTP Username made for the resource and linked to the app.",
      },
    ],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.acsSmtp, SOURCES.acsSmtpUsername, SOURCES.observedAcsAuthentication],
    unconfirmed:
      "Microsoft does not document the replies of smtp.azurecomm.net: this one is observed after an OAuth sign-in, and no public log shows it for a wrong secret or a missing role over AUTH LOGIN.",
  },
  {
    id: "acs-sender-domain-not-linked",
    side: "server",
    // ACS's own wording: it applies to a pasted reply too.
    match: { enhanced: ["5.1.7"], text: /sender domain has not been linked/i },
    headline: "The From address's domain is not connected to the Communication Services resource",
    meaning:
      "Azure Communication Services sends only from MailFrom addresses of the domains connected to the resource, and the domain of {from} is not one of them.",
    causes: [
      "The domain is verified in the Email Communication Services resource but not connected to this Communication Services resource.",
      "The From address is in a domain that was never added to Azure Communication Services, such as the organisation's Microsoft 365 domain.",
    ],
    fix: [
      "Set the From address to a MailFrom address of a connected domain. A domain starts with donotreply@ (donotreply@<guid>.azurecomm.net for an Azure managed domain).",
      "Or verify the domain in the Email Communication Services resource, then connect it to the Communication Services resource.",
    ],
    checks: [
      {
        layer: "The connected domains",
        place: "Azure portal → the Communication Services resource → Email → Domains",
        reading:
          "The domain of {from} must be listed. Its MailFrom addresses are on that domain's page in the Email Communication Services resource.",
      },
    ],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.acsMailFrom, SOURCES.acsConnectDomain, SOURCES.observedAcsDomainNotLinked],
    unconfirmed:
      "Microsoft does not document the replies of smtp.azurecomm.net: this one comes from public logs (its text through .NET's SmtpClient, the whole 501 5.1.7 line through JavaMail).",
  },
]
