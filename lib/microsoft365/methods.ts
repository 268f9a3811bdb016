import {
  ACS_USERNAME_FORMAT,
  type SecurityMode,
  type SendingMethod,
  type SignIn,
} from "@/lib/schemas/setup-fields"
import { SMTP_AUTH_HOST, guessMxHost } from "./endpoints"
import * as SOURCES from "./sources"
import type { Source } from "./sources"

/**
 * Where a method sends: a submission endpoint with a fixed host name, or the tenant's own MX
 * endpoint (its name comes from the accepted domain).
 */
export type MethodEndpoint = { kind: "submission"; host: string } | { kind: "mx" }

/** The Account step's words for a method that signs in. */
export interface MethodAccount {
  intro: string
  userHint: string
  userPlaceholder: string
  /** The hint under Password: whose secret it is, and that smtp365 never keeps it. */
  passwordHint: string
  /**
   * The secret that goes where software asks for the password, as the settings files name it: in a
   * sentence ("the mailbox password"), and as the placeholder a file holds until it is typed in.
   */
  secret: { name: string; placeholder: string }
  /**
   * What its OAuth app needs, where it differs from SMTP AUTH's Entra checklist: the text, one
   * PowerShell command ({account} and {clientId} filled in) and its source.
   */
  oauthSetup?: { text: string; command: string; source: Source }
  /** Its password sign-in is the Basic authentication Microsoft is retiring for SMTP AUTH. */
  basicAuthRetiring?: true
  /** The Password and OAuth 2.0 choices' descriptions, where the method offers both. */
  choices?: { password: string; oauth: string }
  /** What an empty Username and an empty Password ask for. */
  userMissing: string
  passwordMissing: string
}

/** One row of the comparison that helps an admin choose a sending method. */
export interface SendingMethodInfo {
  id: SendingMethod
  /**
   * The radio option's name; the first words are a contract ("SMTP AUTH", "Direct Send", "SMTP
   * relay", "High Volume Email", "Azure Communication Services").
   */
  name: string
  /** The comparison's column heading: the first words of the name. */
  shortName: string
  summary: string
  externalRecipients: string
  /** Delivers only to mailboxes in the organisation (a test to anyone else fails). */
  internalOnly: boolean
  /** How it signs in, in the comparison's words. */
  signInSummary: string
  /** What it needs licensed and what it costs, dated where it can move. */
  licence: string
  staticIp: string
  tls: string
  port: string
  /** Where it sends; prefills Server (see defaultHost). */
  endpoint: MethodEndpoint
  /** Values that prefill the Server step. */
  defaults: { port: string; security: SecurityMode }
  /**
   * The sign-ins it takes, the default first; signInOf reads them. ["none"]: it sends without
   * signing in, and the wizard skips the Account step.
   */
  signIns: readonly [SignIn, ...SignIn[]]
  /** The Account step's words, for a method that signs in. */
  account?: MethodAccount
  /** The Sender step's words: what the From address may be on this route. */
  sender: {
    intro: string
    fromHint: string
    /** Sending from an address other than Username needs Send As (a warning says so). */
    sendAsApplies: boolean
    source: Source
  }
  /** When this method is the right one, in one line. */
  chooseWhen: string
  /** Where the row's facts come from. */
  sources: readonly Source[]
}

/** Direct Send and relay: nobody signs in, so the From address identifies the sender (SOURCES.mfd). */
const NO_SIGN_IN_SENDER: SendingMethodInfo["sender"] = {
  intro:
    "Nobody signs in with this method, so the From address is what identifies the sender: it must be in one of your organisation's accepted domains.",
  fromHint: "Any address in one of your accepted domains; it doesn't need a mailbox.",
  sendAsApplies: false,
  source: SOURCES.mfd,
}

const NEVER_KEPT = "It is sent once for this test and never stored, logged or shown."

/**
 * The ways to send through Microsoft 365: the first three from Microsoft's "set up a multifunction
 * device or application" page (settings tables and comparison table, SOURCES.mfd); High Volume
 * Email and Azure Communication Services from their own pages, each cited in its entry.
 */
export const SENDING_METHODS_INFO: readonly SendingMethodInfo[] = [
  {
    id: "smtp-auth",
    name: "SMTP AUTH client submission",
    shortName: "SMTP AUTH",
    summary:
      "Sign in with a licensed mailbox at smtp.office365.com. Easiest to set up and works from any network.",
    externalRecipients: "Yes",
    internalOnly: false,
    signInSummary: "The mailbox's password (Basic authentication, being retired) or OAuth 2.0",
    licence: "A licensed mailbox: the one that signs in",
    staticIp: "No",
    tls: "Required (TLS 1.2 or later)",
    port: "587 (recommended) or 25",
    endpoint: { kind: "submission", host: SMTP_AUTH_HOST },
    defaults: { port: "587", security: "starttls" },
    signIns: ["password", "oauth-app", "oauth-device"],
    account: {
      intro:
        "SMTP AUTH signs in as a licensed Microsoft 365 mailbox. Its address appears as the sender unless it has permission to send as another one.",
      userHint:
        "The mailbox's full email address. Microsoft 365 signs in with the whole address, not only the part before @.",
      userPlaceholder: "printer@contoso.com",
      passwordHint: `The mailbox's password, or an app password if it uses per-user MFA. ${NEVER_KEPT}`,
      secret: { name: "the mailbox password", placeholder: "REPLACE-WITH-MAILBOX-PASSWORD" },
      basicAuthRetiring: true,
      choices: {
        password:
          "The mailbox's password or an app password. Being retired for SMTP AUTH: see the timeline below.",
        oauth:
          "A token from Microsoft Entra ID, sent with AUTH XOAUTH2. What Microsoft 365 asks for once Basic authentication is off.",
      },
      userMissing: "Enter the mailbox's full email address",
      passwordMissing: "Enter the password (or app password) of that mailbox",
    },
    sender: {
      intro:
        "The username is who signs in; the From address and name are what recipients see. Microsoft 365 only lets a mailbox send as itself unless it has been given Send As permission for another address.",
      fromHint: "Usually the same as Username.",
      sendAsApplies: true,
      source: SOURCES.fix,
    },
    chooseWhen:
      "Your device or app can store a username and password (or OAuth) and uses STARTTLS.",
    sources: [SOURCES.mfd, SOURCES.basicAuthTimeline],
  },
  {
    id: "direct-send",
    name: "Direct Send",
    shortName: "Direct Send",
    summary:
      "Send without signing in to your tenant's MX endpoint. Delivers only to mailboxes in Microsoft 365.",
    externalRecipients: "No: only to recipients with Microsoft 365 mailboxes",
    internalOnly: true,
    signInSummary: "Doesn't sign in",
    licence: "No licence needed",
    staticIp: "Recommended (for SPF), not required",
    tls: "Optional",
    port: "25",
    endpoint: { kind: "mx" },
    defaults: { port: "25", security: "starttls" },
    signIns: ["none"],
    sender: NO_SIGN_IN_SENDER,
    chooseWhen: "A scanner or app only mails your own staff and cannot sign in.",
    sources: [SOURCES.mfd],
  },
  {
    id: "relay",
    name: "SMTP relay through a connector",
    shortName: "SMTP relay",
    summary:
      "Send without signing in to your MX endpoint; an inbound connector recognises your static IP or certificate.",
    externalRecipients: "Yes",
    internalOnly: false,
    signInSummary: "Doesn't sign in: the connector recognises the IP address or certificate",
    licence: "No licence needed",
    staticIp: "Yes, one not shared with another organisation (or a certificate)",
    tls: "Optional",
    port: "25",
    endpoint: { kind: "mx" },
    defaults: { port: "25", security: "starttls" },
    signIns: ["none"],
    sender: NO_SIGN_IN_SENDER,
    chooseWhen:
      "Many devices must mail anyone from a fixed public IP, and you can create a connector. Not from Azure-hosted senders.",
    sources: [SOURCES.mfd],
  },
  {
    // SOURCES.hve: endpoint and port; hveInternalOnly: internal only, Basic auth until Sep 2028;
    // hveGeneralAvailability: GA and the price; hveOAuth: OAuth with allowed apps.
    id: "hve",
    name: "High Volume Email (HVE)",
    shortName: "High Volume Email",
    summary:
      "Sign in with an HVE account at smtp.hve.mx.microsoft: large volumes to recipients in your organisation only, without a licensed mailbox.",
    externalRecipients: "No: internal recipients only (since June 2025)",
    internalOnly: true,
    signInSummary:
      "The HVE account's password (supported until September 2028) or OAuth 2.0 with an app the account allows",
    licence: "No licence: an HVE account; $42 per million recipients since 1 June 2026",
    staticIp: "No",
    tls: "Required",
    port: "587",
    endpoint: { kind: "submission", host: "smtp.hve.mx.microsoft" },
    defaults: { port: "587", security: "starttls" },
    signIns: ["password", "oauth-app"],
    account: {
      intro:
        "High Volume Email signs in as an HVE account: a mail user made for sending (New-MailUser -HVEAccount, or the Exchange admin center), not a licensed mailbox. It delivers to recipients in your organisation only.",
      userHint: "The HVE account's full email address.",
      userPlaceholder: "hve-scanner@contoso.com",
      passwordHint: `The HVE account's password: Microsoft supports it for HVE accounts until September 2028. ${NEVER_KEPT}`,
      secret: {
        name: "the HVE account's password",
        placeholder: "REPLACE-WITH-HVE-ACCOUNT-PASSWORD",
      },
      // SOURCES.hveOAuth and the Add-HVEAppAccess reference.
      oauthSetup: {
        text: "Register an app in Microsoft Entra with a client secret, add the Office 365 Exchange Online application permission Mail.Send and grant admin consent, then add the app to the HVE account's allowed apps (up to ten per account; a change takes up to 5 minutes).",
        command: "Add-HVEAppAccess -Identity {account} -AppIds {clientId}",
        source: SOURCES.hveOAuth,
      },
      choices: {
        password: "The HVE account's password: supported for HVE accounts until September 2028.",
        oauth:
          "An app-only token from Microsoft Entra ID, sent with AUTH XOAUTH2, for an app the HVE account allows.",
      },
      userMissing: "Enter the HVE account's full email address",
      passwordMissing: "Enter the HVE account's password",
    },
    sender: {
      intro:
        "The username is the HVE account that signs in; the From address and name are what recipients in your organisation see. Send from the HVE account's own address, or from one it has permission to send as.",
      fromHint: "Usually the HVE account's address.",
      sendAsApplies: true,
      source: SOURCES.hve,
    },
    chooseWhen:
      "A printer, scanner or app mails only your own staff and knows only a username and password, or sends too much for a mailbox.",
    sources: [
      SOURCES.hve,
      SOURCES.hveInternalOnly,
      SOURCES.hveGeneralAvailability,
      SOURCES.hveOAuth,
    ],
  },
  {
    // SOURCES.acsSmtp: endpoint, port, TLS, the username's three parts and the secret as password;
    // an Azure subscription is among its prerequisites.
    id: "acs",
    name: "Azure Communication Services Email",
    shortName: "Azure Communication Services",
    summary:
      "Sign in at smtp.azurecomm.net with an Entra app that has a role on your Communication Services resource: Azure's email service, for mail to anyone from a domain connected to the resource.",
    externalRecipients: "Yes",
    internalOnly: false,
    signInSummary:
      "An Entra app: the resource, app and tenant in the username, the app's client secret as the password",
    licence: "No Microsoft 365 licence: billed to the resource's Azure subscription",
    staticIp: "No",
    tls: "Required (TLS 1.2 or later)",
    port: "587 (recommended) or 25",
    endpoint: { kind: "submission", host: "smtp.azurecomm.net" },
    defaults: { port: "587", security: "starttls" },
    signIns: ["app-secret"],
    account: {
      intro:
        "Azure Communication Services signs in with an Entra application that has a role on the Communication Services resource (with Microsoft.Communication/CommunicationServices/Read and Microsoft.Communication/EmailServices/write): the username names the resource and the app, the password is the app's client secret.",
      userHint: `${ACS_USERNAME_FORMAT}, or the username of an SMTP Username made for the resource (free form or an email address). The helper below composes the first form.`,
      userPlaceholder:
        "resource-name|00000000-0000-0000-0000-000000000000|00000000-0000-0000-0000-000000000000",
      passwordHint: `The Entra app's client secret: its Value (Certificates & secrets), not its Secret ID. ${NEVER_KEPT}`,
      secret: {
        name: "the Entra app's client secret (its Value)",
        placeholder: "REPLACE-WITH-CLIENT-SECRET-VALUE",
      },
      userMissing: `Enter the username: ${ACS_USERNAME_FORMAT}, or an SMTP Username`,
      passwordMissing: "Enter the Entra app's client secret (its Value, not its Secret ID)",
    },
    sender: {
      intro:
        "The From address must be a MailFrom address of an email domain connected to the Communication Services resource (donotreply@ is the one every domain starts with). Azure Communication Services refuses any other.",
      fromHint:
        "A MailFrom address of a domain connected to the resource, for example donotreply@contoso.com.",
      sendAsApplies: false,
      source: SOURCES.acsMailFrom,
    },
    chooseWhen:
      "The sender must mail people outside your organisation and knows only a username and password, or sends in volume to anyone.",
    sources: [SOURCES.acsSmtp, SOURCES.acsSmtpUsername],
  },
] as const

export function methodInfo(id: SendingMethod): SendingMethodInfo {
  const info = SENDING_METHODS_INFO.find((method) => method.id === id)
  if (!info) throw new Error(`Unknown sending method ${id}`)
  return info
}

/** The Server a method starts with: its submission host, or the domain's guessed MX endpoint. */
export function defaultHost(method: SendingMethod, domain: string): string {
  const { endpoint } = methodInfo(method)
  return endpoint.kind === "submission" ? endpoint.host : guessMxHost(domain)
}

/** Whether a method sends to the tenant's MX endpoint (Direct Send, relay). */
export function sendsToMx(method: SendingMethod): boolean {
  return methodInfo(method).endpoint.kind === "mx"
}
