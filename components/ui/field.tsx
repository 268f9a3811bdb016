import { cn } from "@/lib/utils"

import { ErrorIcon, WarningIcon } from "./icons"
import { SourceLink } from "./source-link"

/** Joins the ids of the hint, error and warnings that describe a control (aria-describedby). */
export function describedBy(...ids: Array<string | false | null | undefined>) {
  const list = ids.filter(Boolean)
  return list.length ? list.join(" ") : undefined
}

export function Field({ className, ...props }: React.ComponentProps<"div">) {
  return <div data-slot="field" className={cn("flex flex-col gap-1.5", className)} {...props} />
}

export function FieldHint({ className, ...props }: React.ComponentProps<"p">) {
  return (
    <p
      data-slot="field-hint"
      className={cn("text-sm text-muted-foreground", className)}
      {...props}
    />
  )
}

/**
 * A field's error message. Tied to its control with aria-describedby and aria-invalid; it is not a
 * live region (role="alert" is reserved for a failed test's result).
 */
export function FieldError({
  id,
  message,
  className,
}: {
  id: string
  message?: string
  className?: string
}) {
  if (!message) return null
  return (
    <p
      id={id}
      data-slot="field-error"
      className={cn("flex items-start gap-1.5 text-sm font-medium text-destructive", className)}
    >
      <ErrorIcon className="mt-0.5" />
      <span>{message}</span>
    </p>
  )
}

export interface FieldWarningData {
  id: string
  text: string
  source: { title: string; url: string }
}

/** An advisory message under a field: informs, never blocks. */
export function FieldWarning({
  id,
  text,
  source,
  className,
}: FieldWarningData & { className?: string }) {
  return (
    <div
      id={id}
      data-slot="field-warning"
      className={cn(
        "flex items-start gap-2 rounded-md border border-warning/50 bg-warning/10 px-3 py-2 text-sm",
        className
      )}
    >
      <WarningIcon className="mt-0.5 text-warning" />
      <div className="flex flex-col gap-1">
        <p>
          <span className="font-semibold">Warning: </span>
          {text}
        </p>
        <SourceLink source={source} />
      </div>
    </div>
  )
}
