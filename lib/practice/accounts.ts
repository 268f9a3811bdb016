/**
 * Practice mailboxes of the Microsoft 365 simulator, and the replies it sends. Data only: the
 * simulator (simulator.ts) decides when each one applies.
 *
 * How a scenario is chosen:
 * - submission role (smtp.office365.com:587): by the local part of the mailbox that signs in
 *   (PRACTICE_ACCOUNTS), in any accepted domain: `security-defaults@contoso.com`;
 * - mx role (Direct Send and relay to contoso-com.mail.protection.outlook.com:25), where nothing
 *   signs in: by the local part of the MAIL FROM address (PRACTICE_MX_SENDERS), in any domain:
 *   `blocklisted-ip@contoso.com`; and a recipient whose local part is MISSING_RECIPIENT_LOCAL_PART
 *   is missing from the directory.
 *
 * Reply lines are copied verbatim from /work/shared/reference/microsoft-365-smtp.md (sections 1, 2
 * and 4), each with the source the reference gives for it. Placeholders:
 * - `[host]` stands for the server name in brackets, as in the reference (`[PH7PR17MB1234...]`);
 * - `<server-name>` stands for the bare server name;
 * - `<auth-user>` and `<from>` stand for the signed-in user and the MAIL FROM address;
 * - `<client-ip>` stands for the client's address (the reference writes `x.x.x.x` or
 *   `IP1.IP2.IP3.IP4`).
 *
 * `stage` is where the simulator answers. Where the reference does not say at which command
 * Exchange Online answers, the choice is the simulator's and the scenario says so.
 */

export const PRACTICE_DOMAIN = "contoso.com"
export const DEFAULT_PRACTICE_PASSWORD = "practice"

/** Where a scenario answers: AUTH LOGIN, MAIL FROM, RCPT TO, or the reply after the end of DATA. */
export type PracticeStage = "auth" | "mail" | "rcpt" | "data"

export type PracticeScenario =
  | {
      outcome: "accepted"
      stage: "data"
      /** Send As granted: may use any address in the accepted domains as MAIL FROM. */
      sendAs: boolean
      /** Without Send As, the reply to a MAIL FROM other than the mailbox (default: SIMULATOR_REPLIES.sendAsDenied). */
      sendAsDeniedReply?: string
      /** Completes "use this mailbox to see …". */
      description: string
      source: string
    }
  | {
      outcome: "rejected"
      stage: PracticeStage
      reply: string
      description: string
      source: string
      /** The reference marks the wording or its meaning as not confirmed by Microsoft. */
      unconfirmed?: true
      /**
       * Also refuses an OAuth (XOAUTH2) sign-in. Only the SMTP AUTH switches do: the reference (§3)
       * says SMTP AUTH "must still be enabled" for OAuth, citing MailKit issue 700.
       */
      refusesOAuth?: true
    }

const MFD_DOC =
  "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365"
const FIX_DOC =
  "https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/fix-issues-with-printers-scanners-and-lob-applications-that-send-email-using-off"
const SUBMISSION_IMPROVEMENTS =
  "https://learn.microsoft.com/en-us/troubleshoot/exchange/send-emails/smtp-submission-improvements"
const CONTINUOUS_ERROR_THROTTLING =
  "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/continuous-error-throttling-smtp-auth-submissions"
const NDR_TABLE =
  "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online"
const NDR_5700 =
  "https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/fix-error-code-5-7-700-through-5-7-750"

/** Local part → scenario. Every practice mailbox exists in each accepted domain of a simulator. */
export const PRACTICE_ACCOUNTS = {
  sender: {
    outcome: "accepted",
    stage: "data",
    sendAs: false,
    description: "a successful send from a mailbox that sends as itself",
    source: MFD_DOC,
  },
  "send-as": {
    outcome: "accepted",
    stage: "data",
    sendAs: true,
    description: "a mailbox with Send As sending from another address in the organization",
    source: FIX_DOC,
  },
  "auth-disabled-tenant": {
    outcome: "rejected",
    stage: "auth",
    reply:
      "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [host]",
    description: "SMTP AUTH turned off for the whole organization",
    source: "https://github.com/nodemailer/nodemailer/issues/1484",
    refusesOAuth: true,
  },
  "auth-disabled-mailbox": {
    outcome: "rejected",
    stage: "auth",
    reply:
      "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.",
    description: "SMTP AUTH turned off for this one mailbox",
    refusesOAuth: true,
    // The reference saw this line in many repositories but names no single URL; this is the page
    // on the per-mailbox setting it describes.
    source:
      "https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission",
  },
  "basic-auth-disabled": {
    outcome: "rejected",
    stage: "auth",
    reply: "535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [host]",
    description: "password (Basic) sign-in blocked, for example by an authentication policy",
    source: "https://github.com/nodemailer/nodemailer/issues/1714",
  },
  "security-defaults": {
    outcome: "rejected",
    stage: "auth",
    reply:
      "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.",
    description: "Security defaults blocking the sign-in",
    // The reference found this line in public code but no public issue; this is Microsoft's page on
    // Security defaults blocking SMTP.
    source: "https://learn.microsoft.com/en-us/entra/fundamentals/security-defaults",
  },
  "conditional-access": {
    outcome: "rejected",
    stage: "auth",
    reply:
      "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.",
    description: "a Conditional Access policy refusing the sign-in",
    source: "https://github.com/gophish/gophish/issues/3220",
    unconfirmed: true,
  },
  "legacy-auth-blocked": {
    outcome: "rejected",
    stage: "auth",
    reply: "535 5.7.3 Authentication unsuccessful [host]",
    description:
      "the generic sign-in failure (MFA, Security defaults or a legacy authentication block)",
    source: FIX_DOC,
  },
  "basic-auth-retired": {
    outcome: "rejected",
    stage: "auth",
    reply: "550 5.7.30 Basic authentication is not supported for Client Submission.",
    description: "the reply once Microsoft switches Basic auth for SMTP AUTH off for good",
    source:
      "https://techcommunity.microsoft.com/t5/exchange-team-blog/exchange-online-to-retire-basic-auth-for-client-submission-smtp/ba-p/4114750",
  },
  "thread-limit": {
    outcome: "rejected",
    stage: "mail",
    reply: "432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded",
    description: "more than three connections at once for one mailbox",
    source: SUBMISSION_IMPROVEMENTS,
  },
  "quota-exceeded": {
    outcome: "rejected",
    stage: "data",
    reply: "554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException",
    description: "the daily limit of 10,000 recipients used up",
    source: SUBMISSION_IMPROVEMENTS,
  },
  "mailbox-full": {
    outcome: "rejected",
    stage: "data",
    reply:
      "554 5.2.2 mailbox full; STOREDRV.Submission.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded",
    description: "a sending mailbox over its storage quota (Sent Items counts)",
    source: SUBMISSION_IMPROVEMENTS,
  },
  "bad-outbound-sender": {
    outcome: "rejected",
    stage: "data",
    reply: "550 5.1.8 Access denied, bad outbound sender",
    description: "an account blocked from sending because it looked like a spammer",
    source:
      "https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/fix-error-code-5-1-8-in-exchange-online",
  },
  "federated-sts-unreachable": {
    outcome: "rejected",
    stage: "auth",
    reply: "535 5.7.139 Authentication unsuccessful, federated STS service was unreachable.",
    description: "a federated domain whose sign-in service (AD FS) Microsoft 365 could not reach",
    source: FIX_DOC,
  },
  "federated-sts-not-https": {
    outcome: "rejected",
    stage: "auth",
    // The reference writes this one "… the federated STS URL does not support HTTPS.", after the
    // unreachable variant; the elided start is that variant's.
    reply: "535 5.7.139 Authentication unsuccessful, the federated STS URL does not support HTTPS.",
    description: "a federated domain whose sign-in service (AD FS) is not reachable over HTTPS",
    source: FIX_DOC,
  },
  "legacy-tls": {
    outcome: "rejected",
    // Exchange Online refuses a TLS 1.0 or 1.1 client; this simulator only speaks TLS 1.2 and later,
    // so the mailbox gets the reply at AUTH instead.
    stage: "auth",
    reply:
      "421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls. [host]",
    description: "a client that only speaks TLS 1.0 or 1.1 (answered at AUTH here)",
    source: "https://github.com/zehm/sendEmail/issues/1",
  },
  "send-as-5-7-60": {
    outcome: "accepted",
    stage: "data",
    sendAs: false,
    // Answered after the end of DATA, as in the logs ("DATA END command failed").
    sendAsDeniedReply: "550 5.7.60 SMTP; Client does not have permissions to send as this sender",
    description:
      "a mailbox without Send As: change the From address to see the 5.7.60 wording of Send As denied",
    source: "https://github.com/gophish/gophish/issues/1600",
  },
  "send-as-5-2-0": {
    outcome: "accepted",
    stage: "data",
    sendAs: false,
    sendAsDeniedReply:
      "554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message Cannot submit message.",
    description:
      "a mailbox without Send As: change the From address to see the 5.2.0 wording of Send As denied",
    source: "https://github.com/MicrosoftDocs/OfficeDocs-Support/issues/1187",
  },
  // The five continuous-error throttles. Microsoft's page does not say at which command they
  // come; the simulator refuses MAIL FROM, before any message is taken.
  "throttled-mailbox-full": {
    outcome: "rejected",
    stage: "mail",
    reply: "550 5.2.251 Sender throttled due to continuous mailbox full errors.",
    description: "a mailbox throttled after sending again and again while its mailbox was full",
    source: CONTINUOUS_ERROR_THROTTLING,
  },
  "throttled-send-as-denied": {
    outcome: "rejected",
    stage: "mail",
    reply: "550 5.2.252 Sender throttled due to continuous send as denied errors.",
    description: "a mailbox throttled after sending again and again as an address it may not use",
    source: CONTINUOUS_ERROR_THROTTLING,
  },
  "throttled-invalid-license": {
    outcome: "rejected",
    stage: "mail",
    reply: "550 5.2.253 Sender throttled due to continuous invalid license errors.",
    description: "a mailbox throttled after sending again and again without a valid license",
    source: CONTINUOUS_ERROR_THROTTLING,
  },
  "throttled-too-many-recipients": {
    outcome: "rejected",
    stage: "mail",
    reply: "550 5.2.254 Sender throttled due to continuous too many recipients errors.",
    description: "a mailbox throttled after sending again and again to too many recipients",
    source: CONTINUOUS_ERROR_THROTTLING,
  },
  "throttled-invalid-recipients": {
    outcome: "rejected",
    stage: "mail",
    reply: "550 5.2.255 Sender throttled due to continuous invalid recipients errors.",
    description: "a mailbox throttled after sending again and again to invalid recipients",
    source: CONTINUOUS_ERROR_THROTTLING,
  },
  "outbound-spam": {
    outcome: "rejected",
    stage: "data",
    // The reference quotes this reply with its middle elided ("…"); this is a complete copy of the
    // same reply from a public log, with its host name replaced.
    reply:
      "554 5.2.0 STOREDRV.Submission.Exception:OutboundSpamException; Failed to process message due to a permanent exception with message WASCL UserAction verdict is not None. Actual verdict is HipNotify, ShowTierUpgrade. OutboundSpamException: WASCL UserAction verdict is not None. Actual verdict is HipNotify, ShowTierUpgrade. [Hostname=<server-name>]",
    description: "an account restricted by outbound spam protection (a WASCL verdict)",
    source: "https://github.com/DesertsP/Valine-Admin/issues/26",
  },
  // 5.7.501-503: the reference (from Microsoft's NDR table) gives the enhanced code and text but not
  // the basic code; 550 is this simulator's, and the stage too.
  "spam-abuse": {
    outcome: "rejected",
    stage: "data",
    reply: "550 5.7.501 Access denied, spam abuse detected",
    description: "an account banned for sending spam",
    source: NDR_TABLE,
    unconfirmed: true,
  },
  "banned-sender": {
    outcome: "rejected",
    stage: "data",
    reply: "550 5.7.502 Access denied, banned sender",
    description: "a banned sending account",
    source: NDR_TABLE,
    unconfirmed: true,
  },
  "tenant-threshold": {
    outcome: "rejected",
    // Microsoft's page is about status code "550 5.7.7xx"; the stage is the simulator's.
    stage: "data",
    reply: "550 5.7.705 Access denied, tenant has exceeded threshold",
    description: "a tenant blocked from sending after too much spam or bulk mail",
    source: NDR_5700,
  },
} as const satisfies Record<string, PracticeScenario>

export type PracticeMailbox = keyof typeof PRACTICE_ACCOUNTS

/** A Direct Send or relay scenario of the mx role, chosen by the local part of MAIL FROM. */
export interface MxScenario {
  stage: "mail" | "rcpt" | "data"
  reply: string
  description: string
  source: string
  unconfirmed?: true
}

/**
 * MAIL FROM local part → scenario, on the mx role, in any domain. They answer at RCPT TO: the
 * reference does not say at which command Exchange Online refuses these, and RCPT TO is the first
 * one that names the receiving organization.
 */
export const PRACTICE_MX_SENDERS = {
  "tenant-attribution": {
    stage: "rcpt",
    reply: "550 5.7.64 TenantAttribution; Relay Access Denied",
    description: "relay through a connector that no longer matches the sender's IP or certificate",
    source:
      "https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/fix-error-code-5-7-64-in-exchange-online",
  },
  "blocklisted-ip": {
    stage: "rcpt",
    reply:
      "550 5.7.1 Service unavailable; Client host [<client-ip>] blocked using Blocklist 1; To request removal from this list please forward this message to delist@messaging.microsoft.com",
    description: "a sending IP address on Microsoft's blocklist",
    source:
      "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-550-5-7-1-in-exchange-online",
  },
  "throttled-ip": {
    stage: "rcpt",
    // The reference gives the range 4.7.500-699 and this text; 4.7.500 is the first of the range.
    reply: "451 4.7.500 Access denied, please try again later",
    description: "a sending IP address throttled because its volume changed (greylisting)",
    source:
      "https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/fix-error-code-451-4-7-500-699-asxxx-in-exchange-online",
  },
  "banned-ip": {
    stage: "rcpt",
    // Enhanced code and text from the NDR table; the basic code 550 is the simulator's.
    reply: "550 5.7.511 Access denied, banned sender",
    description: "a banned sending IP address (5.7.511)",
    source: NDR_TABLE,
    unconfirmed: true,
  },
  "banned-sending-ip": {
    stage: "rcpt",
    // The NDR table's range 5.7.606-649; the basic code 550 is the simulator's.
    reply: "550 5.7.606 Access denied, banned sending IP [<client-ip>]",
    description: "a sending IP address banned from the service (5.7.606-649)",
    source: NDR_TABLE,
    unconfirmed: true,
  },
  "untrusted-ip": {
    stage: "rcpt",
    reply: "550 5.7.708 Access denied, traffic not accepted from this IP",
    description: "a low-reputation sending IP address, common on trial tenants",
    source: NDR_5700,
  },
  "unregistered-domain": {
    stage: "rcpt",
    reply: "550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains",
    description: "relay from a domain the tenant has not added and verified",
    source: NDR_5700,
  },
} as const satisfies Record<string, MxScenario>

export type PracticeMxSender = keyof typeof PRACTICE_MX_SENDERS

/** Replies that do not belong to one mailbox. */
export const SIMULATOR_REPLIES = {
  /** Wrong password for a practice mailbox, or a mailbox that does not exist. */
  badCredentials: {
    reply: "535 5.7.139 Authentication unsuccessful, the user credentials were incorrect. [host]",
    source: "https://github.com/codassassin/email-bomber-v2.0/issues/1",
  },
  /** Signed in as a mailbox without Send As, with a different MAIL FROM. */
  sendAsDenied: {
    // The reference gives this newer 5.2.252 wording cut short ("; …"); it is completed here with
    // the tail of the 5.2.0 variant listed next to it.
    reply:
      "554 5.2.252 SendAsDenied; <auth-user> not allowed to send as <from>; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message Cannot submit message.",
    source: "https://github.com/MicrosoftDocs/OfficeDocs-Support/issues/1187",
  },
  /** MAIL FROM on the submission endpoint before STARTTLS. */
  starttlsRequired: {
    reply: "451 5.7.3 STARTTLS is required to send mail [host]",
    source: "https://github.com/apache/hertzbeat/issues/2365",
  },
  /** MAIL FROM on the submission endpoint without AUTH. */
  notAuthenticated: {
    reply: "530 5.7.57 Client not authenticated to send mail. [host]",
    source: "https://github.com/tarickb/sasl-xoauth2/issues/96",
  },
  /** XOAUTH2 token refused (wrong audience or scope, missing service principal, ...). */
  oauthRejected: {
    reply: "535 5.7.3 Authentication unsuccessful [host]",
    // The OAuth page's own failure sample (reference §3).
    source:
      "https://learn.microsoft.com/en-us/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth",
  },
  /** AUTH XOAUTH2 with a string that is not user=…^Aauth=Bearer …^A^A. */
  xoauth2Malformed: {
    reply: "501 5.5.124 Invalid XOAUTH2 auth data",
    source: "https://github.com/tarickb/sasl-xoauth2/issues/110",
    unconfirmed: true,
  },
  /** MX endpoint: recipient outside the accepted domains and no matching inbound connector. */
  relayDenied: {
    reply: "550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain",
    // Observed in the field; the reference found no Exchange Online page for this exact text and
    // cites the NDR table's "5.7.1 Unable to relay" as the documented meaning.
    source:
      "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online",
    unconfirmed: true,
  },
  /** MX endpoint with RejectDirectSend on: anonymous MAIL FROM in an accepted domain. */
  directSendRejected: {
    reply:
      "550 5.7.68 TenantInboundAttribution; Direct Send not allowed for this organization from unauthorized sources",
    source:
      "https://techcommunity.microsoft.com/blog/exchange/introducing-more-control-over-direct-send-in-exchange-online/4408790",
  },
  /** MX endpoint, Directory-Based Edge Blocking: no such recipient in an accepted domain. */
  recipientNotFound: {
    // Verbatim from the reference, which ends the line without a full stop.
    reply: "550 5.4.1 Recipient address rejected: Access denied",
    source:
      "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/use-directory-based-edge-blocking",
  },
} as const satisfies Record<string, { reply: string; source: string; unconfirmed?: true }>

/** Local part that the MX role treats as missing from the directory. */
export const MISSING_RECIPIENT_LOCAL_PART = "no-such-user"
