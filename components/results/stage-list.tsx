import type { StageResult, StageStatus } from "@/lib/smtp/types"
import {
  CheckCircleIcon,
  CircleIcon,
  SkipIcon,
  SpinnerIcon,
  XCircleIcon,
} from "@/components/ui/icons"

const STATUS: Record<StageStatus, { text: string; icon: React.ReactNode }> = {
  passed: { text: "Passed", icon: <CheckCircleIcon className="size-5 text-success" /> },
  failed: { text: "Failed", icon: <XCircleIcon className="size-5 text-destructive" /> },
  skipped: { text: "Skipped", icon: <SkipIcon className="size-5 text-muted-foreground" /> },
  running: { text: "Running", icon: <SpinnerIcon className="size-5 text-primary" /> },
  "not-reached": {
    text: "Not reached",
    icon: <CircleIcon className="size-5 text-muted-foreground/60" />,
  },
}

/** Each stage of the SMTP session: status in words and icon, time, and the reply that ended it. */
export function StageList({ stages }: { stages: StageResult[] }) {
  return (
    <section aria-labelledby="stages-heading" className="flex flex-col gap-2">
      <h3 id="stages-heading" className="text-base font-semibold">
        Stages
      </h3>
      <ol data-testid="stage-list" className="divide-y rounded-lg border bg-card">
        {stages.map((stage) => {
          const status = STATUS[stage.status]
          return (
            <li
              key={stage.id}
              data-stage={stage.id}
              data-status={stage.status}
              className="grid grid-cols-[auto_1fr_auto] items-start gap-x-3 gap-y-1 px-3 py-2.5 text-sm data-[status=failed]:bg-destructive/5 data-[status=not-reached]:text-muted-foreground"
            >
              <span className="pt-px">{status.icon}</span>
              <span className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-medium">{stage.label}</span>
                <span
                  className={
                    stage.status === "failed"
                      ? "font-medium text-destructive"
                      : "text-muted-foreground"
                  }
                >
                  {status.text}
                </span>
              </span>
              <span className="text-muted-foreground tabular-nums">
                {stage.ms !== undefined ? `${stage.ms} ms` : null}
              </span>
              {stage.reply || stage.detail ? (
                <div className="col-start-2 col-end-4 flex min-w-0 flex-col gap-1">
                  {stage.reply ? (
                    <code className="font-mono text-xs break-words whitespace-pre-wrap text-foreground/90">
                      {stage.reply}
                    </code>
                  ) : null}
                  {stage.detail ? (
                    <span className="text-xs text-muted-foreground">{stage.detail}</span>
                  ) : null}
                </div>
              ) : null}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
