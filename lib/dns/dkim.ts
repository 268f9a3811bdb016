import {
  DKIM_SELECTORS,
  DKIM_TARGET_PATTERNS,
  INITIAL_DOMAIN_SUFFIX,
  classicDkimTarget,
  dkimEnableCommand,
  dkimValuesCommand,
  domainWithDashes,
  type DkimSelector,
} from "@/lib/microsoft365/dns-records"
import * as SOURCES from "@/lib/microsoft365/sources"

import { describeFailure, isAbsent, type DnsLookups, type LookupFailure } from "./resolver"
import type { CheckStatus, DnsCheck, RecordToPublish } from "./types"

type SelectorState =
  | {
      selector: DkimSelector
      kind: "microsoft"
      target: string
      format: "classic" | "new"
      forDomain: boolean
    }
  | { selector: DkimSelector; kind: "other"; target: string }
  | { selector: DkimSelector; kind: "missing" }
  | { selector: DkimSelector; kind: "unknown"; failure: LookupFailure }

function readTarget(selector: DkimSelector, target: string, domain: string): SelectorState {
  const classic = DKIM_TARGET_PATTERNS.classic.exec(target)
  const modern = DKIM_TARGET_PATTERNS.dkimMailMicrosoft.exec(target)
  const match = classic ?? modern
  if (!match) return { selector, kind: "other", target }
  return {
    selector,
    kind: "microsoft",
    target,
    format: classic ? "classic" : "new",
    forDomain: (match[2] ?? "").toLowerCase() === domainWithDashes(domain),
  }
}

/**
 * DKIM: the selector1 and selector2 CNAMEs Microsoft 365 signs with, classic
 * (…onmicrosoft.com) or the newer …dkim.mail.microsoft format (SOURCES.dkim).
 */
export async function checkDkim(
  lookups: DnsLookups,
  input: { domain: string; initialDomain?: string }
): Promise<DnsCheck> {
  const { domain, initialDomain } = input
  const states = await Promise.all(
    DKIM_SELECTORS.map(async (selector): Promise<SelectorState> => {
      const cname = await lookups.cname(`${selector}._domainkey.${domain}`)
      if (cname.ok) return readTarget(selector, cname.records[0] ?? "", domain)
      return isAbsent(cname.failure)
        ? { selector, kind: "missing" }
        : { selector, kind: "unknown", failure: cname.failure }
    })
  )

  const found: string[] = []
  const details: string[] = []
  const statuses: CheckStatus[] = []
  for (const state of states) {
    const name = `${state.selector}._domainkey.${domain}`
    if (state.kind === "microsoft") {
      found.push(`${name} CNAME ${state.target}`)
      details.push(
        `${state.selector} points to Microsoft 365 (${state.format === "classic" ? "classic format" : "newer dkim.mail.microsoft format"}).`
      )
      if (!state.forDomain) {
        statuses.push("warn")
        details.push(
          `${state.selector}'s target is named for another domain than ${domain}: check it against Microsoft's value.`
        )
      }
    } else if (state.kind === "other") {
      found.push(`${name} CNAME ${state.target}`)
      statuses.push("warn")
      details.push(
        `${state.selector} points to ${state.target}, not to Microsoft 365, so Microsoft 365 cannot sign with it.`
      )
    } else if (state.kind === "missing") {
      statuses.push("fail")
      details.push(`${name} has no CNAME record.`)
    } else {
      statuses.push("warn")
      details.push(`${name} ${describeFailure(state.failure)}.`)
    }
  }

  const missing = states.filter((state) => state.kind === "missing")
  const publish: RecordToPublish[] = []
  const commands: string[] = []
  if (missing.length) {
    const known = initialDomain?.toLowerCase().endsWith(INITIAL_DOMAIN_SUFFIX)
    for (const { selector } of missing) {
      publish.push({
        type: "CNAME",
        name: `${selector}._domainkey.${domain}`,
        value: classicDkimTarget(
          selector,
          domain,
          known ? (initialDomain ?? "").toLowerCase() : `<initial domain>`
        ),
        note: known
          ? "The classic target. Custom domains added from May 2025 get a …dkim.mail.microsoft target instead: compare with the value Microsoft shows."
          : "Put your tenant's initial domain (for example contoso.onmicrosoft.com) in place of <initial domain>, or copy the exact value Microsoft shows. Custom domains added from May 2025 get a …dkim.mail.microsoft target instead.",
      })
    }
    commands.push(dkimValuesCommand(domain), dkimEnableCommand(domain))
    details.push(
      "Microsoft shows the exact values in the Defender portal (Email authentication settings, DKIM) and in Get-DkimSigningConfig. After both CNAMEs resolve, turn on signing; DNS can take from a few minutes to 4 days to reach Microsoft."
    )
  }

  const status: CheckStatus = statuses.includes("fail")
    ? "fail"
    : statuses.includes("warn")
      ? "warn"
      : "pass"
  const resolved = states.filter((state) => state.kind === "microsoft").length
  const summary =
    status === "pass"
      ? "Both DKIM selectors point to Microsoft 365."
      : missing.length === DKIM_SELECTORS.length
        ? `DKIM is not set up: ${domain} has no selector1 or selector2 CNAME.`
        : missing.length
          ? `Only ${resolved === 1 ? "one" : "no"} DKIM selector points to Microsoft 365; both are needed for key rotation.`
          : "DKIM needs attention."
  if (missing.length === 1) {
    details.push(
      "Only one selector is active at a time; the other is used after Microsoft rotates the key."
    )
  }
  return {
    id: "dkim",
    title: "DKIM",
    status,
    summary,
    details,
    found,
    publish,
    commands,
    sources: [SOURCES.dkim],
  }
}
