import {
  ACS_DKIM_RECORDS,
  ACS_MANAGED_DOMAIN,
  ACS_VERIFICATION_TXT,
  ACS_WHERE_TO_FIND,
  acsDomainShowCommand,
} from "@/lib/microsoft365/dns-records"
import * as SOURCES from "@/lib/microsoft365/sources"

import { describeFailure, isAbsent, type DnsLookups, type LookupFailure } from "./resolver"
import type { CheckStatus, DnsCheck } from "./types"

// The checks only Azure Communication Services needs; SPF and DMARC are the shared checks with
// its profile (spf.ts, dmarc.ts). The records' names, forms and targets are data in dns-records.ts.

const AZURE_CLI = "Azure CLI"

/** Said with the command: what in its output to read. */
const CLI_SHOWS =
  "The Azure CLI command below shows the records Azure expects for the domain, under verificationRecords."

const worst = (statuses: CheckStatus[]): CheckStatus =>
  statuses.includes("fail") ? "fail" : statuses.includes("warn") ? "warn" : "pass"

/**
 * The verification TXT on the domain: ms-domain-verification=<GUID>. DNS shows whether one of
 * that form is there; whether its token is the one the portal gave this domain only the portal
 * knows (SOURCES.acsDomainTroubleshooting, SOURCES.acsDomainRecordsObserved).
 */
export async function checkAcsVerification(
  lookups: DnsLookups,
  input: { domain: string }
): Promise<DnsCheck> {
  const { domain } = input
  const template = {
    type: "TXT" as const,
    name: domain,
    value: ACS_VERIFICATION_TXT.template,
    note: "The token is made for each domain: copy the whole value from the Azure portal (the Email Communication Service resource, Provision domains, the domain's Verify Domain or Configure), then start the verification there. Microsoft says DNS changes take 15 to 30 minutes.",
  }
  const check = (fields: Pick<DnsCheck, "status" | "summary"> & Partial<DnsCheck>): DnsCheck => ({
    id: "verification",
    title: "Domain verification (TXT)",
    details: [],
    found: [],
    publish: [],
    commands: [],
    sources: [
      SOURCES.acsDomainTroubleshooting,
      SOURCES.acsCustomDomain,
      SOURCES.acsDomainRecordsObserved,
    ],
    ...fields,
  })

  const txt = await lookups.txt(domain)
  if (!txt.ok && !isAbsent(txt.failure)) {
    return check({
      status: "warn",
      summary: `Could not check the verification record: ${domain} ${describeFailure(txt.failure)}.`,
    })
  }
  if (!txt.ok && txt.failure === "nxdomain") {
    return check({
      status: "fail",
      summary: `No verification record: ${domain} ${describeFailure("nxdomain")}.`,
      details: ["Check the spelling, or add the domain at your DNS host first."],
      publish: [template],
    })
  }
  const prefix = ACS_VERIFICATION_TXT.prefix
  const records = (txt.ok ? txt.records : []).filter((record) =>
    record.toLowerCase().startsWith(prefix)
  )
  if (records.length === 0) {
    return check({
      status: "fail",
      summary: `${domain} has no ${prefix}… TXT record: Azure Communication Services cannot verify that the domain is yours.`,
      details: [
        "Azure Communication Services verifies SPF and DKIM only once the domain itself is verified, and the domain is ready to send only when all of them are.",
        CLI_SHOWS,
      ],
      publish: [template],
      commands: [acsDomainShowCommand(domain)],
      commandsTitle: AZURE_CLI,
    })
  }

  const wellFormed = records.filter((record) => ACS_VERIFICATION_TXT.form.test(record))
  const details = [
    `The token is made for each domain, so DNS cannot tell whether this one is ${domain}'s: compare it with the value the Azure portal shows for the domain (Provision domains, Verify Domain or Configure).`,
  ]
  if (records.length > 1) {
    details.push(
      `There are ${records.length}: only the one the portal shows for this domain counts; the others may be left from earlier attempts or other resources.`
    )
  }
  if (wellFormed.length < records.length) {
    details.unshift(
      `Microsoft's form is ${prefix} followed by a GUID (such as ${prefix}43d01b7e-996b-4e31-8159-f10119c2087a); ${records.length === 1 ? "this one is not" : "some are not"}. Copy the value from the portal again.`
    )
  }
  details.push(CLI_SHOWS)
  return check({
    status: wellFormed.length ? "pass" : "warn",
    summary: wellFormed.length
      ? `A verification record of the form Azure Communication Services uses is published.`
      : "The verification record is not of the form Azure Communication Services uses.",
    details,
    found: records,
    commands: [acsDomainShowCommand(domain)],
    commandsTitle: AZURE_CLI,
  })
}

type DkimState =
  | { kind: "documented"; target: string }
  | { kind: "other"; target: string }
  | { kind: "missing" }
  | { kind: "unknown"; failure: LookupFailure }

const sameName = (a: string, b: string) =>
  a.toLowerCase().replace(/\.$/, "") === b.toLowerCase().replace(/\.$/, "")

/**
 * DKIM and DKIM2: the two CNAMEs under the domain, and whether they point where Microsoft
 * documents (SOURCES.acsCustomDomain, SOURCES.acsDomainTroubleshooting).
 */
export async function checkAcsDkim(
  lookups: DnsLookups,
  input: { domain: string }
): Promise<DnsCheck> {
  const { domain } = input
  const records = await Promise.all(
    ACS_DKIM_RECORDS.map(async (record) => {
      const name = `${record.selector}._domainkey.${domain}`
      const cname = await lookups.cname(name)
      const target = cname.ok ? (cname.records[0] ?? "") : ""
      const state: DkimState = cname.ok
        ? sameName(target, record.target)
          ? { kind: "documented", target }
          : { kind: "other", target }
        : isAbsent(cname.failure)
          ? { kind: "missing" }
          : { kind: "unknown", failure: cname.failure }
      return { ...record, name, state }
    })
  )

  const statuses: CheckStatus[] = []
  const details: string[] = []
  const found: string[] = []
  for (const { label, name, target, state } of records) {
    if (state.kind === "documented") {
      found.push(`${name} CNAME ${state.target}`)
      details.push(`${label}: ${name} points to ${target}, as Microsoft documents.`)
    } else if (state.kind === "other") {
      statuses.push("warn")
      found.push(`${name} CNAME ${state.target}`)
      details.push(
        `${label}: ${name} points to ${state.target}, not to ${target} as Microsoft documents: compare it with the value the Azure portal shows.`
      )
    } else if (state.kind === "missing") {
      statuses.push("fail")
      details.push(`${label}: ${name} has no CNAME record.`)
    } else {
      statuses.push("warn")
      details.push(`${label}: ${name} ${describeFailure(state.failure)}.`)
    }
  }

  const missing = records.filter(({ state }) => state.kind === "missing")
  const status = worst(statuses)
  if (missing.length) {
    details.push(
      "The portal verifies DKIM and DKIM2 separately, once the domain itself is verified; the domain is ready to send when all its records are verified."
    )
  }
  if (status !== "pass") details.push(CLI_SHOWS)
  return {
    id: "dkim",
    title: "DKIM (DKIM and DKIM2)",
    status,
    summary:
      status === "pass"
        ? "Both DKIM CNAMEs point where Azure Communication Services documents."
        : missing.length === records.length
          ? `DKIM is not set up for Azure Communication Services: ${domain} has neither of its two CNAMEs.`
          : missing.length
            ? "Only one of the two DKIM CNAMEs is published; Azure Communication Services needs both."
            : "DKIM needs attention.",
    details,
    found,
    publish: missing.map(({ name, target }) => ({
      type: "CNAME" as const,
      name,
      value: target,
      note: `The target Microsoft documents. ${ACS_WHERE_TO_FIND}`,
    })),
    ...(status === "pass"
      ? { commands: [] }
      : { commands: [acsDomainShowCommand(domain)], commandsTitle: AZURE_CLI }),
    sources: [SOURCES.acsCustomDomain, SOURCES.acsDomainTroubleshooting],
  }
}

/**
 * An Azure managed domain (…azurecomm.net): Azure sets up its sender authentication and needs no
 * verification, so there is nothing to look up or publish (SOURCES.acsManagedDomain,
 * SOURCES.acsDomainTypes).
 */
export function checkAcsManagedDomain(input: { domain: string }): DnsCheck {
  const { domain } = input
  const named = ACS_MANAGED_DOMAIN.form.test(domain)
  return {
    id: "managed-domain",
    title: "Azure managed domain",
    status: named ? "pass" : "warn",
    summary: `${domain} is an Azure managed domain: Azure sets up its SPF and DKIM itself and it needs no verification, so there is no DNS record to publish.`,
    details: [
      ...(named
        ? []
        : [
            `Azure managed domains are named <GUID>${ACS_MANAGED_DOMAIN.suffix}: compare ${domain} with the domain the Azure portal shows (Provision domains).`,
          ]),
      "Its sender usernames can't be personalized and its sending volume is very limited: to send more, or from your own domain, add and verify a custom domain.",
    ],
    found: [],
    publish: [],
    commands: [],
    sources: [SOURCES.acsManagedDomain, SOURCES.acsDomainTypes],
  }
}
