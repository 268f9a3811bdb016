import type { Diagnosis, FailureFacts } from "@/lib/smtp/types"
import { CATALOG, FALLBACK_ENTRY, type CatalogEntry } from "./catalog"

export interface DiagnosisContext {
  /** The mailbox that signs in, or the From address when nothing signs in. */
  mailbox: string
  from: string
  host: string
  port: number
}

function matches(entry: CatalogEntry, facts: FailureFacts, port: number): boolean {
  const { reply, code, cause, stage, port: ports } = entry.match
  if (reply && !(facts.reply && reply.test(facts.reply))) return false
  if (code && !code.includes(facts.code)) return false
  if (cause && !(facts.cause && cause.includes(facts.cause))) return false
  if (stage && !stage.includes(facts.stage)) return false
  if (ports && !ports.includes(port)) return false
  return true
}

function fill(text: string, context: DiagnosisContext): string {
  return text
    .replaceAll("{mailbox}", context.mailbox)
    .replaceAll("{from}", context.from)
    .replaceAll("{host}", context.host)
    .replaceAll("{port}", String(context.port))
}

/**
 * The catalog entry that explains a failure, with its steps and commands filled in for this setup.
 * Always returns a diagnosis: an unknown reply gets the fallback, which still shows the reply.
 */
export function classify(facts: FailureFacts, context: DiagnosisContext): Diagnosis {
  const entry =
    CATALOG.find((candidate) => matches(candidate, facts, context.port)) ?? FALLBACK_ENTRY
  return {
    id: entry.id,
    headline: fill(entry.headline, context),
    meaning: fill(entry.meaning, context),
    fix: entry.fix.map((step) => fill(step, context)),
    ...(entry.commands ? { commands: entry.commands.map((line) => fill(line, context)) } : {}),
    who: entry.who,
    retry: entry.retry,
    sources: [...entry.sources],
  }
}
