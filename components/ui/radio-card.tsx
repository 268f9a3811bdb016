import { cn } from "@/lib/utils"

/**
 * A radio option drawn as a card. The label's ::after covers the whole card so any click selects
 * it, while the accessible name stays the short label and the description is aria-describedby.
 */
export function RadioCard({
  id,
  label,
  badge,
  description,
  className,
  ...inputProps
}: Omit<React.ComponentProps<"input">, "type" | "id"> & {
  id: string
  label: React.ReactNode
  badge?: React.ReactNode
  description?: React.ReactNode
}) {
  const descriptionId = description ? `${id}-description` : undefined
  return (
    <div
      data-slot="radio-card"
      className={cn(
        "relative flex items-start gap-3 rounded-lg border border-border bg-card p-3 transition-colors hover:border-input has-checked:border-primary has-checked:bg-primary/5 has-focus-visible:ring-2 has-focus-visible:ring-ring has-focus-visible:ring-offset-2 has-focus-visible:ring-offset-background sm:p-4",
        className
      )}
    >
      <input
        id={id}
        type="radio"
        aria-describedby={descriptionId}
        className="relative z-10 mt-0.5 size-4 shrink-0 accent-primary outline-none"
        {...inputProps}
      />
      <div className="flex min-w-0 flex-col gap-1">
        <label
          htmlFor={id}
          className="flex cursor-pointer flex-wrap items-center gap-x-2 gap-y-1 font-medium after:absolute after:inset-0 after:rounded-lg"
        >
          {label}
          {badge ? (
            <span className="inline-flex items-center rounded-full bg-primary/10 px-2 py-0.5 text-xs font-medium text-primary">
              {badge}
            </span>
          ) : null}
        </label>
        {description ? (
          <div id={descriptionId} className="text-sm text-muted-foreground">
            {description}
          </div>
        ) : null}
      </div>
    </div>
  )
}
