import type { SendingMethod } from "@/lib/schemas/setup-fields"
import { MX_FORMATS, classicMxHost } from "./dns-records"
import * as SOURCES from "./sources"

/** The SMTP AUTH client submission host (SOURCES.mfd, "Option 1" settings). */
export const SMTP_AUTH_HOST = "smtp.office365.com"

export interface EndpointRule {
  /** An exact host name, or a suffix starting with "." that matches any host under it. */
  host: string
  purpose: string
  /** The submission route it serves; unset for the tenant MX endpoints and consumer Outlook.com. */
  method?: SendingMethod
  /** false where the reference marks the host UNCONFIRMED by a Microsoft page. */
  confirmed: boolean
  source: { title: string; url: string }
}

/**
 * Microsoft's SMTP endpoints, the only hosts the test connects to unless SMTP365_ALLOWED_HOSTS adds
 * more. Each entry cites where the host name comes from (shared/reference/microsoft-365-smtp.md §1, §5).
 */
export const MICROSOFT_SMTP_ENDPOINTS: readonly EndpointRule[] = [
  {
    host: SMTP_AUTH_HOST,
    purpose: "SMTP AUTH client submission",
    method: "smtp-auth",
    confirmed: true,
    source: SOURCES.mfd,
  },
  {
    host: "smtp-legacy.office365.com",
    purpose: "SMTP AUTH for clients limited to TLS 1.0/1.1 (opt-in)",
    method: "smtp-auth",
    confirmed: true,
    source: SOURCES.legacyTls,
  },
  {
    host: "smtp.outlook.com",
    purpose: "Replacement for the retired regional host names",
    method: "smtp-auth",
    confirmed: true,
    source: SOURCES.regionalHosts,
  },
  // Under mx.microsoft, like the newer tenant MX endpoints, but not one of them.
  {
    host: "smtp.hve.mx.microsoft",
    purpose: "High Volume Email",
    method: "hve",
    confirmed: true,
    source: SOURCES.hve,
  },
  {
    host: "smtp-hve.office365.com",
    purpose: "High Volume Email (older name, to be deprecated)",
    method: "hve",
    confirmed: true,
    source: SOURCES.hve,
  },
  // The tenant MX endpoints, one rule per format, each cited there.
  ...MX_FORMATS.map(({ suffix, purpose, source }) => ({
    host: suffix,
    purpose,
    confirmed: true,
    source,
  })),
  {
    host: "smtp.azurecomm.net",
    purpose: "Azure Communication Services Email",
    method: "acs",
    confirmed: true,
    source: SOURCES.acsSmtp,
  },
  {
    host: "smtp.office365.us",
    purpose: "SMTP AUTH, GCC High / DoD",
    method: "smtp-auth",
    confirmed: false,
    source: {
      title: "microsoft-365-docs issue 12348 (GCC High SMTP host)",
      url: "https://github.com/MicrosoftDocs/microsoft-365-docs/issues/12348",
    },
  },
  {
    host: "smtp.partner.outlook.cn",
    purpose: "SMTP AUTH, Microsoft 365 operated by 21Vianet",
    method: "smtp-auth",
    confirmed: false,
    source: {
      title: "hertzbeat issue 1062 (21Vianet log)",
      url: "https://github.com/apache/hertzbeat/issues/1062",
    },
  },
  {
    host: "smtp-mail.outlook.com",
    purpose: "Consumer Outlook.com (not Microsoft 365)",
    confirmed: true,
    source: {
      title: "nodemailer well-known services (Hotmail entry)",
      url: "https://github.com/nodemailer/nodemailer",
    },
  },
] as const

/** Normalises a host for comparison: lower case, no trailing dot. */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, "")
}

/** The endpoint named exactly by a rule: smtp.hve.mx.microsoft is HVE, not a host under a suffix. */
function namedEndpoint(name: string): EndpointRule | undefined {
  return MICROSOFT_SMTP_ENDPOINTS.find((rule) => rule.host === name)
}

/** The endpoint rule a host falls under, if it is one of Microsoft's SMTP endpoints. */
export function findMicrosoftEndpoint(host: string): EndpointRule | undefined {
  const name = normalizeHost(host)
  return (
    namedEndpoint(name) ??
    MICROSOFT_SMTP_ENDPOINTS.find(
      (rule) =>
        rule.host.startsWith(".") && name.endsWith(rule.host) && name.length > rule.host.length
    )
  )
}

/** Which of Microsoft 365's MX endpoint formats (MX_FORMATS) a host is, if any. */
export function mxFormatOf(host: string) {
  const name = normalizeHost(host)
  if (namedEndpoint(name)) return undefined
  return MX_FORMATS.find((format) => name.endsWith(format.suffix))
}

/** True for a tenant MX endpoint (any of MX_FORMATS), the target of Direct Send and relay. */
export function isMxEndpoint(host: string): boolean {
  return mxFormatOf(host) !== undefined
}

/**
 * The classic MX endpoint Microsoft 365 gives a domain: dots become dashes under
 * mail.protection.outlook.com (SOURCES.mfd, "contoso-com.mail.protection.outlook.com"). Only a guess:
 * domains added since July 2026 get an *.mx.microsoft host instead (SOURCES.mxMicrosoft), which only
 * the domain's real MX record can tell.
 */
export function guessMxHost(domain: string): string {
  const name = normalizeHost(domain)
  return name ? classicMxHost(name) : ""
}
