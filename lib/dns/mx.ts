import type { SendingMethod } from "@/lib/schemas/setup-fields"
import { methodInfo } from "@/lib/microsoft365/methods"
import { MX_WHERE_TO_FIND, classicMxHost } from "@/lib/microsoft365/dns-records"
import { mxFormatOf } from "@/lib/microsoft365/endpoints"
import * as SOURCES from "@/lib/microsoft365/sources"

import { domainCheckPlan } from "./check-plan"
import { describeFailure, isAbsent, type DnsLookups, type MxRecord } from "./resolver"
import type { DnsCheck } from "./types"

/**
 * MX: finds the tenant's MX endpoint (classic *.mail.protection.outlook.com, the newer
 * *.mx.microsoft, or GCC High's *.mail.protection.office365.us) that Direct Send and relay connect to
 * (MX_FORMATS, each with its source). On a route that sends without it (Azure Communication
 * Services), it only says where the domain's mail goes.
 */
export async function checkMx(
  lookups: DnsLookups,
  input: { domain: string; method: SendingMethod }
): Promise<{ check: DnsCheck; endpoint: string | null }> {
  const { domain, method } = input
  const plan = domainCheckPlan(method)
  if (plan.mx === "informational") {
    return { check: await checkMxForInformation(lookups, domain, method), endpoint: null }
  }
  const anonymous = plan.mx === "endpoint"
  // SMTP AUTH and HVE sign in at their own host; the MX record only receives the domain's mail.
  const { shortName, endpoint: methodEndpoint } = methodInfo(method)
  const sendsThrough = `${shortName} sends through ${methodEndpoint.kind === "submission" ? methodEndpoint.host : "its own host"}`
  const base: DnsCheck = {
    id: "mx",
    title: "MX (the tenant's MX endpoint)",
    status: "pass",
    summary: "",
    details: [],
    found: [],
    publish: [],
    commands: [],
    sources: [SOURCES.mfd, SOURCES.mxMicrosoft],
  }
  const template = {
    type: "MX" as const,
    name: domain,
    value: `0 ${classicMxHost(domain)}`,
    note: `The classic form, for domains added before July 2026. ${MX_WHERE_TO_FIND}`,
  }

  const mx = await lookups.mx(domain)
  if (!mx.ok) {
    if (!isAbsent(mx.failure)) {
      return {
        check: {
          ...base,
          status: "warn",
          summary: `Could not check MX: ${domain} ${describeFailure(mx.failure)}.`,
        },
        endpoint: null,
      }
    }
    return {
      check: {
        ...base,
        status: "fail",
        summary:
          mx.failure === "nxdomain"
            ? `${domain} ${describeFailure("nxdomain")}.`
            : `${domain} has no MX record: mail to it cannot be delivered.`,
        details: [
          mx.failure === "nxdomain"
            ? "Check the spelling, or add the domain at your DNS host first."
            : "Microsoft 365 gives each domain an MX record to publish.",
        ],
        publish: [template],
      },
      endpoint: null,
    }
  }

  const sorted = [...mx.records].sort((a, b) => a.priority - b.priority)
  const found = sorted.map((record) => `${record.priority} ${record.exchange}`)
  // The first record (by preference) that is a Microsoft 365 MX endpoint, with its format.
  const microsoft = sorted
    .map((record) => ({ record, format: mxFormatOf(record.exchange) }))
    .find((candidate) => candidate.format !== undefined)
  if (!microsoft?.format) {
    return {
      check: {
        ...base,
        status: anonymous ? "fail" : "warn",
        summary: `The MX record does not point to Microsoft 365: mail to ${domain} goes to ${sorted[0]?.exchange}.`,
        details: [
          "Mail for this domain is received by another service (another mail host or a filtering service in front of Microsoft 365).",
          anonymous
            ? `Direct Send and relay still connect to the tenant's Microsoft 365 MX endpoint, which DNS does not show here. ${MX_WHERE_TO_FIND}`
            : `${sendsThrough}, so this does not stop it; replies and bounces to this domain go to that service.`,
        ],
        found,
      },
      endpoint: null,
    }
  }

  const { record, format } = microsoft
  const endpoint = record.exchange.replace(/\.$/, "")
  const first = sorted[0] === record
  // GCC High's SMTP AUTH host is on no Microsoft page (endpoints.ts marks smtp.office365.us
  // unconfirmed), so none is named for it.
  const howItSends = anonymous
    ? "Direct Send and relay connect to this host on port 25."
    : format.id === "gcc-high"
      ? `${shortName} does not send through this host; it receives mail for the domain.`
      : `${sendsThrough}; this host receives mail for the domain.`
  return {
    check: {
      ...base,
      sources: base.sources.includes(format.source)
        ? base.sources
        : [...base.sources, format.source],
      status: first ? "pass" : "warn",
      summary: `The tenant's MX endpoint is ${endpoint}.`,
      details: [
        `It is ${format.description}.`,
        ...(first
          ? []
          : [
              `Another host has a lower preference (${sorted[0]?.exchange}), so mail to ${domain} reaches it first.`,
            ]),
        howItSends,
      ],
      found,
    },
    endpoint,
  }
}

/**
 * MX on a route that sends without it: what the record is for (SOURCES.acsAuthenticationPractices)
 * and where the domain's mail goes, never a failure. A lookup that gets no answer still warns, as
 * every check does.
 */
async function checkMxForInformation(
  lookups: DnsLookups,
  domain: string,
  method: SendingMethod
): Promise<DnsCheck> {
  const purpose = `MX names the server that receives mail for ${domain}, such as replies and bounces to its addresses. ${methodInfo(method).shortName} sends without it, so it is shown for information.`
  const check = (fields: Pick<DnsCheck, "summary"> & Partial<DnsCheck>): DnsCheck => ({
    id: "mx",
    title: "MX (where mail to the domain goes)",
    status: "info",
    details: [purpose],
    found: [],
    publish: [],
    commands: [],
    sources: [SOURCES.acsAuthenticationPractices],
    ...fields,
  })

  const mx = await lookups.mx(domain)
  if (!mx.ok) {
    return isAbsent(mx.failure)
      ? check({
          summary:
            mx.failure === "nxdomain"
              ? `${domain} ${describeFailure("nxdomain")}.`
              : `${domain} has no MX record: no server is named to receive mail for it.`,
        })
      : check({
          status: "warn",
          summary: `Could not check MX: ${domain} ${describeFailure(mx.failure)}.`,
          details: [],
        })
  }
  const sorted = [...mx.records].sort((a, b) => a.priority - b.priority)
  const first = sorted[0] as MxRecord
  const format = mxFormatOf(first.exchange)
  return check({
    summary: `Mail to ${domain} goes to ${first.exchange.replace(/\.$/, "")}.`,
    details: [...(format ? [`It is ${format.description}.`] : []), purpose],
    found: sorted.map((record) => `${record.priority} ${record.exchange}`),
  })
}
