/**
 * The practice Azure Communication Services resource behind the ACS simulator
 * (smtp.azurecomm.net:587): its Entra apps, SMTP Username, linked domain and the replies of its
 * route. Data only: routes.ts decides when each one applies.
 *
 * How a scenario is chosen: by the username, `<resource name>|<app ID>|<tenant ID>` or an SMTP
 * Username linked to an app (SOURCES.acsSmtp, SOURCES.acsSmtpUsername); the password is one of the
 * app's client secrets. Then by the MAIL FROM address, whose domain must be linked to the resource.
 */

import type { PracticeScenario } from "./accounts"
import { PRACTICE_CLIENT_SECRET, PRACTICE_TENANT_ID } from "./identity-scenarios"

const ACS_SMTP_DOC =
  "https://learn.microsoft.com/en-us/azure/communication-services/quickstarts/email/send-email-smtp/smtp-authentication"

/** The Communication Services resource's name: the first part of the three-part username. */
export const PRACTICE_ACS_RESOURCE = "contoso-acs"
/** The tenant of the resource's Entra apps (the practice tenant of identity-scenarios.ts). */
export const PRACTICE_ACS_TENANT = PRACTICE_TENANT_ID

/**
 * The domain connected to the resource, and its MailFrom address: a provisioned domain starts with
 * donotreply@ (SOURCES.acsMailFrom). Only the domain is checked: the one observed SMTP refusal
 * (ACS_REPLIES.senderDomainNotLinked) names the domain, and no SMTP reply is published for an
 * address of a linked domain that is not one of its MailFrom addresses.
 */
export const PRACTICE_ACS_LINKED_DOMAINS = ["contoso.com"] as const
export const PRACTICE_ACS_MAIL_FROM = "donotreply@contoso.com"

/**
 * smtp.azurecomm.net offers AUTH LOGIN only: "Tested with smtp.azurecomm.net on port 587 which only
 * supports LOGIN" (goksan/statusnook PR 3); "ACS only supports LOGIN auth" (QuantumNous/new-api
 * PR 600, which followed PR 598 "Azure Communication Service SMTP need Login instead of Plain Auth").
 */
export const ACS_AUTH_METHODS = ["LOGIN"] as const

export interface AcsApp {
  /** Completes "use this username to see …". */
  description: string
  /**
   * A role on the resource with Microsoft.Communication/CommunicationServices/Read and
   * Microsoft.Communication/EmailServices/write (Contributor, or a custom role; SOURCES.acsSmtp).
   */
  hasRole: boolean
  /** The app's current client secrets: the password must be one of them. */
  secrets: readonly string[]
}

/** The app that sends successfully: with a role on the resource, and the practice secret. */
export const PRACTICE_ACS_SENDER_APP = "3f2b8c41-0a6e-4d6b-9c1e-000000000021"

/** Application (client) ID → Entra app, numbered from 21 (identity-scenarios.ts uses 1 to 14). */
export const PRACTICE_ACS_APPS = {
  [PRACTICE_ACS_SENDER_APP]: {
    description: `a successful send: an app with a role on the resource, from ${PRACTICE_ACS_MAIL_FROM}; a From in another domain shows the unlinked-domain refusal`,
    hasRole: true,
    secrets: [PRACTICE_CLIENT_SECRET],
  },
  "3f2b8c41-0a6e-4d6b-9c1e-000000000022": {
    description: "an app without a role on the Communication Services resource",
    hasRole: false,
    secrets: [PRACTICE_CLIENT_SECRET],
  },
  "3f2b8c41-0a6e-4d6b-9c1e-000000000023": {
    description:
      "a wrong client secret: this app's secret was replaced, so the practice secret is no longer one of its secrets",
    hasRole: true,
    secrets: [],
  },
} as const satisfies Record<string, AcsApp>

export type PracticeAcsAppId = keyof typeof PRACTICE_ACS_APPS

/**
 * SMTP Usernames of the resource (REST API 2024-09-01-preview and later): free form or an address
 * in a linked domain, each linked to an Entra app (SOURCES.acsSmtpUsername).
 */
export const PRACTICE_ACS_SMTP_USERNAMES = {
  "contoso-scanner": {
    app: PRACTICE_ACS_SENDER_APP,
    description: `a successful send with an SMTP Username linked to the same app, from ${PRACTICE_ACS_MAIL_FROM}`,
  },
} as const satisfies Record<string, { app: PracticeAcsAppId; description: string }>

/** Replies of the ACS route. */
export const ACS_REPLIES = {
  /**
   * Any sign-in the service refuses: a username that names no resource, app or tenant it knows, a
   * secret that is not the app's, an app without the role. Observed from smtp.azurecomm.net after
   * an XOAUTH2 sign-in (jstedfast/MailKit issue 1967: "535: 5.7.3 Authentication unsuccessful", as
   * MailKit prints the reply); no log of a wrong secret or a missing role over AUTH LOGIN was
   * found, so their reply is assumed to be the same.
   */
  authenticationUnsuccessful: {
    reply: "535 5.7.3 Authentication unsuccessful",
    source: "https://github.com/jstedfast/MailKit/issues/1967",
    unconfirmed: true,
  },
  /**
   * MAIL FROM in a domain not connected to the resource. The reply as a JavaMail
   * SMTPSendFailedException printed it (vemikrs/mirelplatform, docs/issue/error-handling-improvement.md);
   * its text through .NET's SmtpClient in MicrosoftDocs/azure-docs issue 123379 ("The server
   * response was: 5.1.7 The specified sender domain has not been linked."). Neither says at which
   * command: 501 is an argument error, so the simulator answers MAIL FROM.
   */
  senderDomainNotLinked: {
    reply: "501 5.1.7 The specified sender domain has not been linked.",
    source: "https://github.com/MicrosoftDocs/azure-docs/issues/123379",
  },
} as const satisfies Record<string, { reply: string; source: string; unconfirmed?: true }>

/** How a sign-in the service accepts behaves: it sends from any address the MAIL FROM check lets through. */
export const ACS_SIGNED_IN: PracticeScenario = {
  outcome: "accepted",
  stage: "data",
  // ACS has no Send As: the route's MAIL FROM check decides who may be the sender.
  sendAs: true,
  description: "a successful send through Azure Communication Services",
  source: ACS_SMTP_DOC,
}
