/**
 * Microsoft pages the product's facts come from. Each constant is cited next to the entries that use it;
 * the team's notes with quotes and dates are in shared/reference/microsoft-365-smtp.md.
 *
 * One export per page, read as `import * as SOURCES from "@/lib/microsoft365/sources"` and
 * `SOURCES.mfd`: the bundler then ships to the browser only the pages that code running there cites.
 */

/** A page a fact comes from. */
export interface Source {
  title: string
  url: string
}

/** "How to set up a multifunction device or application to send email using Microsoft 365". */
export const mfd = {
  title: "Microsoft Learn: set up a device or application to send email using Microsoft 365",
  url: "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365",
} as const satisfies Source

/** "Fix issues with printers, scanners, and LOB applications that send email using Microsoft 365". */
export const fix = {
  title: "Microsoft Learn: fix issues with printers, scanners and LOB applications that send email",
  url: "https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/fix-issues-with-printers-scanners-and-lob-applications-that-send-email-using-off",
} as const satisfies Source

/** "Enable or disable SMTP AUTH in Exchange Online". */
export const smtpAuth = {
  title: "Microsoft Learn: enable or disable SMTP AUTH in Exchange Online",
  url: "https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission",
} as const satisfies Source

/**
 * "High Volume Email for Microsoft 365": its comparison table names the service endpoint
 * "smtp.hve.mx.microsoft (recommended) or smtp-hve.office365.com (will be deprecated in the
 * future)", port 587. Read through a public mirror of the page.
 */
export const hve = {
  title: "Microsoft Learn: High Volume Email for Microsoft 365",
  url: "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/high-volume-mails-m365",
} as const satisfies Source

/**
 * Message center MC1243552 (updated 20 May 2026), read through a public mirror: High Volume Email is
 * generally available (rollout late March to early April 2026); billing from 1 June 2026 at "$42 per
 * one million recipients", counted as expanded delivered recipients.
 */
export const hveGeneralAvailability = {
  title:
    "Microsoft 365 message center MC1243552 (updated 20 May 2026): High Volume Email GA and pricing",
  url: "https://mc.merill.net/message/MC1243552",
} as const satisfies Source

/**
 * Petri (2025) on Microsoft's HVE update: internal recipients only from June 2025, and Basic
 * authentication for HVE accounts supported "until September 2028".
 */
export const hveInternalOnly = {
  title: "Petri: High Volume Email limited to internal recipients; Basic auth until September 2028",
  url: "https://petri.com/high-volume-email-delivery-internal-recipients/",
} as const satisfies Source

/** OAuth for HVE accounts: an Entra app allowed per HVE account with Add-HVEAppAccess. */
export const hveOAuth = {
  title: "Microsoft Learn: OAuth authentication for High Volume Email",
  url: "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/oauth-high-volume-mails-m365",
} as const satisfies Source

/** CIS Microsoft 365 benchmark item naming the EAC switch for tenant-wide SMTP AUTH. */
export const cisSmtpAuth = {
  title: "CIS Microsoft 365 Foundations v4.0.0: SMTP AUTH is disabled (Exchange admin center path)",
  url: "https://www.tenable.com/audits/items/CIS_Microsoft_365_Foundations_v4.0.0_L1_E5.audit:e88578edee7228aebb06b8667fbe538e",
} as const satisfies Source

/** Exchange Team blog, 27 Jan 2026 (v3.0, 29 Jan 2026): the current Basic auth timeline. */
export const basicAuthTimeline = {
  title:
    "Exchange Team blog (27 Jan 2026): updated SMTP AUTH Basic authentication deprecation timeline",
  url: "https://techcommunity.microsoft.com/blog/exchange/updated-exchange-online-smtp-auth-basic-authentication-deprecation-timeline/4489835",
} as const satisfies Source

/** Entra ID security defaults. */
export const securityDefaults = {
  title: "Microsoft Learn: security defaults in Microsoft Entra ID",
  url: "https://learn.microsoft.com/en-us/entra/fundamentals/security-defaults",
} as const satisfies Source

/** App passwords for per-user MFA. */
export const appPasswords = {
  title: "Microsoft Learn: enforce Microsoft Entra multifactor authentication with app passwords",
  url: "https://learn.microsoft.com/en-us/entra/identity/authentication/howto-mfa-app-passwords",
} as const satisfies Source

/** Non-delivery reports in Exchange Online (NDR code table). */
export const ndr = {
  title: "Microsoft Learn: email non-delivery reports in Exchange Online",
  url: "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online",
} as const satisfies Source

/** SMTP AUTH submission limits and 4.3.2 / 5.2.x replies. */
export const submissionImprovements = {
  title: "Microsoft Learn: SMTP submission improvements (limits and replies)",
  url: "https://learn.microsoft.com/en-us/troubleshoot/exchange/send-emails/smtp-submission-improvements",
} as const satisfies Source

/** Legacy TLS opt-in endpoint. */
export const legacyTls = {
  title: "Microsoft Learn: opt-in endpoint for legacy TLS clients using SMTP AUTH",
  url: "https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/opt-in-exchange-online-endpoint-for-legacy-tls-using-smtp-auth",
} as const satisfies Source

/** The retired regional host names. */
export const regionalHosts = {
  title: "Microsoft Learn: error when connecting to Exchange Online via an SMTP client",
  url: "https://learn.microsoft.com/en-us/troubleshoot/exchange/send-emails/error-when-connecting-to-exchange-online-via-smtp-client",
} as const satisfies Source

/** 5.7.64 TenantAttribution. */
export const ndr5764 = {
  title: "Microsoft Learn: fix NDR error code 5.7.64 in Exchange Online",
  url: "https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/fix-error-code-5-7-64-in-exchange-online",
} as const satisfies Source

/** 5.7.57 client not authenticated. */
export const ndr5757 = {
  title: "Microsoft Learn: fix NDR error code 5.7.57 in Exchange Online",
  url: "https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/fix-error-code-5-7-57-in-exchange-online",
} as const satisfies Source

/** Reject Direct Send (550 5.7.68), Exchange Team blog 2025. */
export const rejectDirectSend = {
  title: "Exchange Team blog (2025): introducing more control over Direct Send in Exchange Online",
  url: "https://techcommunity.microsoft.com/blog/exchange/introducing-more-control-over-direct-send-in-exchange-online/4408790",
} as const satisfies Source

/**
 * "DNS records for Office 365 GCC High": the MX record is *tenant*.mail.protection.office365.us, the
 * first part of the default tenant name (contoso.onmicrosoft.us → contoso). "DNS records for Office
 * 365 DoD" (learn.microsoft.com/en-us/microsoft-365/enterprise/dns-records-for-office-365-dod) gives
 * the same format.
 */
export const gccHighDns = {
  title: "Microsoft Learn: DNS records for Office 365 GCC High",
  url: "https://learn.microsoft.com/en-us/microsoft-365/enterprise/dns-records-for-office-365-gcc-high",
} as const satisfies Source

/** mx.microsoft provisioning change, MC1048624 (updated 2 Feb 2026), read through a public mirror. */
export const mxMicrosoft = {
  title: "Message Center MC1048624 (updated 2 Feb 2026): DNS provisioning moves to mx.microsoft",
  url: "https://mc.merill.net/message/MC1048624/compare/2025-08-06T19-56-26-147Z/2026-02-02T21-52-05-96Z",
} as const satisfies Source

/** Continuous-error throttling for SMTP AUTH (5.2.251-255). */
export const continuousErrorThrottling = {
  title: "Microsoft Learn: continuous error throttling for SMTP AUTH submissions",
  url: "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/continuous-error-throttling-smtp-auth-submissions",
} as const satisfies Source

/** The nodemailer maintainer on "wrong version number" (implicit TLS against a STARTTLS port). */
export const nodemailerWrongVersion = {
  title: "nodemailer issue 1461: wrong version number with secure: true on port 587",
  url: "https://github.com/nodemailer/nodemailer/issues/1461",
} as const satisfies Source

/** OAuth for SMTP (XOAUTH2). */
export const oauth = {
  title: "Microsoft Learn: authenticate an IMAP, POP or SMTP connection using OAuth",
  url: "https://learn.microsoft.com/en-us/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth",
} as const satisfies Source

/** Exchange Team blog, Apr 2024 (updated 11 Jun 2025): the 550 5.7.30 reply after Basic auth retires. */
export const basicAuthRetirement = {
  title:
    "Exchange Team blog (2024, updated June 2025): Exchange Online to retire Basic auth for client submission",
  url: "https://techcommunity.microsoft.com/t5/exchange-team-blog/exchange-online-to-retire-basic-auth-for-client-submission-smtp/ba-p/4114750",
} as const satisfies Source

/** Message Center MC786329 (updated 27 Jan 2026), read through a public mirror. */
export const mc786329 = {
  title:
    "Message Center MC786329 (updated 27 Jan 2026): SMTP AUTH Basic authentication deprecation",
  url: "https://mc.merill.net/message/MC786329/compare/2026-01-27T20-11-01-253Z/2024-04-26T00-17-12-6Z",
} as const satisfies Source

/** Authentication policies: -AllowBasicAuthSmtp. */
export const authenticationPolicy = {
  title: "Microsoft Learn: New-AuthenticationPolicy (AllowBasicAuthSmtp)",
  url: "https://learn.microsoft.com/powershell/module/exchange/New-AuthenticationPolicy",
} as const satisfies Source

/** Finding a failed sign-in in the Microsoft Entra sign-in log (page dated 15 Apr 2024). */
export const entraSignInLog = {
  title: "Microsoft Learn: analyze a failed sign-in with the Microsoft Entra sign-in log",
  url: "https://learn.microsoft.com/en-us/entra/identity/monitoring-health/quickstart-analyze-sign-in",
} as const satisfies Source

/** 5.1.8 bad outbound sender. */
export const ndr518 = {
  title: "Microsoft Learn: fix NDR error code 5.1.8 in Exchange Online",
  url: "https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/fix-error-code-5-1-8-in-exchange-online",
} as const satisfies Source

/** 550 5.7.1, including the sending IP on Microsoft's blocklist. */
export const ndr5501 = {
  title: "Microsoft Learn: fix NDR error code 550 5.7.1 in Exchange Online",
  url: "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-550-5-7-1-in-exchange-online",
} as const satisfies Source

/** 451 4.7.500-699 (ASxxx): IP throttling. */
export const ndr451 = {
  title: "Microsoft Learn: fix NDR error code 451 4.7.500-699 (ASxxx) in Exchange Online",
  url: "https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/fix-error-code-451-4-7-500-699-asxxx-in-exchange-online",
} as const satisfies Source

/** 5.7.700 through 5.7.750: tenant and IP blocks, unregistered domains. */
export const ndr5700 = {
  title: "Microsoft Learn: fix NDR error codes 5.7.700 through 5.7.750 in Exchange Online",
  url: "https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/fix-error-code-5-7-700-through-5-7-750",
} as const satisfies Source

/** 550 5.7.193 when external senders write to a Microsoft 365 group. */
export const ndr57193 = {
  title: "Microsoft Learn: 550 5.7.193 when external users send to a Microsoft 365 group",
  url: "https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/550-5-7-193-when-external-users-send-to-microsoft-365-group",
} as const satisfies Source

/** Daily recipient limit: "the sender's submission quota was exceeded". */
export const submissionQuota = {
  title: "Microsoft Learn: fix the submission quota exceeded error in Exchange Online",
  url: "https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/fix-error-for-submission-quota-exceeded-in-exchange-online",
} as const satisfies Source

/** Directory-Based Edge Blocking: 550 5.4.1 for recipients missing from the directory. */
export const directoryBasedEdgeBlocking = {
  title: "Microsoft Learn: Directory-Based Edge Blocking",
  url: "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/use-directory-based-edge-blocking",
} as const satisfies Source

/** Azure Communication Services Email over SMTP (the route for high-volume external mail). */
export const acsSmtp = {
  title: "Microsoft Learn: Azure Communication Services Email, SMTP authentication",
  url: "https://learn.microsoft.com/en-us/azure/communication-services/quickstarts/email/send-email-smtp/smtp-authentication",
} as const satisfies Source

/**
 * An SMTP Username resource of Azure Communication Services (REST API 2024-09-01-preview and
 * later): its username "could be free form or in the email address format", linked to an Entra
 * application and tenant.
 */
export const acsSmtpUsername = {
  title: "Microsoft Learn: SmtpUsernameProperties (Azure Communication Services management API)",
  url: "https://learn.microsoft.com/en-us/javascript/api/@azure/arm-communication/smtpusernameproperties",
} as const satisfies Source

/**
 * Azure Communication Services Email, adding sender addresses: a provisioned domain starts with
 * the MailFrom address donotreply@ (for an Azure managed domain, donotreply@<guid>.azurecomm.net),
 * and more MailFrom addresses can be added per domain.
 */
export const acsMailFrom = {
  title: "Microsoft Learn: add multiple sender addresses (Azure Communication Services Email)",
  url: "https://learn.microsoft.com/en-us/azure/communication-services/quickstarts/email/add-multiple-senders",
} as const satisfies Source

/** An observed 421 4.7.66 (TLS 1.0/1.1 refused) from smtp.office365.com. */
export const observedLegacyTls = {
  title: "sendEmail issue 1: 421 4.7.66 TLS 1.0 and 1.1 are not supported (observed reply)",
  url: "https://github.com/zehm/sendEmail/issues/1",
} as const satisfies Source

/** An observed outbound-spam restriction (554 5.2.0 OutboundSpamException, WASCL verdict). */
export const observedOutboundSpam = {
  title: "nodemailer issue 1486: 554 5.2.0 OutboundSpamException (observed reply)",
  url: "https://github.com/nodemailer/nodemailer/issues/1486",
} as const satisfies Source

/** The localized "did not meet the criteria" reply, the only public log the reference found. */
export const observedConditionalAccess = {
  title: "gophish issue 3220: 535 5.7.139 the request did not meet the criteria (observed reply)",
  url: "https://github.com/gophish/gophish/issues/3220",
} as const satisfies Source

/** Google Cloud blocks outbound port 25 (quoted in a GitLab merge request). */
export const cloudPort25 = {
  title: "GitLab charts MR 647: port 25 is blocked on Google Cloud (cloud providers block port 25)",
  url: "https://gitlab.com/gitlab-org/charts/gitlab/-/merge_requests/647",
} as const satisfies Source

/** Exchange Online limits (recipients per message and per day, messages per minute). */
export const exchangeLimits = {
  title: "Microsoft Learn: Exchange Online limits",
  url: "https://learn.microsoft.com/en-us/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits",
} as const satisfies Source

/** SPF for Microsoft 365 domains. */
export const spf = {
  title: "Microsoft Learn: set up SPF to identify valid email sources for your domain",
  url: "https://learn.microsoft.com/en-us/defender-office-365/email-authentication-spf-configure",
} as const satisfies Source

/** DKIM signing for custom domains. */
export const dkim = {
  title: "Microsoft Learn: set up DKIM to sign mail from your domain",
  url: "https://learn.microsoft.com/en-us/defender-office-365/email-authentication-dkim-configure",
} as const satisfies Source

/** DMARC for Microsoft 365 domains. */
export const dmarc = {
  title: "Microsoft Learn: set up DMARC to validate the From address domain",
  url: "https://learn.microsoft.com/en-us/defender-office-365/email-authentication-dmarc-configure",
} as const satisfies Source

/** Outlook.com's requirements for high-volume senders (550 5.7.515), observed and documented in a public code list. */
export const observedAuthLevel = {
  title:
    "smtp-codes PR 7: 550 5.7.515 Access denied, sending domain does not meet the required authentication level",
  url: "https://github.com/fm/smtp-codes/pull/7",
} as const satisfies Source

/** The standard meaning of enhanced status codes. */
export const rfc3463 = {
  title: "RFC 3463: Enhanced Mail System Status Codes",
  url: "https://www.rfc-editor.org/rfc/rfc3463",
} as const satisfies Source

/** The standard meaning of SMTP reply codes (2xx, 4xx, 5xx). */
export const rfc5321 = {
  title: "RFC 5321: Simple Mail Transfer Protocol (reply codes, section 4.2)",
  url: "https://www.rfc-editor.org/rfc/rfc5321",
} as const satisfies Source

/** Microsoft identity platform: the AADSTS error code reference. */
export const aadstsErrorCodes = {
  title: "Microsoft Learn: Microsoft Entra authentication and authorization error codes (AADSTS)",
  url: "https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes",
} as const satisfies Source

/** OAuth 2.0 client credentials grant on the Microsoft identity platform. */
export const clientCredentialsFlow = {
  title: "Microsoft Learn: OAuth 2.0 client credentials flow on the Microsoft identity platform",
  url: "https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-client-creds-grant-flow",
} as const satisfies Source

/** OAuth 2.0 device authorization grant on the Microsoft identity platform. */
export const deviceCodeFlow = {
  title: "Microsoft Learn: OAuth 2.0 device authorization grant (device code flow)",
  url: "https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-device-code",
} as const satisfies Source

/** RBAC for Applications for SMTP (ms.date 17 Oct 2025). */
export const smtpAppRbac = {
  title: "Microsoft Learn: RBAC for Applications with SMTP (Application SMTP.SendAsApp role)",
  url: "https://learn.microsoft.com/en-us/exchange/client-developer/legacy-protocols/smtp-app-rbac-onboarding",
} as const satisfies Source

/** A Graph .default token used for SMTP gets 535 5.7.3 (Microsoft Q&A). */
export const graphTokenForSmtp = {
  title: "Microsoft Q&A: sending email using JavaMail with OAuth2 and SMTP (Graph token refused)",
  url: "https://learn.microsoft.com/en-us/answers/questions/1110981/sending-email-using-javmail-with-oauth2-and-smtp",
} as const satisfies Source

/** AADSTS7000215 verbatim from the token endpoint, in a public log. */
export const observedInvalidSecret = {
  title: "microsoft-365-agents-toolkit issue 8621: AADSTS7000215 Invalid client secret provided",
  url: "https://github.com/OfficeDev/microsoft-365-agents-toolkit/issues/8621",
} as const satisfies Source

/** AADSTS7000222 verbatim, in a public log. */
export const observedSecretExpired = {
  title: "dotnet/sign issue 849: AADSTS7000222 the provided client secret keys are expired",
  url: "https://github.com/dotnet/sign/issues/849",
} as const satisfies Source

/** AADSTS700016 verbatim, in a public log. */
export const observedAppNotFound = {
  title: "oneindex issue 621: AADSTS700016 application was not found in the directory",
  url: "https://github.com/donwa/oneindex/issues/621",
} as const satisfies Source

/** AADSTS90002 verbatim, in a public log. */
export const observedTenantNotFound = {
  title: "azure-cli issue 22145: AADSTS90002 tenant not found",
  url: "https://github.com/Azure/azure-cli/issues/22145",
} as const satisfies Source

/** AADSTS65001 verbatim, in a public log. */
export const observedConsentMissing = {
  title:
    "aspnet-connect-rest-sample issue 33: AADSTS65001 the user or administrator has not consented",
  url: "https://github.com/microsoftgraph/aspnet-connect-rest-sample/issues/33",
} as const satisfies Source

/** AADSTS7000218 from the device code flow's token request, in a public log. */
export const observedPublicClientFlows = {
  title: "azure-docs issue 31986: AADSTS7000218 after a device code request",
  url: "https://github.com/MicrosoftDocs/azure-docs/issues/31986",
} as const satisfies Source

/** AADSTS50194 verbatim, in a public log. */
export const observedNotMultiTenant = {
  title: "react-microsoft-login issue 73: AADSTS50194 not configured as a multi-tenant application",
  url: "https://github.com/alexandrtovmach/react-microsoft-login/issues/73",
} as const satisfies Source

/** AADSTS70016 verbatim, in a public log. */
export const observedAuthorizationPending = {
  title: "ESPTeamsPresence issue 49: AADSTS70016 authorization is pending",
  url: "https://github.com/toblum/ESPTeamsPresence/issues/49",
} as const satisfies Source

/** AADSTS70020 verbatim, in a public log. */
export const observedDeviceCodeExpired = {
  title: "azure-cli issue 22251: AADSTS70020 this device code has expired",
  url: "https://github.com/Azure/azure-cli/issues/22251",
} as const satisfies Source

/** 501 5.5.124 for a malformed XOAUTH2 string (observed; not in Microsoft's docs). */
export const observedXoauth2Malformed = {
  title: "sasl-xoauth2 issue 110: 501 5.5.124 Invalid XOAUTH2 auth data",
  url: "https://github.com/tarickb/sasl-xoauth2/issues/110",
} as const satisfies Source

/**
 * Azure Communication Services Email, adding a custom domain: ownership is verified by a TXT
 * record, then sender authentication by SPF and DKIM records. Its tables give the records for
 * sales.us.notification.azurecommtest.net: SPF TXT "v=spf1 include:spf.protection.outlook.com
 * -all", DKIM CNAME selector1-azurecomm-prod-net._domainkey →
 * selector1-azurecomm-prod-net._domainkey.azurecomm.net and DKIM2 the same with selector2; names
 * are relative to the zone they are added in. Read from MicrosoftDocs/azure-docs,
 * articles/communication-services/quickstarts/email/includes/create-custommanaged-domain-resource-azp.md
 * (the portal tab of the page; version of 04/2024).
 */
export const acsCustomDomain = {
  title: "Microsoft Learn: add custom verified email domains (Azure Communication Services)",
  url: "https://learn.microsoft.com/en-us/azure/communication-services/quickstarts/email/add-custom-verified-domains",
} as const satisfies Source

/**
 * Azure Communication Services, troubleshooting domain configuration: the verification TXT
 * "should be similar to this example: ms-domain-verification=43d01b7e-996b-4e31-8159-f10119c2087a"
 * on the domain itself (nslookup -q=TXT YourCustomDomain.com); the SPF record "v=spf1
 * include:spf.protection.outlook.com -all", and "If your SPF records contain ~all the SPF
 * verification fails"; DKIM and DKIM2 are the CNAMEs selector1-azurecomm-prod-net._domainkey and
 * selector2-azurecomm-prod-net._domainkey under the domain. Read from MicrosoftDocs/azure-docs,
 * articles/communication-services/concepts/email/email-domain-configuration-troubleshooting.md
 * (version of 04/2024).
 */
export const acsDomainTroubleshooting = {
  title:
    "Microsoft Learn: troubleshooting domain configuration issues (Azure Communication Services Email)",
  url: "https://learn.microsoft.com/en-us/azure/communication-services/concepts/email/email-domain-configuration-troubleshooting",
} as const satisfies Source

/**
 * The verification records Azure's management API returns for a custom domain, recorded by
 * Microsoft in Azure PowerShell's Az.Communication tests (Get-AzEmailServiceDomain, Feb 2024):
 * Domain, TXT on the domain, "ms-domain-verification=<GUID>"; SPF, TXT on the domain, "v=spf1
 * include:spf.protection.outlook.com -all"; DKIM and DKIM2, the two azurecomm-prod-net CNAMEs
 * above. The token differs per domain; the SPF and DKIM values are the same as the docs'.
 */
export const acsDomainRecordsObserved = {
  title:
    "Azure PowerShell tests: Get-AzEmailServiceDomain recording (verification records of a custom domain)",
  url: "https://github.com/Azure/azure-powershell/blob/8005f65760367e000701d1d6be07679ac0c4646e/src/Communication/EmailService.Autorest/test/Get-AzEmailServiceDomain.Recording.json",
} as const satisfies Source

/**
 * Azure Communication Services Email, Azure managed domains: "No domain verification required";
 * Azure Communication Services "automatically configures the required email authentication
 * protocols"; the sender domain and usernames "can't be personalized", with "very limited
 * sending volume". Read from MicrosoftDocs/azure-docs, add-azure-managed-domains.md.
 */
export const acsManagedDomain = {
  title: "Microsoft Learn: add Azure Managed Domains to email (Azure Communication Services)",
  url: "https://learn.microsoft.com/en-us/azure/communication-services/quickstarts/email/add-azure-managed-domains",
} as const satisfies Source

/**
 * Azure Communication Services Email, domains and sender authentication: an Azure managed domain
 * sends from addresses like "donotreply@xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.azurecomm.net" and
 * "will be pre-configured with required sender authentication support".
 */
export const acsDomainTypes = {
  title:
    "Microsoft Learn: email domains and sender authentication for Azure Communication Services",
  url: "https://learn.microsoft.com/en-us/azure/communication-services/concepts/email/email-domain-and-sender-authentication",
} as const satisfies Source

/**
 * Azure Communication Services Email, sender authentication best practices: the MX record "is
 * used to route email to the correct server" (it names the server that accepts mail for the
 * domain); DMARC policies should be "p=reject" where possible, "p=quarantine" otherwise, with p=none
 * as a transitional state, and every DMARC record should have a rua tag.
 */
export const acsAuthenticationPractices = {
  title:
    "Microsoft Learn: best practices for sender authentication support (Azure Communication Services)",
  url: "https://learn.microsoft.com/en-us/azure/communication-services/concepts/email/email-authentication-best-practice",
} as const satisfies Source

/**
 * Add-HVEAppAccess: adds Entra apps to an HVE account's Allowed Apps list, "up to ten allowed apps"
 * per account; "Changes can take up to 5 minutes to take effect."
 */
export const hveAddAppAccess = {
  title: "Microsoft Learn: Add-HVEAppAccess (Exchange Online PowerShell)",
  url: "https://learn.microsoft.com/en-us/powershell/module/exchangepowershell/add-hveappaccess",
} as const satisfies Source

/**
 * Remove-HVEAppAccess, whose AppIds parameter says how to see an HVE account's Allowed Apps:
 * "(Get-HVEAccountSettings -Identity HVEAccount01@tailspintoys.com).AllowedApps".
 */
export const hveAllowedAppsList = {
  title: "Microsoft Learn: Remove-HVEAppAccess (listing an HVE account's Allowed Apps)",
  url: "https://learn.microsoft.com/en-us/powershell/module/exchangepowershell/remove-hveappaccess",
} as const satisfies Source

/**
 * smtp.azurecomm.net refusing a sign-in with "535: 5.7.3 Authentication unsuccessful" (as MailKit
 * prints the reply), after XOAUTH2 with a token for https://communication.azure.com/.default.
 */
export const observedAcsAuthentication = {
  title:
    "MailKit issue 1967: 535 5.7.3 Authentication unsuccessful from smtp.azurecomm.net (observed reply)",
  url: "https://github.com/jstedfast/MailKit/issues/1967",
} as const satisfies Source

/**
 * Azure Communication Services refusing a MailFrom address of a domain not connected to the
 * resource over SMTP: "The server response was: 5.1.7 The specified sender domain has not been
 * linked." A domain is connected per Communication Services resource.
 */
export const observedAcsDomainNotLinked = {
  title:
    "azure-docs issue 123379: 5.1.7 The specified sender domain has not been linked (observed)",
  url: "https://github.com/MicrosoftDocs/azure-docs/issues/123379",
} as const satisfies Source

/** Connecting a verified email domain to a Communication Services resource. */
export const acsConnectDomain = {
  title: "Microsoft Learn: connect a verified email domain (Azure Communication Services)",
  url: "https://learn.microsoft.com/en-us/azure/communication-services/quickstarts/email/connect-email-communication-resource",
} as const satisfies Source

/**
 * "Plus addressing in Exchange Online": mail to user+tag@domain is delivered to user@domain, and
 * plus addressing is on in every organization unless an admin turned it off.
 */
export const plusAddressing = {
  title: "Microsoft Learn: plus addressing in Exchange Online",
  url: "https://learn.microsoft.com/en-us/exchange/recipients-in-exchange-online/plus-addressing-in-exchange-online",
} as const satisfies Source

/**
 * Azure Communication Services' SMTP endpoint offers AUTH LOGIN only, no PLAIN: "ACS
 * (smtp.azurecomm.net) only advertises AUTH LOGIN, so it rejects the mechanism before it even looks
 * at the credentials" (Notifuse issue 368, 2026, with the 504 it got for AUTH PLAIN); the same in
 * statusnook pull request 3 ("smtp.azurecomm.net on port 587 which only supports LOGIN").
 */
export const observedAcsLoginOnly = {
  title: "Notifuse issue 368: AUTH PLAIN refused by Azure Communication Services (LOGIN only)",
  url: "https://github.com/Notifuse/notifuse/issues/368",
} as const satisfies Source

/**
 * "Troubleshoot issues with High Volume Email for Microsoft 365", read through a public mirror of the
 * current page: a printer or app uses smtp.hve.mx.microsoft, port 587, "TLS/StartTLS Enabled" and
 * the HVE account's credentials or an OAuth token; it "can send email from any email address, that
 * is associated with an HVE account" (the page's earlier version); 535 5.7.139 means Security
 * defaults or an authentication policy without AllowBasicAuthSmtp blocks the HVE account's Basic
 * authentication.
 */
export const hveTroubleshoot = {
  title: "Microsoft Learn: troubleshoot issues with High Volume Email for Microsoft 365",
  url: "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/troubleshoot-high-volume-email-m365",
} as const satisfies Source

// ── Diagnose a pasted error (issue 21): the replies, programs and routes it reads ─────────────

/**
 * RFC 4954 (SMTP AUTH): a server rejects AUTH with 504 when the requested mechanism is not
 * supported or needs an encryption layer the session does not have yet.
 */
export const rfc4954 = {
  title: "RFC 4954: SMTP Service Extension for Authentication",
  url: "https://www.rfc-editor.org/rfc/rfc4954",
} as const satisfies Source

/**
 * "504 5.7.4 Unrecognized authentication type [YQXPR0101CA0010.CANPRD01.PROD.OUTLOOK.COM]" from
 * smtp.office365.com to Ruby's Net::SMTP, gone once the client signed in with :login.
 */
export const observedUnrecognizedAuthType = {
  title:
    "mail (Ruby) issue 1357: 504 5.7.4 Unrecognized authentication type from Office 365 (observed)",
  url: "https://github.com/mikel/mail/issues/1357",
} as const satisfies Source

/**
 * MailKit's "No compatible authentication mechanisms found": its maintainer explains that the
 * server listed no mechanism MailKit can use ("If none, then the server doesn't support
 * authentication").
 */
export const observedNoCompatibleMechanisms = {
  title: "MailKit issue 531: No compatible authentication mechanisms found",
  url: "https://github.com/jstedfast/MailKit/issues/531",
} as const satisfies Source

/** "response: Mailbox cannot be accessed [CWXP265CA0023.GBRP265.PROD.OUTLOOK.COM]', responseCode: 550". */
export const observedMailboxCannotBeAccessed = {
  title: "nodemailer issue 949: 550 Mailbox cannot be accessed after AUTH LOGIN (observed)",
  url: "https://github.com/nodemailer/nodemailer/issues/949",
} as const satisfies Source

/**
 * Outlook.com's "550 5.7.1 Unfortunately, messages from [IP] weren't sent ... part of their network
 * is on our block list (S3140)", and Microsoft's answer to the delisting request ("Not qualified
 * for mitigation ... reply to this email with a detailed description").
 */
export const observedOutlookComBlock = {
  title: "ubikom issue 26: Outlook.com block list (S3140) and Microsoft's delisting answer",
  url: "https://github.com/regnull/ubikom/issues/26",
} as const satisfies Source

/** The Outlook.com deliverability support request form, where a sender asks for delisting. */
export const outlookComDeliverabilityForm = {
  title: "Microsoft: Outlook.com deliverability support request (delisting form)",
  url: "https://go.microsoft.com/fwlink/?LinkID=614866",
} as const satisfies Source

/**
 * A hosting provider's account of Microsoft's two block lists (Outlook.com consumer, with S3140
 * and S3150, and Office 365), that IP addresses on Spamhaus are blocked too, and the delisting
 * route for each.
 */
export const hostingMicrosoftBlocklists = {
  title: "Hetzner Docs: Microsoft blacklist (S3140, S3150, Spamhaus) and delisting",
  url: "https://docs.hetzner.com/robot/dedicated-server/troubleshooting/microsoft-blacklist",
} as const satisfies Source

/** "451 4.7.651 The mail server [IP] has been temporarily rate limited due to IP reputation ... (S844)". */
export const observedIpReputationRateLimit = {
  title: "Mailu issue 3013: 451 4.7.651 rate limited due to IP reputation (observed)",
  url: "https://github.com/Mailu/Mailu/issues/3013",
} as const satisfies Source

/** "550 5.7.1 Service unavailable, Client host [IP] blocked using Spamhaus ... (AS3130)". */
export const observedSpamhausListing = {
  title: "SendGrid docs issue 6275: blocked using Spamhaus at Microsoft's service (observed)",
  url: "https://github.com/sendgrid/docs/issues/6275",
} as const satisfies Source

/**
 * "4.7.0 Temporary server error. Please try again later. PRX4" from smtp.office365.com and
 * outlook.office365.com; the MailKit maintainer reads it as a temporary server-side error.
 */
export const observedProxyTemporaryError = {
  title: "MailKit issue 566: 4.7.0 Temporary server error. Please try again later. PRX4",
  url: "https://github.com/jstedfast/MailKit/issues/566",
} as const satisfies Source

/** "4.3.111 Temporary server error. Please try again later MRH1", now and again, after DATA. */
export const observedTemporaryServerError = {
  title: "seq-app-htmlemail issue 101: 4.3.111 Temporary server error (observed)",
  url: "https://github.com/datalust/seq-app-htmlemail/issues/101",
} as const satisfies Source

/** Where an admin sees whether Exchange Online has an incident. */
export const serviceHealth = {
  title: "Microsoft Learn: how to check Microsoft 365 service health",
  url: "https://learn.microsoft.com/en-us/microsoft-365/enterprise/view-service-health",
} as const satisfies Source

/**
 * The per-mailbox external recipient limit was cancelled; "the tenant-level TERRL will continue
 * to be enforced" (Exchange team, quoted by Petri). Its reply, 5.7.233, is in the team's notes of
 * December 2026 (reference §1e).
 */
export const tenantExternalRecipientLimit = {
  title: "Petri: Exchange Online cancels the mailbox external recipient limit (TERRL stays)",
  url: "https://petri.com/exchange-online-cancels-external-recipient-limit/",
} as const satisfies Source

/**
 * Microsoft's German page on continuous-error throttling, with the replies in German: "550 5.2.251
 * Der Absender wurde aufgrund fortlaufender Fehler „Postfach voll“ gedrosselt." and the others.
 */
export const continuousErrorThrottlingGerman = {
  title: "Microsoft Learn (Deutsch): kontinuierliche Fehlerdrosselung für SMTP AUTH",
  url: "https://learn.microsoft.com/de-de/exchange/mail-flow-best-practices/continuous-error-throttling-smtp-auth-submissions",
} as const satisfies Source

/** Microsoft's German page on 5.1.8: "550 5.1.8 Zugriff verweigert, ungültiger ausgehender Absender". */
export const ndr518German = {
  title: "Microsoft Learn (Deutsch): NDR-Fehlercode 550 5.1.8",
  url: "https://learn.microsoft.com/de-de/exchange/troubleshoot/email-delivery/ndr/fix-error-code-5-1-8-in-exchange-online",
} as const satisfies Source

/** nodemailer's SMTP options: secure, requireTLS, authMethod. */
export const nodemailerSmtpOptions = {
  title: "nodemailer: SMTP transport options",
  url: "https://nodemailer.com/smtp/",
} as const satisfies Source

/** "LOGIN and PLAIN are two authMethods that nodemailer provides. switched to LOGIN and worked." */
export const nodemailerAuthMethodLogin = {
  title: "nodemailer issue 1480: authMethod 'LOGIN' instead of the default PLAIN",
  url: "https://github.com/nodemailer/nodemailer/issues/1480",
} as const satisfies Source

/** PHPMailer's SMTPSecure, Port and AuthType properties. */
export const phpMailerProperties = {
  title: "PHPMailer: class reference (SMTPSecure, Port, AuthType)",
  url: "https://phpmailer.github.io/PHPMailer/classes/PHPMailer-PHPMailer-PHPMailer.html",
} as const satisfies Source

/** smtplib.SMTP.starttls() before login(); SMTP_SSL for implicit TLS. */
export const pythonSmtplib = {
  title: "Python documentation: smtplib (starttls, SMTP_SSL)",
  url: "https://docs.python.org/3/library/smtplib.html",
} as const satisfies Source

/** The SMTP provider's properties: mail.smtp.starttls.enable, mail.smtp.auth.mechanisms, mail.smtp.ssl.protocols. */
export const jakartaMailSmtp = {
  title: "JavaMail: com.sun.mail.smtp properties",
  url: "https://javaee.github.io/javamail/docs/api/com/sun/mail/smtp/package-summary.html",
} as const satisfies Source

/** SecureSocketOptions.StartTls versus SslOnConnect. */
export const mailkitSecureSocketOptions = {
  title: "MailKit: SecureSocketOptions",
  url: "https://mimekit.net/docs/html/T_MailKit_Security_SecureSocketOptions.htm",
} as const satisfies Source

/** SmtpClient.EnableSsl: STARTTLS on a plain connection. */
export const dotnetEnableSsl = {
  title: "Microsoft Learn: SmtpClient.EnableSsl",
  url: "https://learn.microsoft.com/en-us/dotnet/api/system.net.mail.smtpclient.enablessl",
} as const satisfies Source

/** Which .NET Framework versions offer TLS 1.2, and ServicePointManager.SecurityProtocol. */
export const dotnetTlsBestPractices = {
  title: "Microsoft Learn: Transport Layer Security best practices with .NET Framework",
  url: "https://learn.microsoft.com/en-us/dotnet/framework/network-programming/tls",
} as const satisfies Source

/** Action Mailer's SMTP settings: :authentication (:plain, :login, :cram_md5), :enable_starttls_auto. */
export const railsActionMailerSmtp = {
  title: "Rails Guides: Action Mailer configuration (smtp_settings)",
  url: "https://guides.rubyonrails.org/action_mailer_basics.html#action-mailer-configuration",
} as const satisfies Source
