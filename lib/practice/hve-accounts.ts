/**
 * Practice accounts of the High Volume Email simulator (smtp.hve.mx.microsoft:587), and the replies
 * of its route. Data only: routes.ts decides when each one applies.
 *
 * How a scenario is chosen: by the local part of the HVE account that signs in, in any accepted
 * domain (`hve-sender@contoso.com`), as on the SMTP AUTH simulator (accounts.ts, whose placeholders
 * these replies share). Every HVE account refuses recipients outside the accepted domains.
 *
 * No public log quotes HVE's own replies. Where a reply is Exchange Online's SMTP AUTH wording for
 * the same situation, it is reused and marked unconfirmed: HVE accounts sign in on Exchange Online
 * with a password, and Microsoft Entra's security defaults and Conditional Access apply to them as
 * to any Basic authentication sign-in (shared/reference/microsoft-365-smtp.md §1d). A From other
 * than the account itself gets SMTP AUTH's Send As refusal (SIMULATOR_REPLIES.sendAsDenied), also
 * unconfirmed for HVE.
 */

import { SIMULATOR_REPLIES, type PracticeScenario } from "./accounts"

const ENTRA_SECURITY_DEFAULTS =
  "https://learn.microsoft.com/en-us/entra/fundamentals/security-defaults"
const HVE_DOC =
  "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/high-volume-mails-m365"
const HVE_OAUTH_DOC =
  "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/oauth-high-volume-mails-m365"

/** An HVE account: a scenario, and the apps its Allowed Apps list holds (Add-HVEAppAccess). */
export type HveAccount = PracticeScenario & {
  /** Application (client) IDs that may sign in as this account with OAuth (up to ten). */
  allowedApps?: readonly string[]
}

/**
 * The practice app that an HVE account allows (identity-scenarios.ts holds its registration, and
 * one that no HVE account allows).
 */
export const HVE_ALLOWED_APP = "3f2b8c41-0a6e-4d6b-9c1e-000000000009"

/** Local part → HVE account. Every one exists in each accepted domain of the simulator. */
export const PRACTICE_HVE_ACCOUNTS = {
  "hve-sender": {
    outcome: "accepted",
    stage: "data",
    sendAs: false,
    description:
      "a working HVE account; a recipient outside the organisation shows the internal-only refusal",
    source: HVE_DOC,
    allowedApps: [HVE_ALLOWED_APP],
  },
  "hve-security-defaults": {
    outcome: "rejected",
    stage: "auth",
    // SMTP AUTH's wording (accounts.ts "security-defaults"); security defaults block every sign-in
    // by an older protocol, HVE's password sign-in included.
    reply:
      "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.",
    description: "an HVE account whose password sign-in security defaults block",
    source: ENTRA_SECURITY_DEFAULTS,
    unconfirmed: true,
  },
  "hve-conditional-access": {
    outcome: "rejected",
    stage: "auth",
    // SMTP AUTH's wording for a Conditional Access refusal (accounts.ts "conditional-access").
    reply:
      "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.",
    description:
      "an HVE account covered by a Conditional Access policy that blocks legacy authentication",
    source: "https://github.com/gophish/gophish/issues/3220",
    unconfirmed: true,
  },
} as const satisfies Record<string, HveAccount>

export type PracticeHveAccount = keyof typeof PRACTICE_HVE_ACCOUNTS

/** Replies of the HVE route that do not belong to one account. */
export const HVE_REPLIES = {
  /**
   * A recipient outside the accepted domains: HVE delivers to internal recipients only since June
   * 2025 (Petri; MC1243552). Exchange Online's observed refusal of a recipient in a non-accepted
   * domain (SIMULATOR_REPLIES.relayDenied), answered at RCPT TO: which reply and which command HVE
   * uses is not published.
   */
  externalRecipient: {
    reply: SIMULATOR_REPLIES.relayDenied.reply,
    source: "https://petri.com/high-volume-email-delivery-internal-recipients/",
    unconfirmed: true,
  },
  /**
   * An OAuth token Exchange Online cannot use for this HVE account: not an app-only token with
   * Mail.Send, or an app missing from the account's Allowed Apps. Exchange Online's XOAUTH2 refusal
   * (SIMULATOR_REPLIES.oauthRejected); HVE's own is not published.
   */
  appNotAllowed: {
    reply: SIMULATOR_REPLIES.oauthRejected.reply,
    source: HVE_OAUTH_DOC,
    unconfirmed: true,
  },
} as const satisfies Record<string, { reply: string; source: string; unconfirmed?: true }>
