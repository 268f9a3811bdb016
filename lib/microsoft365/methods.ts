import type { SecurityMode, SendingMethod } from "@/lib/schemas/setup-fields"
import { SMTP_AUTH_HOST, guessMxHost } from "./endpoints"
import * as SOURCES from "./sources"

/**
 * Where a method sends: a submission endpoint with a fixed host name, or the tenant's own MX
 * endpoint (its name comes from the accepted domain).
 */
export type MethodEndpoint = { kind: "submission"; host: string } | { kind: "mx" }

/** One row of the comparison that helps an admin choose a sending method. */
export interface SendingMethodInfo {
  id: SendingMethod
  /** The radio option's name; the first words are a contract ("SMTP AUTH", "Direct Send", "SMTP relay"). */
  name: string
  /** The comparison's column heading: the first words of the name. */
  shortName: string
  summary: string
  externalRecipients: string
  /** Delivers only to mailboxes in the organisation (a test to anyone else fails). */
  internalOnly: boolean
  licensedMailbox: string
  staticIp: string
  tls: string
  port: string
  /** Where it sends; prefills Server (see defaultHost). */
  endpoint: MethodEndpoint
  /** Values that prefill the Server step. */
  defaults: { port: string; security: SecurityMode }
  /**
   * "account": signs in as the Account step chooses (password or OAuth 2.0); "none": sends
   * without signing in, and the wizard skips the Account step. Read through signInOf.
   */
  signIn: "account" | "none"
  /** When this method is the right one, in one line. */
  chooseWhen: string
  source: typeof SOURCES.mfd
}

/**
 * The three ways to send through Microsoft 365, from Microsoft's "set up a multifunction device or
 * application" page (settings tables and comparison table): SOURCES.mfd.
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
    licensedMailbox: "Yes, the mailbox that signs in",
    staticIp: "No",
    tls: "Required (TLS 1.2 or later)",
    port: "587 (recommended) or 25",
    endpoint: { kind: "submission", host: SMTP_AUTH_HOST },
    defaults: { port: "587", security: "starttls" },
    signIn: "account",
    chooseWhen:
      "Your device or app can store a username and password (or OAuth) and uses STARTTLS.",
    source: SOURCES.mfd,
  },
  {
    id: "direct-send",
    name: "Direct Send",
    shortName: "Direct Send",
    summary:
      "Send without signing in to your tenant's MX endpoint. Delivers only to mailboxes in Microsoft 365.",
    externalRecipients: "No: only to recipients with Microsoft 365 mailboxes",
    internalOnly: true,
    licensedMailbox: "No",
    staticIp: "Recommended (for SPF), not required",
    tls: "Optional",
    port: "25",
    endpoint: { kind: "mx" },
    defaults: { port: "25", security: "starttls" },
    signIn: "none",
    chooseWhen: "A scanner or app only mails your own staff and cannot sign in.",
    source: SOURCES.mfd,
  },
  {
    id: "relay",
    name: "SMTP relay through a connector",
    shortName: "SMTP relay",
    summary:
      "Send without signing in to your MX endpoint; an inbound connector recognises your static IP or certificate.",
    externalRecipients: "Yes",
    internalOnly: false,
    licensedMailbox: "No",
    staticIp: "Yes, one not shared with another organisation (or a certificate)",
    tls: "Optional",
    port: "25",
    endpoint: { kind: "mx" },
    defaults: { port: "25", security: "starttls" },
    signIn: "none",
    chooseWhen:
      "Many devices must mail anyone from a fixed public IP, and you can create a connector. Not from Azure-hosted senders.",
    source: SOURCES.mfd,
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
