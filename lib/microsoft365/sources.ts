/**
 * Microsoft pages the product's facts come from. Each constant is cited next to the entries that use it;
 * the team's notes with quotes and dates are in shared/reference/microsoft-365-smtp.md.
 */
export const SOURCES = {
  /** "How to set up a multifunction device or application to send email using Microsoft 365". */
  mfd: {
    title: "Microsoft Learn: set up a device or application to send email using Microsoft 365",
    url: "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365",
  },
  /** "Fix issues with printers, scanners, and LOB applications that send email using Microsoft 365". */
  fix: {
    title:
      "Microsoft Learn: fix issues with printers, scanners and LOB applications that send email",
    url: "https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/fix-issues-with-printers-scanners-and-lob-applications-that-send-email-using-off",
  },
  /** "Enable or disable SMTP AUTH in Exchange Online". */
  smtpAuth: {
    title: "Microsoft Learn: enable or disable SMTP AUTH in Exchange Online",
    url: "https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission",
  },
  /** CIS Microsoft 365 benchmark item naming the EAC switch for tenant-wide SMTP AUTH. */
  cisSmtpAuth: {
    title:
      "CIS Microsoft 365 Foundations v4.0.0: SMTP AUTH is disabled (Exchange admin center path)",
    url: "https://www.tenable.com/audits/items/CIS_Microsoft_365_Foundations_v4.0.0_L1_E5.audit:e88578edee7228aebb06b8667fbe538e",
  },
  /** Exchange Team blog, 27 Jan 2026 (v3.0, 29 Jan 2026): the current Basic auth timeline. */
  basicAuthTimeline: {
    title:
      "Exchange Team blog (27 Jan 2026): updated SMTP AUTH Basic authentication deprecation timeline",
    url: "https://techcommunity.microsoft.com/blog/exchange/updated-exchange-online-smtp-auth-basic-authentication-deprecation-timeline/4489835",
  },
  /** Entra ID security defaults. */
  securityDefaults: {
    title: "Microsoft Learn: security defaults in Microsoft Entra ID",
    url: "https://learn.microsoft.com/en-us/entra/fundamentals/security-defaults",
  },
  /** App passwords for per-user MFA. */
  appPasswords: {
    title: "Microsoft Learn: enforce Microsoft Entra multifactor authentication with app passwords",
    url: "https://learn.microsoft.com/en-us/entra/identity/authentication/howto-mfa-app-passwords",
  },
  /** Non-delivery reports in Exchange Online (NDR code table). */
  ndr: {
    title: "Microsoft Learn: email non-delivery reports in Exchange Online",
    url: "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online",
  },
  /** SMTP AUTH submission limits and 4.3.2 / 5.2.x replies. */
  submissionImprovements: {
    title: "Microsoft Learn: SMTP submission improvements (limits and replies)",
    url: "https://learn.microsoft.com/en-us/troubleshoot/exchange/send-emails/smtp-submission-improvements",
  },
  /** Legacy TLS opt-in endpoint. */
  legacyTls: {
    title: "Microsoft Learn: opt-in endpoint for legacy TLS clients using SMTP AUTH",
    url: "https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/opt-in-exchange-online-endpoint-for-legacy-tls-using-smtp-auth",
  },
  /** The retired regional host names. */
  regionalHosts: {
    title: "Microsoft Learn: error when connecting to Exchange Online via an SMTP client",
    url: "https://learn.microsoft.com/en-us/troubleshoot/exchange/send-emails/error-when-connecting-to-exchange-online-via-smtp-client",
  },
  /** 5.7.64 TenantAttribution. */
  ndr5764: {
    title: "Microsoft Learn: fix NDR error code 5.7.64 in Exchange Online",
    url: "https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/fix-error-code-5-7-64-in-exchange-online",
  },
  /** 5.7.57 client not authenticated. */
  ndr5757: {
    title: "Microsoft Learn: fix NDR error code 5.7.57 in Exchange Online",
    url: "https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/fix-error-code-5-7-57-in-exchange-online",
  },
  /** Reject Direct Send (550 5.7.68), Exchange Team blog 2025. */
  rejectDirectSend: {
    title:
      "Exchange Team blog (2025): introducing more control over Direct Send in Exchange Online",
    url: "https://techcommunity.microsoft.com/blog/exchange/introducing-more-control-over-direct-send-in-exchange-online/4408790",
  },
  /** mx.microsoft provisioning change, MC1048624 (updated 2 Feb 2026), read through a public mirror. */
  mxMicrosoft: {
    title: "Message Center MC1048624 (updated 2 Feb 2026): DNS provisioning moves to mx.microsoft",
    url: "https://mc.merill.net/message/MC1048624/compare/2025-08-06T19-56-26-147Z/2026-02-02T21-52-05-96Z",
  },
  /** Continuous-error throttling for SMTP AUTH (5.2.251-255). */
  continuousErrorThrottling: {
    title: "Microsoft Learn: continuous error throttling for SMTP AUTH submissions",
    url: "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/continuous-error-throttling-smtp-auth-submissions",
  },
  /** The nodemailer maintainer on "wrong version number" (implicit TLS against a STARTTLS port). */
  nodemailerWrongVersion: {
    title: "nodemailer issue 1461: wrong version number with secure: true on port 587",
    url: "https://github.com/nodemailer/nodemailer/issues/1461",
  },
  /** OAuth for SMTP (XOAUTH2). */
  oauth: {
    title: "Microsoft Learn: authenticate an IMAP, POP or SMTP connection using OAuth",
    url: "https://learn.microsoft.com/en-us/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth",
  },
} as const satisfies Record<string, { title: string; url: string }>
