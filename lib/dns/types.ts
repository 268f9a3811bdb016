import type { SendingMethod } from "@/lib/schemas/setup-fields"

/**
 * A check's verdict; the page always shows it as a word too, never as colour alone. "info": a fact
 * the route does not depend on (MX for Azure Communication Services), neither passed nor failed.
 */
export type CheckStatus = "pass" | "warn" | "fail" | "info"

export interface Source {
  title: string
  url: string
}

/** A DNS record to add or change, with its value ready to copy. */
export interface RecordToPublish {
  type: "MX" | "TXT" | "CNAME"
  /** The full name the record goes on, for example _dmarc.contoso.com. */
  name: string
  value: string
  /** What to change in the value before publishing, or where the exact value comes from. */
  note?: string
}

export interface DnsCheck {
  id: "mx" | "spf" | "dkim" | "dmarc" | "verification" | "managed-domain"
  title: string
  status: CheckStatus
  /** One sentence: the verdict. */
  summary: string
  /** What was found and what it means, a sentence each. */
  details: string[]
  /** The records found, verbatim. */
  found: string[]
  publish: RecordToPublish[]
  /** Commands to run, when the fix is a setting or the exact values are shown by one. */
  commands: string[]
  /** Where the commands run; Exchange Online PowerShell when not given. */
  commandsTitle?: string
  sources: Source[]
}

export interface DomainCheckInput {
  domain: string
  method: SendingMethod
  /** The device's public IP, for Direct Send and relay: is it in the SPF record? */
  deviceIp?: string
  /** The tenant's initial domain (contoso.onmicrosoft.com), for the classic DKIM targets. */
  initialDomain?: string
}

export interface DomainCheckResult {
  domain: string
  method: SendingMethod
  /** The tenant's MX endpoint found in DNS, for the Server step of Direct Send and relay. */
  mxEndpoint: string | null
  checks: DnsCheck[]
}

/** "1 DNS lookup", "3 DNS lookups". */
export function plural(count: number, one: string, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`
}
