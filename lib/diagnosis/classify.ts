import { domainOfAddress } from "@/lib/email-address"
import { entraStepsFor } from "@/lib/microsoft365/entra-checklist"
import { guideFor } from "@/lib/microsoft365/guides"
import { psQuote } from "@/lib/powershell"
import { isOAuth } from "@/lib/schemas/sign-in"
import type { SignIn } from "@/lib/schemas/setup-fields"
import type { Diagnosis, FailureFacts } from "@/lib/smtp/types"
import { CATALOG, FALLBACK_ENTRY } from "./catalog"
import type { CatalogEntry } from "./catalog-entry"
import { parseStatusCodes, readStatusCodes, subjectName, type StatusCodes } from "./rfc3463"

export interface DiagnosisContext {
  /** The mailbox that signs in, or the From address when nothing signs in. */
  mailbox: string
  from: string
  host: string
  port: number
  /** The recipient, when known (a pasted bounce names it). */
  to?: string
  /** OAuth: the Directory (tenant) ID or domain, and the Application (client) ID typed. */
  tenant?: string
  clientId?: string
  /** How the test signed in; with OAuth, a diagnosis links to its flow's Entra checklist. */
  signIn?: SignIn
}

/** Stand in for {tenant} and {clientId} when they are unknown (a pasted reply). */
const UNKNOWN_TENANT = "<Directory (tenant) ID>"
const UNKNOWN_CLIENT_ID = "<Application (client) ID>"

/** Stands in for {to} when the recipient is unknown. */
const UNKNOWN_RECIPIENT = "group@yourdomain.com"

/** Stands in for {domain} when neither the mailbox nor the From address names one. */
const UNKNOWN_DOMAIN = "yourdomain.com"

/** "5.7.139" matches "5.7.139"; "4.7.500-699" matches 4.7.500 through 4.7.699. */
function enhancedMatches(pattern: string, codes: StatusCodes): boolean {
  const status = codes.enhanced
  if (!status) return false
  const [cls, subject, detail = ""] = pattern.split(".")
  if (Number(cls) !== status.class || Number(subject) !== status.subject) return false
  const [low, high] = detail.split("-").map(Number)
  return high === undefined
    ? status.detail === low
    : status.detail >= (low ?? 0) && status.detail <= high
}

function matches(
  entry: CatalogEntry,
  facts: FailureFacts,
  codes: StatusCodes,
  cause: string | undefined,
  port: number
): boolean {
  const {
    basic,
    enhanced,
    text,
    code,
    cause: causes,
    stage,
    port: ports,
    signIn,
    method,
    practice,
  } = entry.match
  // A reply pasted without any code is matched on its words alone, where they are Microsoft's own.
  const codesWaived =
    entry.match.textAlone === true && codes.basic === undefined && codes.enhanced === undefined
  if (basic && !codesWaived && !(codes.basic && basic.includes(codes.basic))) return false
  if (enhanced && !codesWaived && !enhanced.some((pattern) => enhancedMatches(pattern, codes))) {
    return false
  }
  if (text && !(facts.reply && text.test(facts.reply))) return false
  if (code && !code.includes(facts.code)) return false
  if (causes && !(cause && causes.includes(cause))) return false
  if (stage && !stage.includes(facts.stage)) return false
  if (ports && !ports.includes(port)) return false
  if (signIn && !(facts.signIn && signIn.includes(facts.signIn))) return false
  if (method && !(facts.method && method.includes(facts.method))) return false
  if (practice !== undefined && practice !== Boolean(facts.practice)) return false
  return true
}

/** What each placeholder of the catalog's texts stands for in this setup. */
function placeholderValues(context: DiagnosisContext): Record<string, string> {
  // The tenant's domain: the mailbox's (an Azure Communication Services username has none), or
  // the From address's.
  const domain = domainOfAddress(context.mailbox) || domainOfAddress(context.from) || UNKNOWN_DOMAIN
  return {
    mailbox: context.mailbox,
    domain,
    admin: `admin@${domain}`,
    from: context.from,
    to: context.to || UNKNOWN_RECIPIENT,
    host: context.host,
    port: String(context.port),
    tenant: context.tenant || UNKNOWN_TENANT,
    clientId: context.clientId || UNKNOWN_CLIENT_ID,
  }
}

/** A placeholder, or one written as a PowerShell value inside a sentence: '{mailbox}'. */
const PLACEHOLDER = /'\{(\w+)\}'|\{(\w+)\}/g

/**
 * Every value in a command is a single-quoted PowerShell literal (psQuote), so an address such as
 * o'brien@contoso.com, valid in SMTP, is taken whole and nothing in a value is expanded. Values
 * that stand in for what is unknown (UNKNOWN_TENANT, the paste page's placeholder mailboxes) are
 * quoted too: the command keeps its shape, and is right once the text inside the quotes is
 * replaced. In one pass, so a value that holds "{from}" is not filled in again.
 */
function fillWith(text: string, context: DiagnosisContext, command: boolean): string {
  const values = placeholderValues(context)
  return text.replace(PLACEHOLDER, (whole, quoted?: string, bare?: string) => {
    const name = (quoted ?? bare) as string
    if (!Object.hasOwn(values, name)) return whole
    const value = values[name] as string
    if (quoted !== undefined) return psQuote(value)
    return command ? psQuote(value) : value
  })
}

/**
 * A sentence filled in for this setup: values as they are, except that a command written inside
 * it marks each of its values '{mailbox}' and gets it quoted as in fillCommand.
 */
function fill(text: string, context: DiagnosisContext): string {
  return fillWith(text, context, false)
}

/** A command filled in for this setup: every placeholder becomes a PowerShell literal. */
export function fillCommand(command: string, context: DiagnosisContext): string {
  return fillWith(command, context, true)
}

/** The guide a diagnosis links to, opened beside the wizard so nothing typed there is lost. */
function guideLink(id: string): Pick<Diagnosis, "guide"> {
  const guide = guideFor(id)
  return guide ? { guide: { title: guide.title, url: `/guide/${guide.id}` } } : {}
}

/** The Entra checklist steps that fix an OAuth failure, opened beside the wizard like a guide. */
function entraLinks(id: string, context: DiagnosisContext): Pick<Diagnosis, "entraSteps"> {
  if (!context.signIn || !isOAuth(context.signIn)) return {}
  const steps = entraStepsFor(id, {
    flow: context.signIn,
    tenant: context.tenant ?? "",
    clientId: context.clientId ?? "",
    mailbox: context.mailbox,
  })
  return steps.length ? { entraSteps: steps } : {}
}

/** The first catalog entry that explains a failure, if any. */
export function findEntry(facts: FailureFacts, port: number): CatalogEntry | undefined {
  const codes = parseStatusCodes(facts.reply, facts.responseCode)
  return CATALOG.find((entry) => matches(entry, facts, codes, facts.cause, port))
}

/**
 * The catalog entry that explains a failure, with its steps, commands and checks filled in for
 * this setup. Always returns a diagnosis: a failure nothing in the catalog explains gets a generic
 * reading of its status codes (RFC 3463), marked as not specific to Microsoft 365.
 */
export function classify(facts: FailureFacts, context: DiagnosisContext): Diagnosis {
  const entry = findEntry(facts, context.port)
  if (!entry) return genericReading(facts)
  const filled = (texts: readonly string[]) => texts.map((text) => fill(text, context))
  return {
    id: entry.id,
    headline: fill(entry.headline, context),
    meaning: fill(entry.meaning, context),
    fix: filled(entry.fix),
    ...(entry.caveat ? { caveat: { ...entry.caveat } } : {}),
    ...(entry.commands
      ? { commands: entry.commands.map((command) => fillCommand(command, context)) }
      : {}),
    who: entry.who,
    retry: entry.retry,
    sources: [...entry.sources],
    causes: filled(entry.causes),
    ...guideLink(entry.id),
    ...entraLinks(entry.id, context),
    ...(entry.betterMethod ? { betterMethod: fill(entry.betterMethod, context) } : {}),
    ...(entry.checks
      ? {
          checks: entry.checks.map((check) => ({
            layer: fill(check.layer, context),
            ...(check.command ? { command: fillCommand(check.command, context) } : {}),
            ...(check.place ? { place: fill(check.place, context) } : {}),
            reading: fill(check.reading, context),
          })),
        }
      : {}),
    ...(entry.bounceOnly ? { bounceOnly: true } : {}),
    ...(entry.unconfirmed ? { unconfirmed: entry.unconfirmed } : {}),
  }
}

/**
 * For a reply nothing in the catalog knows, or one that is another provider's: what its codes say,
 * and nothing more.
 */
export function genericReading(facts: FailureFacts): Diagnosis {
  const reading = readStatusCodes(facts.reply, facts.responseCode)
  const status = reading.codes.enhanced
  const kind =
    reading.transient === true ? "temporary" : reading.transient === false ? "permanent" : undefined
  const subject = status ? subjectName(status.subject)?.toLowerCase() : undefined
  const headline = !facts.reply
    ? "The test failed"
    : `${FALLBACK_ENTRY.headline}${kind ? ` (${[kind, subject].filter(Boolean).join(", ")})` : ""}`
  const meaning = facts.reply
    ? [FALLBACK_ENTRY.meaning, ...reading.lines, "The server's own words are above."].join(" ")
    : `smtp365 does not recognise this failure: ${facts.message}`
  return {
    id: FALLBACK_ENTRY.id,
    headline,
    meaning,
    fix: [
      ...(reading.transient ? ["Try again later: a temporary refusal can clear by itself."] : []),
      ...FALLBACK_ENTRY.fix,
    ],
    who: FALLBACK_ENTRY.who,
    retry: reading.transient === true,
    sources: [...FALLBACK_ENTRY.sources],
    generic: true,
  }
}
