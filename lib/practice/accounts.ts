/**
 * Practice mailboxes of the Microsoft 365 simulator, and the replies it sends. Data only: the
 * simulator (simulator.ts) decides when each one applies.
 *
 * Reply lines are copied verbatim from /work/shared/reference/microsoft-365-smtp.md (sections 1, 2
 * and 4), each with the source the reference gives for it. Placeholders:
 * - `[host]` stands for the server name in brackets, as in the reference (`[PH7PR17MB1234...]`);
 * - `<auth-user>` and `<from>` stand for the signed-in user and the MAIL FROM address.
 */

export const PRACTICE_DOMAIN = "contoso.com"
export const DEFAULT_PRACTICE_PASSWORD = "practice"

/** Where a scenario answers: AUTH LOGIN, MAIL FROM, or the reply after the end of DATA. */
export type PracticeStage = "auth" | "mail" | "data"

export type PracticeScenario =
  | {
      outcome: "accepted"
      stage: "data"
      /** Send As granted: may use any address in the accepted domains as MAIL FROM. */
      sendAs: boolean
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
    }

const MFD_DOC =
  "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365"
const FIX_DOC =
  "https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/fix-issues-with-printers-scanners-and-lob-applications-that-send-email-using-off"
const SUBMISSION_IMPROVEMENTS =
  "https://learn.microsoft.com/en-us/troubleshoot/exchange/send-emails/smtp-submission-improvements"

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
  },
  "auth-disabled-mailbox": {
    outcome: "rejected",
    stage: "auth",
    reply:
      "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.",
    description: "SMTP AUTH turned off for this one mailbox",
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
} as const satisfies Record<string, PracticeScenario>

export type PracticeMailbox = keyof typeof PRACTICE_ACCOUNTS

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
    source: FIX_DOC,
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
