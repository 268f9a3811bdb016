import { psQuote } from "@/lib/powershell"
import type { OAuthSignIn } from "@/lib/schemas/setup-fields"
import * as SOURCES from "./sources"

/**
 * The Microsoft Entra and Exchange Online side of OAuth for SMTP AUTH, as a checklist: data,
 * filled in from what the admin typed in the Account step. Every step comes from Microsoft's page
 * (SOURCES.oauth, reference §3) or the RBAC for Applications page (SOURCES.smtpAppRbac).
 */

export interface ChecklistInput {
  flow: OAuthSignIn
  tenant: string
  clientId: string
  /** The mailbox the test signs in as. */
  mailbox: string
}

export interface ChecklistStep {
  id: string
  title: string
  /** What to do, one paragraph each. */
  text: string[]
  /** PowerShell to run, one block per command group. */
  commands?: { title: string; code: string }[]
  link?: { label: string; url: string; note: string }
  source: { title: string; url: string }
  /** The diagnoses (catalog ids) this step fixes: a failed test's diagnosis links to it. */
  diagnoses: readonly string[]
}

const PLACEHOLDER = {
  tenant: "<Directory (tenant) ID>",
  clientId: "<Application (client) ID>",
  mailbox: "<mailbox address>",
}

/**
 * Exchange Online's service principal is made with the Enterprise Application's object ID, "not the
 * Object ID from the Overview page of the App Registrations node" (SOURCES.oauth).
 */
export const ENTERPRISE_OBJECT_ID = "<Object ID from Enterprise applications → the app → Overview>"

/** The admin consent address for SMTP.SendAsApp, as Microsoft's page builds it (SOURCES.oauth). */
export function adminConsentUrl(tenant: string, clientId: string): string {
  const query = new URLSearchParams({
    client_id: clientId,
    // The page's example needs a redirect URI registered on the app; https://localhost is the
    // usual one for apps without a web front end (Authentication → Add a platform → Web).
    redirect_uri: "https://localhost",
    scope: "https://outlook.office365.com/.default",
  })
  return `https://login.microsoftonline.com/${encodeURIComponent(tenant)}/v2.0/adminconsent?${query}`
}

/**
 * The checklist for one flow, with the typed values or placeholders where a value is empty. In the
 * commands every value is a single-quoted PowerShell literal (psQuote), placeholders included, as
 * in the diagnoses (lib/diagnosis/classify.ts): a mailbox o'brien@contoso.com is taken whole, and a
 * command is right once the text inside a placeholder's quotes is replaced.
 */
export function entraChecklist(input: ChecklistInput): ChecklistStep[] {
  const tenant = input.tenant.trim() || PLACEHOLDER.tenant
  const clientId = input.clientId.trim() || PLACEHOLDER.clientId
  const mailbox = input.mailbox.trim() || PLACEHOLDER.mailbox
  const ps = {
    tenant: psQuote(tenant),
    clientId: psQuote(clientId),
    mailbox: psQuote(mailbox),
    objectId: psQuote(ENTERPRISE_OBJECT_ID),
  }
  const connect = `Install-Module -Name ExchangeOnlineManagement\nConnect-ExchangeOnline -Organization ${ps.tenant}`
  const enableSmtpAuth: ChecklistStep = {
    id: "smtp-auth",
    title: "Keep SMTP AUTH on for the mailbox",
    text: [
      "OAuth replaces the password, not SMTP AUTH itself: with SMTP AUTH off for the mailbox, Exchange Online still refuses the sign-in (5.7.139).",
    ],
    commands: [
      {
        title: "Enable SMTP AUTH for the mailbox",
        code: `${connect}\nSet-CASMailbox -Identity ${ps.mailbox} -SmtpClientAuthenticationDisabled $false`,
      },
    ],
    source: SOURCES.smtpAuth,
    diagnoses: ["smtp-auth-disabled-mailbox"],
  }

  if (input.flow === "oauth-device") {
    return [
      {
        id: "register",
        title: "Register the app and allow public client flows",
        text: [
          "Microsoft Entra admin center → App registrations → New registration. Its Overview shows the Application (client) ID and the Directory (tenant) ID to copy here.",
          'Authentication → Advanced settings → "Allow public client flows": Yes. The device code flow is a public client flow; with it off, the sign-in fails with AADSTS7000218.',
        ],
        source: SOURCES.deviceCodeFlow,
        diagnoses: [
          "aadsts-application-not-found",
          "aadsts-tenant-not-found",
          "aadsts-public-client-flows-off",
          "aadsts-not-multi-tenant",
        ],
      },
      {
        id: "permission",
        title: "Add the delegated SMTP.Send permission",
        text: [
          `API permissions → Add a permission → the delegated permission SMTP.Send (scope https://outlook.office.com/SMTP.Send). The user consents at sign-in, or an admin grants consent for the tenant; without it the sign-in fails with AADSTS65001.`,
        ],
        source: SOURCES.oauth,
        diagnoses: ["aadsts-consent-missing"],
      },
      {
        id: "user",
        title: "Sign in as the mailbox, or with FullAccess to it",
        text: [
          `The test signs in as ${mailbox} with the signed-in user's token: sign in as that mailbox, or as a user with FullAccess to it (a shared mailbox).`,
        ],
        commands: [
          {
            title: "Give a user FullAccess to a shared mailbox",
            code: `${connect}\nAdd-MailboxPermission -Identity ${ps.mailbox} -User ${psQuote("<user who signs in>")} -AccessRights FullAccess`,
          },
        ],
        source: SOURCES.oauth,
        diagnoses: ["xoauth2-delegated-rejected"],
      },
      enableSmtpAuth,
    ]
  }

  return [
    {
      id: "register",
      title: "Register the app and create a client secret",
      text: [
        "Microsoft Entra admin center → App registrations → New registration. Its Overview shows the Application (client) ID and the Directory (tenant) ID to copy here.",
        "Certificates & secrets → New client secret. Copy its Value at once (it is shown only then), not its Secret ID.",
      ],
      source: SOURCES.clientCredentialsFlow,
      diagnoses: [
        "aadsts-invalid-client-secret",
        "aadsts-client-secret-expired",
        "aadsts-application-not-found",
        "aadsts-tenant-not-found",
        "aadsts-not-multi-tenant",
      ],
    },
    {
      id: "permission",
      title: "Add SMTP.SendAsApp and grant admin consent",
      text: [
        "API permissions → Add a permission → APIs my organization uses → Office 365 Exchange Online → Application permissions → SMTP.SendAsApp. Then Grant admin consent: without consent the token carries no role.",
      ],
      link: {
        label: "Open the admin consent page for this app",
        url: adminConsentUrl(tenant, clientId),
        note: "A Global or Privileged Role Administrator signs in and accepts. The app needs https://localhost as a Web redirect URI, where the browser lands afterwards.",
      },
      source: SOURCES.oauth,
      diagnoses: ["aadsts-consent-missing"],
    },
    {
      id: "service-principal",
      title: "Register the app in Exchange Online (New-ServicePrincipal)",
      text: [
        "Use the Object ID on Enterprise applications → the app → Overview. It is not the Object ID on App registrations: that one makes the sign-in fail with 535 5.7.3.",
      ],
      commands: [
        {
          title: "Register the service principal",
          code: `${connect}\nNew-ServicePrincipal -AppId ${ps.clientId} -ObjectId ${ps.objectId}`,
        },
      ],
      source: SOURCES.oauth,
      diagnoses: ["xoauth2-app-rejected"],
    },
    {
      id: "mailbox",
      title: "Give the app the mailbox (Add-MailboxPermission)",
      text: [`The service principal needs FullAccess to ${mailbox}, the mailbox it signs in as.`],
      commands: [
        {
          title: "Give the app the mailbox",
          code: `Add-MailboxPermission -Identity ${ps.mailbox} -User ${ps.objectId} -AccessRights FullAccess`,
        },
      ],
      source: SOURCES.oauth,
      diagnoses: ["xoauth2-app-rejected"],
    },
    {
      id: "rbac",
      title: "Or: RBAC for Applications instead of SMTP.SendAsApp and FullAccess",
      text: [
        "Exchange Online's newer way scopes the app to a group of mailboxes. Leave SMTP.SendAsApp out of API permissions (it would trigger the mailbox permission check), register the service principal as above, then assign the role for a scope.",
      ],
      commands: [
        {
          title: "Scope the app to a group's mailboxes",
          code: `${connect}\nNew-ManagementScope -Name "SMTP senders" -RecipientRestrictionFilter "MemberOfGroup -eq '<distinguished name of the mail-enabled group>'"\nNew-ManagementRoleAssignment -Name ${psQuote(`SMTP senders ${clientId}`)} -Role 'Application SMTP.SendAsApp' -App ${ps.clientId} -CustomResourceScope 'SMTP senders'`,
        },
      ],
      source: SOURCES.smtpAppRbac,
      diagnoses: ["xoauth2-app-rejected"],
    },
    enableSmtpAuth,
  ]
}

export const ENTRA_CHECKLIST_PATH = "/entra-checklist"

/** The checklist's own page, filled in with `input`; `stepId` scrolls to that step. */
export function entraChecklistUrl(input: ChecklistInput, stepId?: string): string {
  const query = new URLSearchParams({ flow: input.flow })
  for (const key of ["tenant", "clientId", "mailbox"] as const) {
    const value = input[key].trim()
    if (value) query.set(key, value)
  }
  return `${ENTRA_CHECKLIST_PATH}?${query}${stepId ? `#step-${stepId}` : ""}`
}

/** The checklist steps that fix a diagnosis, numbered as the checklist shows them, with links. */
export function entraStepsFor(
  diagnosisId: string,
  input: ChecklistInput
): { title: string; url: string }[] {
  return entraChecklist(input).flatMap((step, index) =>
    step.diagnoses.includes(diagnosisId)
      ? [{ title: `Step ${index + 1}: ${step.title}`, url: entraChecklistUrl(input, step.id) }]
      : []
  )
}
