import { buildReport } from "@/lib/diagnosis/report"
import type { SettingsRow } from "@/lib/settings-export/types"
import type { TestOutcome } from "@/lib/smtp/types"
import { CopyButton } from "@/components/ui/copy-button"
import { CheckCircleIcon, XCircleIcon } from "@/components/ui/icons"

import { DiagnosisCard } from "./diagnosis-card"
import { StageList } from "./stage-list"
import { TlsDetails } from "./tls-details"
import { TokenSummary } from "./token-summary"
import { Transcript } from "./transcript"

const SECURITY = { starttls: "STARTTLS", tls: "implicit TLS", none: "no TLS" } as const

/**
 * The result of one test. The headline panel is the page's only live region: role="status" when
 * the message was accepted, role="alert" when the test failed.
 */
export function TestResult({
  outcome,
  settings,
}: {
  outcome: TestOutcome
  /** The tested settings without the password, for the report (read when it is copied). */
  settings: () => readonly SettingsRow[]
}) {
  const { target, failure, diagnosis } = outcome
  const failedStage = failure
    ? (outcome.stages.find((stage) => stage.id === failure.stage)?.label ?? failure.stage)
    : undefined

  return (
    <section
      aria-labelledby="result-heading"
      data-testid="test-result"
      data-ok={outcome.ok}
      className="flex flex-col gap-5"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-0.5">
          <h2 id="result-heading" className="text-xl font-semibold tracking-tight">
            Result
          </h2>
          <p className="text-sm text-muted-foreground">
            {target.practice ? "Practice server" : `${target.host}:${target.port}`},{" "}
            {SECURITY[target.security]}, {outcome.durationMs} ms
          </p>
        </div>
        <CopyButton
          // Built when pressed: the report is long and most results are never copied.
          text={() => buildReport(outcome, settings())}
          idleLabel="Copy report"
          variant="outline"
        />
      </div>

      {outcome.ok ? (
        <div
          role="status"
          className="flex gap-3 rounded-lg border border-success/50 bg-success/10 p-4"
        >
          <CheckCircleIcon className="mt-0.5 size-6 text-success" />
          <div className="flex min-w-0 flex-col gap-2">
            <p className="text-lg font-semibold">Test email sent</p>
            {target.practice ? (
              <>
                <p className="text-sm">
                  The practice server accepted the message as Microsoft 365 would. Practice mail
                  reaches no inbox: this proves that the port, security, sign-in and From address
                  work together, against the simulator.
                </p>
                <p className="text-sm">
                  The real test (untick Practice server in the Server step) adds what only your
                  tenant can show: the real account and its policies, the network between here and
                  Microsoft 365, and a message in the recipient&apos;s inbox.
                </p>
              </>
            ) : (
              <p className="text-sm">
                The server accepted the message. Check the recipient&apos;s inbox (and junk folder).
              </p>
            )}
            <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[9rem_1fr]">
              {outcome.response ? (
                <>
                  <dt className="text-muted-foreground">Server response</dt>
                  <dd>
                    <code className="font-mono text-xs break-all">{outcome.response}</code>
                  </dd>
                </>
              ) : null}
              {outcome.messageId ? (
                <>
                  <dt className="text-muted-foreground">Message ID</dt>
                  <dd>
                    <code className="font-mono text-xs break-all">{outcome.messageId}</code>
                  </dd>
                </>
              ) : null}
            </dl>
          </div>
        </div>
      ) : (
        <div
          role="alert"
          className="flex gap-3 rounded-lg border border-destructive/50 bg-destructive/10 p-4"
        >
          <XCircleIcon className="mt-0.5 size-6 text-destructive" />
          <div className="flex min-w-0 flex-1 flex-col gap-2">
            <p className="text-lg font-semibold">
              {diagnosis?.headline ?? `The test failed at ${failedStage ?? "an unknown stage"}`}
            </p>
            {failure?.reply ? (
              <div className="flex flex-col gap-1">
                <p className="text-sm text-muted-foreground">
                  The server replied{failedStage ? ` at ${failedStage}` : ""}:
                </p>
                <pre className="overflow-x-auto rounded-md border border-destructive/30 bg-card p-3 font-mono text-xs leading-relaxed break-words whitespace-pre-wrap">
                  <code>{failure.reply}</code>
                </pre>
              </div>
            ) : failure ? (
              <p className="text-sm">
                {failedStage ?? "The test"} failed without a reply from the server:{" "}
                {failure.message}
              </p>
            ) : null}
          </div>
        </div>
      )}

      {!outcome.ok && diagnosis ? <DiagnosisCard diagnosis={diagnosis} /> : null}
      {target.practice ? null : (
        <p className="text-sm text-muted-foreground">
          This test ran from the smtp365 server. The device&apos;s own network may differ: a
          firewall, or a provider blocking outbound port 25, can stop there what worked here. The
          Settings step has commands to run the same test from the device.
        </p>
      )}
      <StageList stages={outcome.stages} />
      {outcome.token ? <TokenSummary token={outcome.token} /> : null}
      {outcome.tls ? <TlsDetails tls={outcome.tls} /> : null}
      {outcome.transcript.length ? <Transcript lines={outcome.transcript} /> : null}
    </section>
  )
}
