import { useId } from "react"

import { ACTOR_LABELS } from "@/lib/diagnosis/actors"
import type { Diagnosis } from "@/lib/smtp/types"
import { Callout } from "@/components/ui/callout"
import { CodeBlock } from "@/components/ui/code-block"
import { SourceLink } from "@/components/ui/source-link"

/**
 * What a failure means and how to fix it: likely causes, read-only checks that show which layer
 * blocks, the fix with its commands, who acts, whether a retry helps, and the sources.
 */
export function DiagnosisCard({ diagnosis }: { diagnosis: Diagnosis }) {
  // A pasted log can yield several diagnoses on one page: each card names itself.
  const headingId = useId()
  return (
    <section
      aria-labelledby={headingId}
      data-testid="diagnosis"
      className="flex flex-col gap-4 rounded-lg border bg-card p-4 sm:p-5"
    >
      <h3 id={headingId} className="text-base font-semibold">
        What it means and how to fix it
      </h3>
      <p>{diagnosis.meaning}</p>
      {diagnosis.generic ? (
        <p className="text-sm text-muted-foreground">
          Not specific to Microsoft 365: smtp365 does not know this reply, so this reading comes
          from its status codes alone.
        </p>
      ) : null}
      {diagnosis.bounceOnly ? (
        <p className="text-sm text-muted-foreground">
          This code appears in bounce messages (non-delivery reports), after the message was
          accepted, not as a reply to a live test.
        </p>
      ) : null}

      {diagnosis.causes?.length ? (
        <div className="flex flex-col gap-2">
          <h4 className="text-sm font-semibold">Likely causes, most likely first</h4>
          <ol className="flex list-decimal flex-col gap-1 pl-5 text-sm marker:text-muted-foreground">
            {diagnosis.causes.map((cause) => (
              <li key={cause} className="pl-1">
                {cause}
              </li>
            ))}
          </ol>
        </div>
      ) : null}

      {diagnosis.checks?.length ? (
        <div className="flex flex-col gap-2">
          <h4 className="text-sm font-semibold">Check which setting blocks it (read-only)</h4>
          <ul className="flex flex-col gap-3 text-sm">
            {diagnosis.checks.map((check) => (
              <li key={check.layer} className="flex flex-col gap-1">
                <span className="font-medium">{check.layer}</span>
                {check.command ? (
                  <CodeBlock code={check.command} title="Check" language="powershell" />
                ) : null}
                {check.place ? <span>{check.place}</span> : null}
                <span className="text-muted-foreground">{check.reading}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="flex flex-col gap-2">
        <h4 className="text-sm font-semibold">Fix</h4>
        <ol className="flex list-decimal flex-col gap-1.5 pl-5 marker:text-muted-foreground">
          {diagnosis.fix.map((step) => (
            <li key={step} className="pl-1">
              {step}
            </li>
          ))}
        </ol>
        {diagnosis.caveat ? (
          // Beside the fix, not a step of it: what may change, and when.
          <Callout tone="warning" title={diagnosis.caveat.title} data-testid="fix-caveat">
            <p>{diagnosis.caveat.text}</p>
          </Callout>
        ) : null}
      </div>

      {diagnosis.commands?.length ? (
        <CodeBlock code={diagnosis.commands.join("\n")} title="Commands" language="powershell" />
      ) : null}

      {diagnosis.betterMethod ? (
        <Callout title="Another sending method may fit better">
          <p>{diagnosis.betterMethod}</p>
        </Callout>
      ) : null}

      {diagnosis.entraSteps?.length ? (
        <LinkList title="In the Entra checklist" links={diagnosis.entraSteps} />
      ) : null}

      {diagnosis.guide ? (
        <SourceLink source={diagnosis.guide} prefix="Background:" size="sm" />
      ) : null}

      {diagnosis.unconfirmed ? (
        <p className="text-sm text-muted-foreground">
          <span className="font-medium text-foreground">Not confirmed by Microsoft: </span>
          {diagnosis.unconfirmed}
        </p>
      ) : null}

      <dl className="grid gap-x-6 gap-y-1.5 text-sm sm:grid-cols-[11rem_1fr]">
        <dt className="text-muted-foreground">Who has to act</dt>
        <dd className="mb-1 font-medium sm:mb-0">{ACTOR_LABELS[diagnosis.who]}</dd>
        <dt className="text-muted-foreground">Will retrying help?</dt>
        <dd className="font-medium">
          {diagnosis.retry
            ? "Yes: the same settings can work a little later."
            : "No: nothing changes until the fix above is made."}
        </dd>
      </dl>

      {diagnosis.sources.length ? <LinkList title="Sources" links={diagnosis.sources} /> : null}
    </section>
  )
}

/** A titled list of links that open in a new tab, so the wizard keeps its state. */
function LinkList({ title, links }: { title: string; links: { title: string; url: string }[] }) {
  return (
    <div className="flex flex-col gap-1">
      <h4 className="text-sm font-semibold">{title}</h4>
      <ul className="flex flex-col gap-1">
        {links.map((link) => (
          <li key={link.url}>
            <SourceLink source={link} prefix="" size="sm" />
          </li>
        ))}
      </ul>
    </div>
  )
}
