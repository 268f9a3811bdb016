import { BASIC_AUTH_TIMELINE } from "./basic-auth-timeline"
import * as SOURCES from "./sources"

export type GuideId = "basic-auth" | "relay"

interface Source {
  title: string
  url: string
}

export interface GuideSection {
  heading: string
  paragraphs: readonly string[]
  /** A command or record to copy, when the section has one. */
  code?: string
  sources: readonly Source[]
}

export interface Guide {
  id: GuideId
  title: string
  summary: string
  sections: readonly GuideSection[]
  /** The diagnoses (catalog ids) that link to this guide. */
  diagnoses: readonly string[]
}

const HVE: Source = {
  title: "Petri: High Volume Email for Microsoft 365 (internal recipients)",
  url: "https://petri.com/high-volume-email-delivery-internal-recipients/",
}
const ACS: Source = {
  title: "Microsoft Learn: send email with SMTP through Azure Communication Services",
  url: "https://learn.microsoft.com/en-us/azure/communication-services/quickstarts/email/send-email-smtp/smtp-authentication",
}
const APP_PASSWORD_MAINTAINER: Source = {
  title: "rallly issue 3154 (2026): app passwords go through the same Basic auth path",
  url: "https://github.com/lukevella/rallly/issues/3154",
}
const SMTP_AUTH_WITH_OAUTH: Source = {
  title: "MailKit issue 700: SMTP AUTH must be enabled for XOAUTH2 too",
  url: "https://github.com/jstedfast/MailKit/issues/700",
}
const CLOUD_PORT_25: Source = {
  title: "GitLab omnibus MR 5471: cloud providers restrict outbound port 25",
  url: "https://gitlab.com/gitlab-org/omnibus-gitlab/-/merge_requests/5471/commits",
}

/**
 * The two explanations admins come for, reachable from every related diagnosis. Facts and their
 * sources come from shared/reference/microsoft-365-smtp.md (§0-§2 for sign-in, §1 and §4 for relay).
 */
export const GUIDES: Record<GuideId, Guide> = {
  "basic-auth": {
    id: "basic-auth",
    title: "MFA, Basic authentication and SMTP AUTH",
    summary:
      "Why a correct password can still be refused, which setting wins, and the ways out as Microsoft retires password sign-in for SMTP.",
    diagnoses: [
      "smtp-auth-disabled-tenant",
      "smtp-auth-disabled-mailbox",
      "security-defaults",
      "basic-auth-disabled",
      "conditional-access",
      "credentials-incorrect",
      "auth-unsuccessful",
      "basic-auth-retired",
      "hve-security-defaults",
      "hve-conditional-access",
    ],
    sections: [
      {
        heading: "Two SMTP AUTH switches, and which one wins",
        paragraphs: [
          "Exchange Online has an organisation-wide switch for SMTP AUTH and a per-mailbox one. The mailbox's setting takes precedence; left empty ($null), the mailbox follows the organisation's.",
          "Organisations created after January 2020 start with SMTP AUTH off, and it can be turned on per mailbox.",
        ],
        code: [
          "Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled",
          // The placeholder is quoted as every value in a command is (lib/powershell.ts).
          "Get-CASMailbox -Identity '<mailbox>' | Format-List SmtpClientAuthenticationDisabled",
          "Set-CASMailbox -Identity '<mailbox>' -SmtpClientAuthenticationDisabled $false",
        ].join("\n"),
        sources: [SOURCES.smtpAuth, SOURCES.mfd],
      },
      {
        heading: "Security defaults and Conditional Access",
        paragraphs: [
          "With security defaults on, Microsoft Entra blocks every sign-in by older protocols such as SMTP AUTH with a password, whatever the SMTP AUTH switches say. Security defaults may be on in tenants created on or after 22 October 2019.",
          "A Conditional Access policy that blocks legacy authentication, or requires MFA, refuses the same sign-ins. Microsoft's troubleshooting steps name excluding the mailbox from such a policy; do it only if your security policy allows.",
        ],
        sources: [SOURCES.securityDefaults, SOURCES.fix],
      },
      {
        heading: "Per-user MFA and app passwords",
        paragraphs: [
          "App passwords let legacy apps sign in for an account with per-user MFA. Users can't create them unless an admin allows it, they don't work for accounts required to use modern authentication, and a Conditional Access block of legacy authentication stops them.",
          "An app password is still Basic authentication: it is blocked by security defaults and retires with Basic authentication for SMTP AUTH.",
        ],
        sources: [SOURCES.appPasswords, APP_PASSWORD_MAINTAINER],
      },
      {
        heading: "Authentication policies",
        paragraphs: [
          "An Exchange Online authentication policy that does not allow Basic authentication for SMTP (AllowBasicAuthSmtp) blocks SMTP AUTH with a password even when both SMTP AUTH switches are on.",
        ],
        code: "Get-AuthenticationPolicy | Format-List Name,AllowBasicAuthSmtp",
        sources: [SOURCES.authenticationPolicy, SOURCES.smtpAuth],
      },
      {
        heading: `The retirement timeline (Microsoft, ${BASIC_AUTH_TIMELINE.sourceDate})`,
        paragraphs: [
          ...BASIC_AUTH_TIMELINE.milestones.map(
            (milestone) => `${milestone.when}: ${milestone.what}`
          ),
          "Microsoft promised a follow-up announcement with the mechanism for turning Basic authentication back on after December 2026; none had been found as of 28 November 2026, so today's switches may not be the ones that apply then.",
        ],
        sources: [SOURCES.basicAuthTimeline],
      },
      {
        heading: "The ways out, and when each fits",
        paragraphs: [
          "OAuth 2.0 (XOAUTH2): the app keeps SMTP AUTH on smtp.office365.com but signs in with a token instead of a password. The fit for apps that support it; SMTP AUTH must still be on for the mailbox.",
          "SMTP relay through a connector: no sign-in; an inbound connector recognises your static public IP or certificate. The fit for devices and servers on a fixed IP that mail anyone; not from Azure-hosted senders.",
          "Direct Send: no sign-in, to your MX endpoint on port 25, but only to recipients with mailboxes in Microsoft 365. The fit for a scanner that mails your own staff.",
          "High Volume Email: for line-of-business apps sending mostly to internal recipients; reported to keep Basic authentication until September 2028.",
          "Azure Communication Services Email: Microsoft's recommended route for high-volume mail to external recipients, with its own SMTP endpoint (smtp.azurecomm.net).",
        ],
        sources: [SOURCES.oauth, SMTP_AUTH_WITH_OAUTH, SOURCES.mfd, HVE, ACS, SOURCES.mc786329],
      },
    ],
  },
  relay: {
    id: "relay",
    title: "Relay, Direct Send and connectors",
    summary:
      "Why the MX endpoint refuses to relay (5.7.54, 5.7.1, 5.7.64), how Direct Send differs from a connector, and why port 25 from cloud hosts fails.",
    diagnoses: [
      "relay-denied",
      "tenant-attribution",
      "direct-send-rejected",
      "not-authenticated",
      "port-25-blocked",
    ],
    sections: [
      {
        heading: 'Why "unable to relay" happens',
        paragraphs: [
          "Your MX endpoint (for example contoso-com.mail.protection.outlook.com) delivers to your own domains. It only passes mail on to other domains when an inbound connector recognises the sender; otherwise it refuses the recipient (550 5.7.54 Unable to relay recipient in non-accepted domain, or 5.7.1 Unable to relay).",
          "Direct Send is exactly this case: it reaches mailboxes in Microsoft 365 only and cannot deliver to external recipients such as Gmail or Yahoo addresses.",
        ],
        sources: [SOURCES.mfd, SOURCES.ndr],
      },
      {
        heading: "5.7.64 TenantAttribution: the connector no longer matches",
        paragraphs: [
          "With a connector in place, 550 5.7.64 TenantAttribution; Relay Access Denied means it no longer recognises the sender: the public IP changed, or the certificate did. Update the connector, and the SPF record with it.",
        ],
        sources: [SOURCES.ndr5764],
      },
      {
        heading: "The connector's settings",
        paragraphs: [
          'The inbound connector goes from "Your organization\'s email server" to "Microsoft 365" and recognises the sender by the sending server\'s IP addresses, which must be static and belong exclusively to your organisation (a dynamic IP is not supported), or by a certificate whose name is a domain registered in Microsoft 365.',
          "Senders without a mailbox may need an Exchange Online Protection licence. Any address in your domains can be the sender, and no copy is kept in Sent Items.",
        ],
        sources: [SOURCES.mfd],
      },
      {
        heading: "SPF for the sending IP",
        paragraphs: [
          "Add the device's static public IP to your domain's SPF record so receivers trust it. Microsoft's device guide shows ~all; its SPF page recommends -all once DKIM and DMARC are set up.",
        ],
        code: "v=spf1 ip4:<your static IP> include:spf.protection.outlook.com ~all",
        sources: [SOURCES.mfd, SOURCES.spf],
      },
      {
        heading: "Port 25 from cloud hosts",
        paragraphs: [
          "Direct Send and relay use port 25, which most ISPs and cloud providers block outbound (Azure, AWS, Google Cloud and others). Microsoft also does not support SMTP relay from senders hosted on Azure. From such hosts, SMTP AUTH on port 587 is the way.",
        ],
        sources: [SOURCES.mfd, CLOUD_PORT_25],
      },
      {
        heading: "Direct Send turned off (5.7.68)",
        paragraphs: [
          "Tenants can reject Direct Send (Set-OrganizationConfig -RejectDirectSend $true): anonymous mail from your own domains is then refused with 550 5.7.68 unless it matches an inbound connector.",
        ],
        code: "Get-OrganizationConfig | Format-List RejectDirectSend",
        sources: [SOURCES.rejectDirectSend],
      },
    ],
  },
}

/** The guide a diagnosis links to, if any. */
export function guideFor(diagnosisId: string): Guide | undefined {
  return Object.values(GUIDES).find((guide) => guide.diagnoses.includes(diagnosisId))
}
