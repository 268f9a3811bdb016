import { ACS_USERNAME_FORMAT, isGuid } from "@/lib/schemas/setup-fields"

/**
 * The SMTP username of Azure Communication Services: "<Azure Communication Services Resource
 * name>|<Entra Application ID>|<Entra Tenant ID>" (SOURCES.acsSmtp), or the username of an SMTP
 * Username resource, which "could be free form or in the email address format"
 * (SOURCES.acsSmtpUsername). The password is the Entra application's client secret either way.
 */

export interface AcsUsernameParts {
  /** The Communication Services resource's name (not the Email Communication Services one). */
  resource: string
  /** The Entra application's Application (client) ID. */
  clientId: string
  /** The Entra application's Directory (tenant) ID. */
  tenant: string
}

/** The three-part username from its parts, trimmed. */
export function composeAcsUsername({ resource, clientId, tenant }: AcsUsernameParts): string {
  return [resource, clientId, tenant].map((part) => part.trim()).join("|")
}

/** What is wrong with each part of the three-part username, part by part (null: nothing). */
export function acsUsernamePartProblems({
  resource,
  clientId,
  tenant,
}: AcsUsernameParts): Record<keyof AcsUsernameParts, string | null> {
  return {
    resource:
      !resource.trim() || /[\s|]/.test(resource.trim())
        ? "Enter the Communication Services resource's name, as the Azure portal shows it"
        : null,
    clientId: isGuid(clientId.trim())
      ? null
      : "Enter the app's Application (client) ID: a GUID such as 8f3c1a2b-0d4e-4f5a-9b6c-7d8e9f0a1b2c",
    tenant: isGuid(tenant.trim())
      ? null
      : "Enter the Directory (tenant) ID: a GUID from the app's Overview page",
  }
}

/**
 * What is wrong with a username for Azure Communication Services, or null when it is one of the
 * two forms. A value without "|" is taken for an SMTP Username, whose form is free.
 */
export function acsUsernameProblem(value: string): string | null {
  if (!value.includes("|")) return null
  const parts = value.split("|")
  if (parts.length !== 3) {
    return `A username with | has three parts: ${ACS_USERNAME_FORMAT}`
  }
  const [resource = "", clientId = "", tenant = ""] = parts
  if (!resource.trim() || /\s/.test(resource)) {
    return "Start with the name of the Communication Services resource, before the first |"
  }
  if (!isGuid(clientId)) {
    return "After the first | comes the app's Application (client) ID: a GUID such as 8f3c1a2b-0d4e-4f5a-9b6c-7d8e9f0a1b2c"
  }
  if (!isGuid(tenant)) {
    return "After the second | comes the Directory (tenant) ID: a GUID from the app's Overview page"
  }
  return null
}
