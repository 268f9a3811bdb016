import type { SendingMethod } from "@/lib/schemas/setup-fields"
import { isAcsManagedDomain } from "@/lib/microsoft365/dns-records"

/** The checks the domain check can run; a plan lists some of them, in the order shown. */
export type DnsCheckKind =
  "mx" | "spf" | "dkim" | "dmarc" | "acs-verification" | "acs-dkim" | "acs-managed-domain"

/**
 * Who sends the domain's mail on a route: Exchange Online (Microsoft 365's SPF include and DKIM
 * selectors) or Azure Communication Services (its own verification, include rule and selectors).
 */
export type DomainSender = "microsoft365" | "acs"

/** What the domain check runs for a sending method, and what its form asks for. */
export interface DomainCheckPlan {
  sender: DomainSender
  checks: readonly DnsCheckKind[]
  /**
   * What the MX record is to the route: the host the device connects to (Direct Send, relay), the
   * host that receives the domain's mail while the route sends elsewhere (SMTP AUTH, HVE), or a
   * fact shown for information only (Azure Communication Services sends without it).
   */
  mx: "endpoint" | "receives" | "informational"
  /** The device connects itself, so SPF must list its public IP: the form asks for it. */
  deviceIp: boolean
  /** The Microsoft 365 DKIM targets can be filled in: the form asks for the initial domain. */
  initialDomain: boolean
}

/** SMTP AUTH and HVE: an Exchange Online account of an accepted domain signs in, and Exchange Online sends. */
const EXCHANGE_SUBMISSION: DomainCheckPlan = {
  sender: "microsoft365",
  checks: ["mx", "spf", "dkim", "dmarc"],
  mx: "receives",
  deviceIp: false,
  initialDomain: true,
}

/** Direct Send and relay: the device connects to the tenant's MX endpoint itself. */
const EXCHANGE_MX: DomainCheckPlan = {
  ...EXCHANGE_SUBMISSION,
  mx: "endpoint",
  deviceIp: true,
}

/**
 * Azure Communication Services with a custom domain: the records its portal lists (verification
 * TXT, SPF, DKIM and DKIM2), DMARC, and MX last, for information.
 */
const ACS_CUSTOM_DOMAIN: DomainCheckPlan = {
  sender: "acs",
  checks: ["acs-verification", "spf", "acs-dkim", "dmarc", "mx"],
  mx: "informational",
  deviceIp: false,
  initialDomain: false,
}

/** An Azure managed domain (…azurecomm.net): Azure sets up its records, so there is nothing to look up. */
const ACS_MANAGED_DOMAIN: DomainCheckPlan = { ...ACS_CUSTOM_DOMAIN, checks: ["acs-managed-domain"] }

/** Every sending method's plan: a new method does not compile until it has one. */
const PLANS: Record<SendingMethod, DomainCheckPlan> = {
  "smtp-auth": EXCHANGE_SUBMISSION,
  // HVE accounts send as an accepted domain through Exchange Online, as SMTP AUTH's mailboxes do.
  hve: EXCHANGE_SUBMISSION,
  "direct-send": EXCHANGE_MX,
  relay: EXCHANGE_MX,
  acs: ACS_CUSTOM_DOMAIN,
}

/**
 * The one place that decides which DNS checks a sending method gets. With the domain, an Azure
 * managed domain on Azure Communication Services gets its own plan; without it (the form), the
 * method's.
 */
export function domainCheckPlan(method: SendingMethod, domain?: string): DomainCheckPlan {
  const plan = PLANS[method]
  return plan.sender === "acs" && domain !== undefined && isAcsManagedDomain(domain)
    ? ACS_MANAGED_DOMAIN
    : plan
}
