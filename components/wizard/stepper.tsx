import { CheckIcon } from "@/components/ui/icons"

export interface StepperItem {
  id: string
  title: string
  state: "complete" | "current" | "upcoming" | "skipped"
}

/** Progress through the wizard. Completed steps are buttons that go back to them. */
export function Stepper({
  items,
  onSelect,
}: {
  items: StepperItem[]
  onSelect: (id: string) => void
}) {
  return (
    <nav aria-label="Setup steps">
      <ol className="grid grid-cols-4 gap-x-3 gap-y-4 [counter-reset:step] sm:grid-cols-7">
        {items.map((item) => (
          <li
            key={item.id}
            data-state={item.state}
            aria-current={item.state === "current" ? "step" : undefined}
            className="group flex min-w-0 flex-col gap-2 text-sm leading-5 [counter-increment:step]"
          >
            <span
              aria-hidden="true"
              className="h-1 rounded-full bg-border group-data-[state=complete]:bg-primary/60 group-data-[state=current]:bg-primary"
            />
            {item.state === "complete" ? (
              <button
                type="button"
                onClick={() => onSelect(item.id)}
                className="-mx-1 -my-0.5 flex cursor-pointer items-start gap-1.5 rounded-sm px-1 py-0.5 text-left underline-offset-4 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
              >
                <CheckIcon className="mt-0.5 text-primary" />
                <span>{item.title}</span>
                <span className="sr-only">(done)</span>
              </button>
            ) : (
              <span className="flex items-start gap-1.5 text-muted-foreground group-data-[state=current]:font-semibold group-data-[state=current]:text-foreground before:w-4 before:text-center before:tabular-nums before:content-[counter(step)] group-data-[state=current]:before:text-primary">
                <span className="flex flex-col">
                  <span className="group-data-[state=skipped]:line-through">{item.title}</span>
                  {item.state === "skipped" ? <span className="text-xs">not needed</span> : null}
                </span>
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  )
}
