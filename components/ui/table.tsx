import { cn } from "@/lib/utils"

/**
 * A bordered table that scrolls sideways when it is wider than its box. `containerProps` go to
 * that box: a table wider than narrow screens makes it focusable (`tabIndex={0}`) and names it
 * (`role="region"` with `aria-labelledby`) so keyboard users can scroll it too.
 */
export function Table({
  className,
  containerProps,
  ...props
}: React.ComponentProps<"table"> & { containerProps?: React.ComponentProps<"div"> }) {
  const { className: containerClassName, ...container } = containerProps ?? {}
  return (
    <div
      data-slot="table-container"
      className={cn(
        "overflow-x-auto rounded-lg border bg-card outline-none focus-visible:ring-2 focus-visible:ring-ring",
        containerClassName
      )}
      {...container}
    >
      <table
        data-slot="table"
        className={cn("w-full border-collapse text-left text-sm", className)}
        {...props}
      />
    </div>
  )
}

export function TableCaption({ className, ...props }: React.ComponentProps<"caption">) {
  return (
    <caption
      data-slot="table-caption"
      className={cn("px-3 py-2 text-sm text-muted-foreground", className)}
      {...props}
    />
  )
}

export function TableHeader({ className, ...props }: React.ComponentProps<"thead">) {
  return <thead data-slot="table-header" className={cn("bg-muted/60", className)} {...props} />
}

export function TableBody({ className, ...props }: React.ComponentProps<"tbody">) {
  return (
    <tbody
      data-slot="table-body"
      className={cn("[&_tr:last-child]:border-0", className)}
      {...props}
    />
  )
}

export function TableRow({ className, ...props }: React.ComponentProps<"tr">) {
  return <tr data-slot="table-row" className={cn("border-b align-top", className)} {...props} />
}

/**
 * A header cell; pass `scope` ("col" or "row") so screen readers tie it to its cells. Row headers
 * are a little lighter than column headers.
 */
export function TableHead({ className, ...props }: React.ComponentProps<"th">) {
  return (
    <th
      data-slot="table-head"
      className={cn("px-3 py-2 font-semibold [&[scope=row]]:font-medium", className)}
      {...props}
    />
  )
}

export function TableCell({ className, ...props }: React.ComponentProps<"td">) {
  return <td data-slot="table-cell" className={cn("px-3 py-2", className)} {...props} />
}
