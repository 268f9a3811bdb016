import { psQuote } from "@/lib/powershell"
import * as SOURCES from "./sources"

/**
 * DNS records Microsoft 365 expects for a custom domain, as data: host-name patterns to recognise
 * and templates to publish. Each entry cites its page (shared/reference/microsoft-365-smtp.md §5).
 */

export type MicrosoftCloud = "worldwide" | "gcc-high" | "21vianet"

/** The SPF include for each Microsoft 365 cloud (SOURCES.spf). */
export const SPF_INCLUDES: readonly {
  cloud: MicrosoftCloud
  name: string
  include: string
  source: typeof SOURCES.spf
}[] = [
  {
    cloud: "worldwide",
    name: "Microsoft 365 (worldwide and GCC)",
    include: "spf.protection.outlook.com",
    source: SOURCES.spf,
  },
  {
    cloud: "gcc-high",
    name: "Microsoft 365 GCC High and DoD",
    include: "spf.protection.office365.us",
    source: SOURCES.spf,
  },
  {
    cloud: "21vianet",
    name: "Microsoft 365 operated by 21Vianet",
    include: "spf.protection.partner.outlook.cn",
    source: SOURCES.spf,
  },
]

/** RFC 7208 §4.6.4: more DNS-querying terms than this make the record a permerror. */
export const SPF_LOOKUP_LIMIT = 10
/** RFC 7208 §4.6.4: more lookups that return nothing than this make the record a permerror. */
export const SPF_VOID_LOOKUP_LIMIT = 2

/** The RFC that defines SPF evaluation and its limits. */
export const RFC7208 = {
  title: "RFC 7208: Sender Policy Framework (SPF), section 4.6.4 DNS lookup limits",
  url: "https://www.rfc-editor.org/rfc/rfc7208#section-4.6.4",
} as const

/** The RFC that defines DMARC records and alignment. */
export const RFC7489 = {
  title: "RFC 7489: Domain-based Message Authentication, Reporting, and Conformance (DMARC)",
  url: "https://www.rfc-editor.org/rfc/rfc7489",
} as const

export interface MxFormat {
  id: "classic" | "dnssec" | "gcc-high"
  /** Host names of this format end with this suffix. */
  suffix: string
  description: string
  /** How the host guard names the endpoint it let a test connect to (endpoints.ts). */
  purpose: string
  source: { title: string; url: string }
}

/**
 * The tenant's MX endpoint, the host Direct Send and relay connect to. The classic name is the domain
 * with dots as dashes under mail.protection.outlook.com (SOURCES.mfd); domains added from July 2026,
 * and those that opted into DNSSEC, get a name under mx.microsoft (SOURCES.mxMicrosoft). GCC High and
 * DoD tenants receive under mail.protection.office365.us (SOURCES.gccHighDns).
 */
export const MX_FORMATS: readonly MxFormat[] = [
  {
    id: "classic",
    suffix: ".mail.protection.outlook.com",
    description: "the classic Microsoft 365 MX endpoint",
    purpose: "Tenant MX endpoint (Direct Send, relay)",
    source: SOURCES.mfd,
  },
  {
    id: "dnssec",
    suffix: ".mx.microsoft",
    description: "the newer DNSSEC-capable Microsoft 365 MX endpoint",
    purpose: "Tenant MX endpoint, newer DNSSEC-capable format",
    source: SOURCES.mxMicrosoft,
  },
  {
    id: "gcc-high",
    suffix: ".mail.protection.office365.us",
    description: "the Microsoft 365 GCC High and DoD MX endpoint",
    purpose: "Tenant MX endpoint, GCC High and DoD (Direct Send, relay)",
    source: SOURCES.gccHighDns,
  },
]

/** "contoso.com" → "contoso-com", the form Microsoft's MX and DKIM names use (SOURCES.mfd, SOURCES.dkim). */
export function domainWithDashes(domain: string) {
  return domain.replace(/\./g, "-")
}

/** The classic MX endpoint for a domain, for example contoso-com.mail.protection.outlook.com (SOURCES.mfd). */
export function classicMxHost(domain: string) {
  return `${domainWithDashes(domain)}.mail.protection.outlook.com`
}

export const DKIM_SELECTORS = ["selector1", "selector2"] as const
export type DkimSelector = (typeof DKIM_SELECTORS)[number]

/** The initial domain every tenant gets: <name>.onmicrosoft.com (SOURCES.dkim). */
export const INITIAL_DOMAIN_SUFFIX = ".onmicrosoft.com"

/**
 * Classic DKIM CNAME target: selector1-contoso-com._domainkey.contoso.onmicrosoft.com
 * (SOURCES.dkim). `initialDomain` is the tenant's contoso.onmicrosoft.com.
 */
export function classicDkimTarget(selector: DkimSelector, domain: string, initialDomain: string) {
  return `${selector}-${domainWithDashes(domain)}._domainkey.${initialDomain}`
}

/**
 * Recognises Microsoft 365 DKIM CNAME targets. Classic: …._domainkey.<tenant>.onmicrosoft.com;
 * new (custom domains added from May 2025): …._domainkey.<prefix>.<letter>-v1.dkim.mail.microsoft,
 * where the partition letter is Microsoft's choice (SOURCES.dkim, and the reference's MS docs diffs).
 */
export const DKIM_TARGET_PATTERNS = {
  classic: /^(selector[12])-([a-z0-9-]+)\._domainkey\.([a-z0-9-]+\.onmicrosoft\.com)\.?$/i,
  dkimMailMicrosoft:
    /^(selector[12])-([a-z0-9-]+)\._domainkey\.([a-z0-9-]+)\.([a-z0-9]+-v\d+)\.dkim\.mail\.microsoft\.?$/i,
} as const

/** Where Microsoft shows a domain's exact DKIM CNAME values (SOURCES.dkim). */
export function dkimValuesCommand(domain: string) {
  return `Get-DkimSigningConfig -Identity ${psQuote(domain)} | Format-List Name,Enabled,Status,Selector1CNAME,Selector2CNAME`
}

/** Turns on DKIM signing once both CNAMEs resolve; before that the status is CnameMissing (SOURCES.dkim). */
export function dkimEnableCommand(domain: string) {
  return `Set-DkimSigningConfig -Identity ${psQuote(domain)} -Enabled $true`
}

export const DMARC_POLICIES = ["none", "quarantine", "reject"] as const
export type DmarcPolicy = (typeof DMARC_POLICIES)[number]

/** Where an admin reads the exact MX value (SOURCES.mxMicrosoft: the newer names cannot be derived). */
export const MX_WHERE_TO_FIND =
  "Microsoft lists the exact MX value for each domain in the Microsoft 365 admin center (Settings, Domains, the domain's DNS records); the newer *.mx.microsoft names cannot be guessed from the domain."

const GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"

/**
 * Azure Communication Services Email: the TXT record that proves a custom domain is yours. It goes
 * on the domain itself as ms-domain-verification=<GUID>, a token Azure makes per domain
 * (SOURCES.acsDomainTroubleshooting's example, SOURCES.acsDomainRecordsObserved), so DNS can show
 * that one of this form is there but not that it is the portal's.
 */
export const ACS_VERIFICATION_TXT = {
  prefix: "ms-domain-verification=",
  form: new RegExp(`^ms-domain-verification=${GUID}$`, "i"),
  template: "ms-domain-verification=<token from the Azure portal>",
} as const

/**
 * Azure Communication Services Email: the SPF record its portal gives a custom domain, with -all,
 * which its verification requires: "If your SPF records contain ~all the SPF verification fails"
 * (SOURCES.acsDomainTroubleshooting, SOURCES.acsCustomDomain).
 */
export const ACS_SPF = {
  include: "spf.protection.outlook.com",
  all: "-all",
  record: "v=spf1 include:spf.protection.outlook.com -all",
} as const

/**
 * Azure Communication Services Email: the two DKIM CNAMEs under a custom domain, named DKIM and
 * DKIM2 in the portal, with the names and targets Microsoft documents (SOURCES.acsCustomDomain,
 * SOURCES.acsDomainTroubleshooting) and its API returns (SOURCES.acsDomainRecordsObserved).
 */
export const ACS_DKIM_RECORDS = [
  {
    label: "DKIM",
    selector: "selector1-azurecomm-prod-net",
    target: "selector1-azurecomm-prod-net._domainkey.azurecomm.net",
  },
  {
    label: "DKIM2",
    selector: "selector2-azurecomm-prod-net",
    target: "selector2-azurecomm-prod-net._domainkey.azurecomm.net",
  },
] as const

/**
 * Azure managed domains of Azure Communication Services: <GUID>.azurecomm.net, set up by Azure
 * with no verification and its sender authentication already configured (SOURCES.acsDomainTypes,
 * SOURCES.acsManagedDomain).
 */
export const ACS_MANAGED_DOMAIN = {
  suffix: ".azurecomm.net",
  form: new RegExp(`^${GUID}\\.azurecomm\\.net$`, "i"),
} as const

/** A name under azurecomm.net: only Azure publishes its records. */
export function isAcsManagedDomain(domain: string) {
  return domain.toLowerCase().replace(/\.$/, "").endsWith(ACS_MANAGED_DOMAIN.suffix)
}

/** Where the Azure portal shows a custom domain's exact records (SOURCES.acsCustomDomain). */
export const ACS_WHERE_TO_FIND =
  "The Azure portal shows the exact records for the domain: open the Email Communication Service resource, Provision domains, then the domain's Configure."

/** The domain's records as Azure has them, verificationRecords included (SOURCES.acsCustomDomain's CLI tab). */
export function acsDomainShowCommand(domain: string) {
  return `az communication email domain show --domain-name "${domain}" --email-service-name "<EmailServiceName>" --resource-group "<resourceGroup>"`
}
