import type { CheckStatus, DnsCheck, DomainCheckResult } from "@/lib/dns/types"
import { Callout } from "@/components/ui/callout"
import { CodeBlock } from "@/components/ui/code-block"
import { SourceLink } from "@/components/ui/source-link"

const TONE: Record<CheckStatus, "success" | "warning" | "destructive" | "info"> = {
  pass: "success",
  warn: "warning",
  fail: "destructive",
  info: "info",
}

/** The verdict as a word, so it never rests on colour alone. */
export const STATUS_LABEL: Record<CheckStatus, string> = {
  pass: "Pass",
  warn: "Warning",
  fail: "Fail",
  info: "For information",
}

/** One sentence for the live region: how many checks passed (and, when there are any, how many only inform). */
export function checkSummary(result: DomainCheckResult) {
  const count = (status: CheckStatus) => result.checks.filter((c) => c.status === status).length
  const info = count("info")
  return `Checked ${result.domain}: ${count("pass")} passed, ${count("warn")} with warnings, ${count("fail")} failed${info ? `, ${info} for information` : ""}.`
}

/**
 * "an MX record", "a TXT record": record types are read letter by letter (MX is "em-ex"), so the
 * article follows the sound of their first letter.
 */
function articleFor(recordType: string) {
  return /^[AEFHILMNORSX]/.test(recordType) ? "an" : "a"
}

function CheckCard({ check }: { check: DnsCheck }) {
  return (
    <section aria-labelledby={`dns-${check.id}-heading`} data-testid={`dns-check-${check.id}`}>
      <Callout
        tone={TONE[check.status]}
        title={
          <h3 id={`dns-${check.id}-heading`} className="text-base">
            {check.title}: {STATUS_LABEL[check.status]}
          </h3>
        }
      >
        <p className="font-medium">{check.summary}</p>
        {check.found.length ? (
          <div className="flex flex-col gap-1">
            <p className="text-muted-foreground">Found in DNS:</p>
            <ul className="flex flex-col gap-1">
              {check.found.map((record) => (
                <li key={record} className="font-mono text-xs break-all">
                  {record}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {check.details.length ? (
          <ul className="flex list-disc flex-col gap-1 pl-5">
            {check.details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        ) : null}
        {check.publish.map((record) => (
          <div
            key={`${record.type} ${record.name} ${record.value}`}
            className="flex flex-col gap-1.5"
          >
            <p>
              Publish {articleFor(record.type)} <span className="font-medium">{record.type}</span>{" "}
              record on <span className="font-mono break-all">{record.name}</span>:
            </p>
            <CodeBlock code={record.value} title={`${record.type} ${record.name}`} />
            {record.note ? <p className="text-muted-foreground">{record.note}</p> : null}
          </div>
        ))}
        {check.commands.length ? (
          <CodeBlock
            code={check.commands.join("\n")}
            title={check.commandsTitle ?? "PowerShell (Exchange Online)"}
          />
        ) : null}
        <div className="flex flex-col gap-0.5">
          {check.sources.map((source) => (
            <SourceLink key={source.url} source={source} />
          ))}
        </div>
      </Callout>
    </section>
  )
}

/** Every check of a domain, in the order its sending method's plan lists them. */
export function CheckResults({ result }: { result: DomainCheckResult }) {
  return (
    <div className="flex flex-col gap-4">
      {result.checks.map((check) => (
        <CheckCard key={check.id} check={check} />
      ))}
    </div>
  )
}
