import { SOURCES } from "@/lib/microsoft365/sources"
import type { Actor, DiagnosisSource, StageId } from "@/lib/smtp/types"

/**
 * Known failures, as data. An entry matches when every matcher it sets matches; the first match
 * wins, so specific entries come before general ones. Reply texts are Microsoft 365's, verbatim
 * (shared/reference/microsoft-365-smtp.md §4). Placeholders in fix steps and commands:
 * {mailbox} (the sign-in address), {from}, {host}, {port}.
 */
export interface CatalogEntry {
  id: string
  match: {
    /** Pattern on the server's reply text (the whole reply, code included). */
    reply?: RegExp
    /** Our error code (EAUTH, ESOCKET, ETIMEDOUT, EGUARD...). */
    code?: readonly string[]
    /** The low-level cause (ECONNREFUSED, ERR_SSL_WRONG_VERSION_NUMBER, GREETING_TIMEOUT...). */
    cause?: readonly string[]
    stage?: readonly StageId[]
    port?: readonly number[]
  }
  headline: string
  meaning: string
  fix: readonly string[]
  commands?: readonly string[]
  who: Actor
  retry: boolean
  sources: readonly DiagnosisSource[]
}

const EXCHANGE_POWERSHELL = "Connect-ExchangeOnline -UserPrincipalName admin@yourdomain.com"

export const CATALOG: readonly CatalogEntry[] = [
  // ── Authentication: the 535 5.7.139 variants (reference §4, "Authentication") ──────────────
  {
    id: "smtp-auth-disabled-tenant",
    match: { reply: /^535 5\.7\.139 .*SmtpClientAuthentication is disabled for the Tenant/i },
    headline: "SMTP AUTH is turned off for your whole tenant",
    meaning:
      "The password was not even checked: the organisation-wide switch that allows SMTP AUTH is off. Tenants created after January 2020 start with it off.",
    fix: [
      "Turn SMTP AUTH on for just this mailbox (recommended: the per-mailbox setting overrides the tenant's): Microsoft 365 admin center → Users → Active users → {mailbox} → Mail → Manage email apps → tick Authenticated SMTP.",
      "Or with Exchange Online PowerShell, the per-mailbox override shown below.",
      "Only if many mailboxes need it: turn it on for the tenant (Exchange admin center → Settings → Mail flow → untick Turn off SMTP AUTH protocol for your organization).",
    ],
    commands: [
      EXCHANGE_POWERSHELL,
      "Set-CASMailbox -Identity {mailbox} -SmtpClientAuthenticationDisabled $false",
      "# check: False = on, True = off, empty = follows the tenant setting",
      "Get-CASMailbox -Identity {mailbox} | Format-List SmtpClientAuthenticationDisabled",
      "Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled",
    ],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.smtpAuth, SOURCES.cisSmtpAuth, SOURCES.fix],
  },
  {
    id: "smtp-auth-disabled-mailbox",
    match: { reply: /^535 5\.7\.139 .*SmtpClientAuthentication is disabled for the Mailbox/i },
    headline: "SMTP AUTH is turned off for this mailbox",
    meaning: "The mailbox's own setting blocks SMTP AUTH, whatever the tenant allows.",
    fix: [
      "Microsoft 365 admin center → Users → Active users → {mailbox} → Mail → Manage email apps → tick Authenticated SMTP.",
      "Or with Exchange Online PowerShell (below).",
    ],
    commands: [
      EXCHANGE_POWERSHELL,
      "Set-CASMailbox -Identity {mailbox} -SmtpClientAuthenticationDisabled $false",
      "Get-CASMailbox -Identity {mailbox} | Format-List SmtpClientAuthenticationDisabled",
    ],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.smtpAuth],
  },
  {
    id: "security-defaults",
    match: { reply: /^535 5\.7\.139 .*security defaults/i },
    headline: "Security defaults block SMTP AUTH for this account",
    meaning:
      "Microsoft Entra security defaults block every sign-in by older protocols such as SMTP AUTH with a password, whatever the SMTP AUTH switches say.",
    fix: [
      "Best: use a method that does not sign in with a password: SMTP relay through a connector, Direct Send (internal recipients only), or OAuth 2.0.",
      "Or turn security defaults off in Microsoft Entra ID and protect sign-ins with Conditional Access instead. This weakens the tenant's protection if nothing replaces it.",
    ],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.securityDefaults, SOURCES.smtpAuth],
  },
  {
    id: "basic-auth-disabled",
    match: { reply: /^535 5\.7\.139 .*basic authentication is disabled/i },
    headline: "Basic authentication (password sign-in) is blocked for SMTP",
    meaning:
      "SMTP AUTH is allowed, but not with a password or app password: an authentication policy or the tenant's Basic authentication setting blocks it. Microsoft is retiring Basic authentication for SMTP AUTH (off by default for existing tenants from the end of December 2026, per its 27 January 2026 timeline).",
    fix: [
      "Move the app to OAuth 2.0 (XOAUTH2) if it supports it, or to SMTP relay through a connector.",
      "If the block comes from an authentication policy, check -AllowBasicAuthSmtp on the policy assigned to the user (below). After December 2026 Microsoft may use another switch: its follow-up announcement had not been published when this was written.",
    ],
    commands: [
      EXCHANGE_POWERSHELL,
      "Get-AuthenticationPolicy | Format-List Name,AllowBasicAuthSmtp",
    ],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.basicAuthTimeline, SOURCES.smtpAuth],
  },
  {
    id: "conditional-access",
    match: { reply: /^535 5\.7\.139 .*did not meet the criteria/i },
    headline: "A sign-in policy refused this sign-in",
    meaning:
      "The credentials may be right, but a Conditional Access policy (typically one that blocks legacy authentication, or requires MFA) refused the sign-in.",
    fix: [
      "Look up the sign-in of {mailbox} in the Microsoft Entra sign-in logs to see which policy refused it.",
      "Exclude this mailbox from that policy only if your security policy allows it; otherwise use SMTP relay through a connector or OAuth 2.0.",
    ],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.fix],
  },
  {
    id: "federated-sts",
    match: { reply: /^535 5\.7\.139 .*federated STS/i },
    headline: "Your on-premises sign-in service (AD FS) could not be reached",
    meaning:
      "The domain signs in through federation, and Microsoft 365 could not reach the federation service over HTTPS with TLS 1.2.",
    fix: [
      "Make sure the AD FS / STS endpoint is reachable from the internet over HTTPS and supports TLS 1.2.",
      "Or use a cloud-only mailbox for sending.",
    ],
    who: "m365-admin",
    retry: true,
    sources: [SOURCES.fix],
  },
  {
    id: "credentials-incorrect",
    match: { reply: /^535 5\.7\.139 .*credentials were incorrect/i },
    headline: "Wrong username or password",
    meaning:
      "Microsoft 365 rejected the username and password. The username must be the full address the mailbox signs in with.",
    fix: [
      "Check the username is the full sign-in address (user principal name), for example {mailbox}.",
      "Retype the password. If the account uses MFA, a normal password is refused: use an app password (if allowed) or, better, OAuth 2.0 or SMTP relay.",
      "Sign in at https://outlook.office.com with the same credentials to confirm them.",
    ],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.fix],
  },
  {
    id: "auth-unsuccessful",
    match: { reply: /^535 5\.7\.3 /i },
    headline: "Authentication unsuccessful",
    meaning:
      "Microsoft 365 refused the sign-in without saying why. The usual causes, most likely first: wrong password, MFA on the account, SMTP AUTH off for the mailbox, security defaults, or a Conditional Access policy blocking legacy authentication.",
    fix: [
      "Confirm the credentials by signing in at https://outlook.office.com as {mailbox}.",
      "Check SMTP AUTH for the mailbox and the tenant (commands below): False means on.",
      "Check the Microsoft Entra sign-in logs for {mailbox} to see MFA or a Conditional Access policy failing.",
    ],
    commands: [
      EXCHANGE_POWERSHELL,
      "Get-CASMailbox -Identity {mailbox} | Format-List SmtpClientAuthenticationDisabled",
      "Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled",
    ],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.fix],
  },
  {
    id: "basic-auth-retired",
    match: { reply: /^550 5\.7\.30 /i },
    headline: "Basic authentication is no longer accepted for SMTP AUTH",
    meaning:
      "This is the reply Microsoft announced for Basic authentication (password or app password) once it is retired for client submission.",
    fix: [
      "Switch the app to OAuth 2.0 (XOAUTH2), or to SMTP relay through a connector, or to Direct Send for internal recipients.",
    ],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.basicAuthTimeline],
  },
  {
    id: "not-authenticated",
    match: { reply: /^530 5\.7\.57 /i },
    headline: "The server expected a sign-in first",
    meaning:
      "smtp.office365.com only accepts mail from a signed-in mailbox, and this session sent MAIL FROM without signing in.",
    fix: [
      "Enter the mailbox's username and password (SMTP AUTH), or, if the device cannot sign in, send to your MX endpoint on port 25 instead (Direct Send or SMTP relay).",
    ],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.ndr5757, SOURCES.fix],
  },

  // ── Sender, throttling and quotas ──────────────────────────────────────────────────────────
  {
    id: "throttled-continuous-errors",
    match: { reply: /Sender throttled due to continuous/i },
    headline: "This mailbox is temporarily blocked after repeated errors",
    meaning:
      "After many failed submissions of the same kind (mailbox full, Send As denied, invalid recipients...), Microsoft 365 blocks the mailbox from SMTP AUTH for a while. Support cannot lift it.",
    fix: [
      "Fix the underlying error named in the reply first (for Send As: make the From address match the mailbox or grant Send As).",
      "Then wait: the block ends by itself.",
    ],
    who: "app-owner",
    retry: true,
    sources: [SOURCES.continuousErrorThrottling],
  },
  {
    id: "send-as-denied",
    match: { reply: /SendAsDenied|5\.7\.60 /i },
    headline: "This mailbox may not send as that From address",
    meaning:
      "With SMTP AUTH the From address must be the signed-in mailbox, unless that mailbox has Send As permission on the other address.",
    fix: [
      "Simplest: set the From address to {mailbox}.",
      "Or grant {mailbox} Send As permission on {from} (PowerShell below).",
      "Or send through SMTP relay, which allows any address in your domains.",
    ],
    commands: [
      EXCHANGE_POWERSHELL,
      "Add-RecipientPermission -Identity {from} -Trustee {mailbox} -AccessRights SendAs",
    ],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.fix],
  },
  {
    id: "thread-limit",
    match: { reply: /^432 4\.3\.2 /i },
    headline: "Too many connections from this mailbox at once",
    meaning: "Microsoft 365 allows three concurrent SMTP AUTH connections per mailbox.",
    fix: [
      "Retry in a moment.",
      "If several devices share this mailbox, give each its own, or send through SMTP relay.",
    ],
    who: "app-owner",
    retry: true,
    sources: [SOURCES.submissionImprovements],
  },
  {
    id: "quota-exceeded",
    match: { reply: /SubmissionQuotaExceeded|^554 5\.2\.2 .*mailbox full|QuotaExceeded/i },
    headline: "A sending limit or the mailbox quota was reached",
    meaning:
      "Either the mailbox reached its sending limits (10,000 recipients a day, 30 messages a minute for SMTP AUTH) or the mailbox is full (Sent Items count toward it).",
    fix: [
      "For a full mailbox: free space or raise the quota; SMTP AUTH keeps a copy in Sent Items.",
      "For the daily limit: wait, or move bulk sending to a service meant for it.",
    ],
    who: "m365-admin",
    retry: true,
    sources: [SOURCES.submissionImprovements],
  },
  {
    id: "bad-outbound-sender",
    match: { reply: /5\.1\.8 .*bad outbound sender/i },
    headline: "This account is blocked from sending (suspected spam)",
    meaning:
      "Microsoft 365 restricted the account after it sent what looked like spam; it is often a sign that the account was compromised.",
    fix: [
      "Secure the account first (reset the password, review sign-ins).",
      "Then remove it from Restricted entities at https://security.microsoft.com/restrictedusers. Sending resumes within a few hours.",
    ],
    who: "m365-admin",
    retry: false,
    sources: [
      {
        title: "Microsoft Learn: fix NDR error code 5.1.8 in Exchange Online",
        url: "https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/fix-error-code-5-1-8-in-exchange-online",
      },
    ],
  },

  // ── Relay and routing ──────────────────────────────────────────────────────────────────────
  {
    id: "tenant-attribution",
    match: { reply: /5\.7\.64 /i },
    headline: "No connector recognises this sender (TenantAttribution)",
    meaning:
      "The inbound connector for relay no longer matches: the sending public IP or certificate changed, or the connector is missing.",
    fix: [
      "Exchange admin center → Mail flow → Connectors → the connector from your organisation's email server: make sure it lists your current public IP (or the certificate's domain).",
      "Update the SPF record with the new IP too.",
    ],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.ndr5764],
  },
  {
    id: "direct-send-rejected",
    match: { reply: /5\.7\.68 /i },
    headline: "Direct Send is turned off for this organisation",
    meaning:
      "The tenant rejects anonymous mail from its own domains (RejectDirectSend) unless it arrives through an inbound connector.",
    fix: [
      "Create a partner inbound connector for the device's public IP or certificate, or send with SMTP AUTH.",
      "To check the setting: Get-OrganizationConfig | Format-List RejectDirectSend.",
    ],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.rejectDirectSend],
  },
  {
    id: "relay-denied",
    match: { reply: /Unable to relay|Relay Access Denied/i },
    headline: "Relaying to that recipient is not allowed",
    meaning:
      "The MX endpoint only delivers to your own domains unless a connector recognises the sender. Direct Send cannot reach external recipients (Gmail, Yahoo...).",
    fix: [
      "To reach external recipients, use SMTP AUTH (smtp.office365.com, 587), or create an inbound connector that recognises your static public IP (SMTP relay).",
      "If the recipient should be internal, check it is in one of your accepted domains.",
    ],
    who: "m365-admin",
    retry: false,
    sources: [SOURCES.mfd, SOURCES.ndr],
  },
  {
    id: "recipient-rejected",
    match: { reply: /^550 5\.4\.1 |5\.1\.10 /i },
    headline: "The recipient does not exist in this tenant",
    meaning: "Microsoft 365 checks recipients against the directory and refused this address.",
    fix: ["Check the recipient address for typos, or send the test to an existing mailbox."],
    who: "app-owner",
    retry: false,
    sources: [
      {
        title: "Microsoft Learn: Directory-Based Edge Blocking",
        url: "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/use-directory-based-edge-blocking",
      },
      SOURCES.ndr,
    ],
  },

  // ── TLS ────────────────────────────────────────────────────────────────────────────────────
  {
    id: "starttls-required",
    match: { reply: /^451 5\.7\.3 STARTTLS is required/i },
    headline: "The server requires STARTTLS",
    meaning: "Microsoft 365 refuses mail over an unencrypted connection on this endpoint.",
    fix: ['Set Security to STARTTLS (often called "TLS" rather than "SSL" in device menus).'],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.fix],
  },
  {
    id: "legacy-tls",
    match: { reply: /^421 4\.7\.66 /i },
    headline: "The client's TLS version is too old",
    meaning: "Microsoft 365 requires TLS 1.2 or later.",
    fix: [
      "Update the device's firmware or the app's runtime so it supports TLS 1.2.",
      "As a stopgap the tenant can opt in to smtp-legacy.office365.com (Set-TransportConfig -AllowLegacyTLSClients $true); not available in GCC, GCC High or DoD.",
    ],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.legacyTls],
  },
  {
    id: "implicit-tls-on-starttls-port",
    match: { cause: ["ERR_SSL_WRONG_VERSION_NUMBER", "ERR_SSL_PACKET_LENGTH_TOO_LONG"] },
    headline: "Wrong security type: this port expects STARTTLS, not implicit TLS",
    meaning:
      "The client started TLS right away, but the server on port {port} answers in plain text first and upgrades with STARTTLS. Microsoft 365 does not offer implicit TLS.",
    fix: [
      'Set Security to STARTTLS on port 587 (in code: secure: false with requireTLS: true; in devices: "TLS" or "STARTTLS", not "SSL").',
    ],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.nodemailerWrongVersion, SOURCES.mfd],
  },
  {
    id: "starttls-not-offered",
    match: { code: ["ETLS"], stage: ["tls"], reply: /^[45]\d\d / },
    headline: "The server did not accept STARTTLS; credentials were not sent",
    meaning:
      "STARTTLS was requested but the server refused it, so the connection could not be encrypted. smtp365 stopped before sending anything sensitive.",
    fix: [
      "Check the server name and port: Microsoft 365 offers STARTTLS on smtp.office365.com:587 and on your MX endpoint on port 25.",
      "Something between you and the server (a firewall doing SMTP inspection, an antivirus proxy) may strip STARTTLS: test from another network.",
    ],
    who: "network-team",
    retry: false,
    sources: [SOURCES.fix],
  },
  {
    id: "certificate-expired",
    match: { cause: ["CERT_HAS_EXPIRED", "CERT_NOT_YET_VALID"] },
    headline: "The server's certificate has expired (or is not yet valid)",
    meaning:
      "Microsoft 365's certificates are always current, so this usually means something in between (a proxy or firewall) answered instead, or the machine's clock is wrong.",
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
    match: { cause: ["ERR_TLS_CERT_ALTNAME_INVALID"] },
    headline: "The server's certificate is for another name",
    meaning:
      "The certificate does not cover the server name you entered. Connecting by IP address, or through an intercepting proxy, causes this.",
    fix: [
      "Use the host name (smtp.office365.com or your MX endpoint), never an IP address.",
      "Check no SMTP proxy or firewall intercepts TLS.",
    ],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.mfd],
  },
  {
    id: "certificate-untrusted",
    match: {
      cause: [
        "DEPTH_ZERO_SELF_SIGNED_CERT",
        "SELF_SIGNED_CERT_IN_CHAIN",
        "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
        "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
      ],
    },
    headline: "The server's certificate is not trusted",
    meaning:
      "The certificate was not issued by a trusted authority. Microsoft 365 uses public certificates, so a self-signed or unknown one means another server answered (often an intercepting proxy).",
    fix: [
      "Check the server name points to Microsoft 365.",
      "Check no SMTP proxy or antivirus intercepts TLS on this network.",
    ],
    who: "network-team",
    retry: false,
    sources: [SOURCES.fix],
  },
  {
    id: "credentials-without-tls",
    match: { code: ["ENOTLS"] },
    headline: "Stopped before AUTH: the connection is not encrypted",
    meaning:
      "Security is set to None, so the password would have crossed the network in plain text. smtp365 never does that, and Microsoft 365 requires TLS to sign in anyway.",
    fix: ["Set Security to STARTTLS (port 587), then test again."],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.fix],
  },

  // ── Network, names and timeouts ────────────────────────────────────────────────────────────
  {
    id: "host-not-allowed",
    match: { code: ["EGUARD"] },
    headline: "This server is not one smtp365 may connect to",
    meaning:
      "smtp365 only connects to Microsoft 365's SMTP endpoints, plus any hosts its administrator listed in SMTP365_ALLOWED_HOSTS. Nothing was sent.",
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
    match: { code: ["EDNS"] },
    headline: "The server name could not be found",
    meaning: "The name did not resolve to an address.",
    fix: [
      "Check the spelling of {host}.",
      "For Direct Send and relay, read your domain's MX record for the exact endpoint (for example nslookup -type=mx yourdomain.com).",
    ],
    who: "app-owner",
    retry: true,
    sources: [SOURCES.mfd],
  },
  {
    id: "connection-refused",
    match: { cause: ["ECONNREFUSED"] },
    headline: "Connection refused on port {port}",
    meaning:
      "Something answered at {host} but nothing accepts connections on port {port}, or a firewall actively rejected it.",
    fix: [
      "Check the port: 587 for SMTP AUTH, 25 for Direct Send and relay. Microsoft 365 does not offer 465.",
      "Check outbound firewall rules for port {port} on this network.",
    ],
    who: "network-team",
    retry: false,
    sources: [SOURCES.mfd, SOURCES.fix],
  },
  {
    id: "port-25-blocked",
    match: { cause: ["CONNECT_TIMEOUT", "ECONNRESET"], stage: ["connect"], port: [25] },
    headline: "No answer on port 25: outbound port 25 is probably blocked",
    meaning:
      "Most ISPs and cloud providers (Azure, AWS, Google Cloud and others) block outbound port 25, which Direct Send and relay need. Microsoft also does not support SMTP relay from Azure-hosted senders.",
    fix: [
      "Test from the device's own network (the Settings step has commands for that).",
      "Ask the network team or the provider to open outbound port 25, or switch to SMTP AUTH on port 587.",
    ],
    who: "network-team",
    retry: false,
    sources: [SOURCES.mfd, SOURCES.fix],
  },
  {
    id: "connect-timeout",
    match: { cause: ["CONNECT_TIMEOUT"], stage: ["connect"] },
    headline: "No answer on port {port}: a firewall is probably dropping the connection",
    meaning:
      "The connection attempt got no answer at all, which is what a firewall or ISP that blocks the port looks like.",
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
    match: { cause: ["GREETING_TIMEOUT"], port: [465] },
    headline: "No greeting on port 465: it expects implicit TLS",
    meaning:
      "The connection opened but the server waited for a TLS handshake while the client waited for a greeting. Microsoft 365 does not offer port 465 anyway.",
    fix: ["Use port 587 with STARTTLS."],
    who: "app-owner",
    retry: false,
    sources: [SOURCES.mfd],
  },
  {
    id: "greeting-timeout",
    match: { cause: ["GREETING_TIMEOUT"] },
    headline: "The server accepted the connection but never said hello",
    meaning:
      "The TCP connection opened but no SMTP greeting arrived in time. A firewall doing SMTP inspection, an overloaded server, or a port that expects implicit TLS can cause this.",
    fix: [
      "Check the port and security type (587 with STARTTLS for SMTP AUTH).",
      "Test from another network to rule out an intercepting firewall.",
    ],
    who: "network-team",
    retry: true,
    sources: [SOURCES.fix],
  },
  {
    id: "too-slow",
    match: { code: ["ETIMEDOUT", "ETOTAL"] },
    headline: "The server stopped answering",
    meaning: "The server did not answer a command in time, so the test was stopped.",
    fix: ["Try again in a few minutes; if it persists, test from another network."],
    who: "network-team",
    retry: true,
    sources: [SOURCES.fix],
  },
  {
    id: "connection-dropped",
    match: { code: ["ECONNECTION", "ESOCKET"] },
    headline: "The connection was closed unexpectedly",
    meaning:
      "The server or something in between closed the connection in the middle of the conversation.",
    fix: [
      "Try again; if it persists, check for a firewall or antivirus that inspects SMTP on this network.",
    ],
    who: "network-team",
    retry: true,
    sources: [SOURCES.fix],
  },
]

/** Used when nothing in the catalog matches: the reply is still shown verbatim. */
export const FALLBACK_ENTRY: CatalogEntry = {
  id: "unrecognised",
  match: {},
  headline: "The server refused the test",
  meaning: "smtp365 does not recognise this reply yet. The server's own words are above.",
  fix: [
    "Search Microsoft's non-delivery report reference for the status code in the reply.",
    'Microsoft\'s built-in diagnostic can help: Microsoft 365 admin center → Help & support → "Run Tests: Send email using Microsoft 365" (https://aka.ms/smtprelay).',
  ],
  who: "app-owner",
  retry: false,
  sources: [SOURCES.ndr, SOURCES.fix],
}
