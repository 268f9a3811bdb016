import type { CatalogCheck } from "./catalog-entry"

/**
 * Connects Exchange Online PowerShell, before a command that needs it. {admin} is an admin account
 * in the tenant's domain (admin@ the mailbox's domain): its shape, with the domain known.
 */
export const CONNECT = "Connect-ExchangeOnline -UserPrincipalName {admin}"

/**
 * Read-only checks, one per layer that can block a sign-in with a password: SMTP AUTH's, and an HVE
 * account's (route-catalog.ts). Shared by the catalog modules.
 */
export const CHECK = {
  credentials: {
    layer: "The username and password",
    place:
      "Outlook on the web (https://outlook.office.com), signed in as {mailbox} with the same password",
    reading:
      "Refused there too: the username or password is wrong. Accepted (perhaps after a second factor): the password is right and another layer below blocks SMTP.",
  },
  mailbox: {
    layer: "SMTP AUTH for this mailbox",
    command: "Get-CASMailbox -Identity {mailbox} | Format-List SmtpClientAuthenticationDisabled",
    reading:
      "False: on for this mailbox. True: off for this mailbox. Empty: the mailbox follows the organisation-wide setting.",
  },
  tenant: {
    layer: "SMTP AUTH for the whole organisation",
    command: "Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled",
    reading:
      "True: off for every mailbox that has no setting of its own. False: on. A mailbox's own setting wins over this one.",
  },
  securityDefaults: {
    layer: "Security defaults",
    place:
      "Microsoft Entra admin center → Entra ID → Overview → Properties → Manage security defaults (called Identity rather than Entra ID in older menus)",
    reading:
      "Enabled: every sign-in by SMTP with a password is blocked, whatever the SMTP AUTH settings say.",
  },
  signInLog: {
    layer: "Conditional Access, MFA and other sign-in policies",
    place:
      "Microsoft Entra admin center → Entra ID → Monitoring & health → Sign-in logs, filtered on the user {mailbox}: open the failed sign-in",
    reading:
      "Its details and sign-in error code say why the sign-in failed; Microsoft's lookup tool at https://login.microsoftonline.com/error explains the code.",
  },
  authPolicy: {
    layer: "Authentication policies (Basic authentication per protocol)",
    command: "Get-AuthenticationPolicy | Format-List Name,AllowBasicAuthSmtp",
    reading:
      "A policy with AllowBasicAuthSmtp False blocks password sign-in for SMTP for the users it applies to, even with SMTP AUTH on. No policies listed: this layer blocks nothing.",
  },
  basicReport: {
    layer: "Which senders still sign in with a password",
    place:
      "Exchange admin center: the SMTP AUTH Clients Submission Report, Authentication Protocol column",
    reading:
      "Basic: the sender signs in with a password or app password. OAuth: with a token. The report builds up over 90 days.",
  },
  federation: {
    layer: "The federation service (AD FS or another STS)",
    place: "The internet-facing address of your federation service",
    reading: "It must answer over HTTPS, with TLS 1.2, from outside your network.",
  },
  appSettings: {
    layer: "The app's own settings",
    place: "The SMTP settings of the app or device",
    reading:
      "Authentication must be on, with the full mailbox address as username and its password, and security set to STARTTLS.",
  },
} as const satisfies Record<string, CatalogCheck>
