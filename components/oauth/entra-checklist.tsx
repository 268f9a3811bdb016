import { entraChecklist, type ChecklistInput } from "@/lib/microsoft365/entra-checklist"
import { CodeBlock } from "@/components/ui/code-block"
import { ExternalLinkIcon } from "@/components/ui/icons"
import { SourceLink } from "@/components/ui/source-link"

/**
 * What the admin sets up in Microsoft Entra and Exchange Online for OAuth, filled in with the IDs
 * and mailbox typed above. Collapsed by default in the wizard: it is long, and many admins have
 * done it already. Its own page (app/entra-checklist) shows it open, each step an anchor.
 */
export function EntraChecklist({ open = false, ...input }: ChecklistInput & { open?: boolean }) {
  const steps = entraChecklist(input)
  return (
    <details
      open={open || undefined}
      className="group rounded-lg border bg-card"
      data-testid="entra-checklist"
    >
      <summary className="cursor-pointer rounded-lg px-3 py-2.5 text-sm font-medium outline-none focus-visible:ring-2 focus-visible:ring-ring">
        Set up the app in Microsoft Entra and Exchange Online ({steps.length} steps)
      </summary>
      <ol className="flex flex-col gap-5 border-t p-3 sm:p-4">
        {steps.map((step, index) => (
          <li
            key={step.id}
            id={open ? `step-${step.id}` : undefined}
            className="flex scroll-mt-4 flex-col gap-2 rounded-sm target:outline-2 target:outline-offset-4 target:outline-primary"
          >
            <h3 className="text-sm font-semibold">
              {index + 1}. {step.title}
            </h3>
            {step.text.map((paragraph) => (
              <p key={paragraph} className="text-sm">
                {paragraph}
              </p>
            ))}
            {step.link ? (
              <p className="text-sm">
                <a
                  href={step.link.url}
                  target="_blank"
                  rel="noreferrer"
                  className="rounded-sm font-medium text-primary underline underline-offset-2 outline-none hover:no-underline focus-visible:ring-2 focus-visible:ring-ring"
                >
                  {step.link.label}
                  <ExternalLinkIcon className="ml-0.5 inline size-3 align-[-1px]" />
                  <span className="sr-only"> (opens in a new tab)</span>
                </a>
                <span className="block text-muted-foreground">{step.link.note}</span>
              </p>
            ) : null}
            {step.commands?.map((command) => (
              <CodeBlock
                key={command.title}
                title={command.title}
                language="powershell"
                code={command.code}
              />
            ))}
            <SourceLink source={step.source} />
          </li>
        ))}
      </ol>
    </details>
  )
}
