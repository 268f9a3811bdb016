import * as SOURCES from "@/lib/microsoft365/sources"
import type { SetupValues } from "@/lib/schemas/setup"
import type { SendingMethod } from "@/lib/schemas/setup-fields"
import { connectionFacts } from "./values"

/** One line of the sheet: the setting under the names device menus use for it. */
export interface SheetRow {
  label: string
  /** Other names the same field goes by on printers and scanners. */
  alsoCalled?: string
  value: string
}

export interface SheetNote {
  text: string
  source: { title: string; url: string }
}

/** A one-page setup sheet for a printer or scanner: what to enter, and what the device must do. */
export interface PrinterSheet {
  title: string
  intro: string
  rows: SheetRow[]
  notes: SheetNote[]
}

const SECURITY = {
  starttls: { value: "STARTTLS", alsoCalled: "TLS, Use TLS, SSL/TLS: STARTTLS" },
  tls: { value: "SSL/TLS (implicit)", alsoCalled: "SSL, SMTPS" },
  none: { value: "None", alsoCalled: "Off, No encryption" },
} as const

// SOURCES.mfd, Direct Send and SMTP relay settings.
const WITHOUT_SIGN_IN: SheetNote[] = [
  {
    text: "Direct Send only reaches mailboxes in Microsoft 365: mail to outside addresses is rejected. Relay through a connector reaches anyone.",
    source: SOURCES.mfd,
  },
  {
    text: "Port 25 must be open from the device's network to the server: many providers block it.",
    source: SOURCES.mfd,
  },
  {
    text: "Add the device's static public IP address to the domain's SPF record so the mail is not treated as spam.",
    source: SOURCES.mfd,
  },
]

/** What the device must do on each route, from the route's own page. */
const NOTES: Record<SendingMethod, SheetNote[]> = {
  // SOURCES.mfd, SMTP AUTH client submission requirements.
  "smtp-auth": [
    {
      text: "The device must support TLS 1.2 or later: update its firmware if the test fails at TLS.",
      source: SOURCES.mfd,
    },
    {
      text: "If the device only offers port 465, it doesn't support SMTP AUTH client submission: use Direct Send or relay instead.",
      source: SOURCES.mfd,
    },
    { text: "Use the name smtp.office365.com, never an IP address.", source: SOURCES.mfd },
    {
      text: "Mail goes out as the mailbox that signs in: the From address must be that mailbox or one it may send as.",
      source: SOURCES.mfd,
    },
  ],
  "direct-send": WITHOUT_SIGN_IN,
  relay: WITHOUT_SIGN_IN,
  hve: [
    {
      text: "High Volume Email only delivers to recipients in your organisation: mail to outside addresses is not delivered.",
      source: SOURCES.hveInternalOnly,
    },
    {
      text: "The device must use port 587 with STARTTLS (TLS) turned on.",
      source: SOURCES.hveTroubleshoot,
    },
    {
      text: "Mail goes out as the HVE account: the From address must be an address associated with it.",
      source: SOURCES.hveTroubleshoot,
    },
    {
      text: "If sign-in fails with 535 5.7.139, Security defaults or an authentication policy blocks the HVE account's password: its policy needs AllowBasicAuthSmtp.",
      source: SOURCES.hveTroubleshoot,
    },
  ],
  // SOURCES.acsSmtp, "Requirements for SMTP AUTH client submission" and the username's format.
  acs: [
    {
      text: "The device must support TLS 1.2 or later: update its firmware if the test fails at TLS.",
      source: SOURCES.acsSmtp,
    },
    { text: "Use the name smtp.azurecomm.net, never an IP address.", source: SOURCES.acsSmtp },
    {
      text: "The user name is the resource name, the app's ID and the tenant ID joined by | (type the | as well), or an SMTP Username.",
      source: SOURCES.acsSmtp,
    },
    {
      text: "The From address must be a MailFrom address of a domain connected to the Communication Services resource.",
      source: SOURCES.acsMailFrom,
    },
  ],
}

/** "The mailbox password" from "the mailbox password", for the start of a line. */
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** The sheet's content, from the tested values (never the password). */
export function printerSheet(values: SetupValues): PrinterSheet {
  const facts = connectionFacts(values)
  const rows: SheetRow[] = [
    { label: "SMTP server", alsoCalled: "Mail server, Outgoing server", value: facts.host },
    { label: "SMTP port", alsoCalled: "Port", value: String(facts.port) },
    { label: "Secure connection", ...SECURITY[facts.security] },
  ]
  if (facts.signsIn) {
    rows.push(
      { label: "SMTP authentication", alsoCalled: "Login, AUTH, Use authentication", value: "On" },
      { label: "User name", alsoCalled: "Login name, Account", value: facts.user },
      { label: "Password", value: `${capitalized(facts.secret.name)}, typed on the device` }
    )
  } else {
    rows.push({ label: "SMTP authentication", alsoCalled: "Login, AUTH", value: "Off" })
  }
  rows.push({
    label: "From address",
    alsoCalled: "Sender, Device email address",
    value: facts.fromAddress,
  })
  if (facts.fromName)
    rows.push({
      label: "From name",
      alsoCalled: "Display name, Device name",
      value: facts.fromName,
    })

  const notes = NOTES[values.method.method]
  return {
    title: `Scan to email through ${facts.service.name}`,
    intro:
      "Enter these settings on the device's web page or control panel (often under Network, Email or SMTP).",
    rows,
    notes,
  }
}
