import { cva, type VariantProps } from "class-variance-authority"

import { cn } from "@/lib/utils"

// Padding of captions and cells is a variant, not a className override: cn() joins classes, so a
// caller's py-1.5 would not replace py-2 (the stylesheet's order would decide).
const paddingVariants = cva("", {
  variants: {
    padding: {
      default: "px-3 py-2",
      /** Rows with more air (the Settings step's table). */
      relaxed: "px-3 py-2.5",
      /** A cell holding a small button. */
      button: "px-3 py-1.5",
      /** A cell holding a compact button: narrow on a phone. */
      "compact-button": "px-1.5 py-1.5 sm:px-3",
      /** A visually hidden caption. */
      none: "",
    },
  },
  defaultVariants: { padding: "default" },
})

type PaddingProps = VariantProps<typeof paddingVariants>

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

export function TableCaption({
  className,
  padding,
  ...props
}: React.ComponentProps<"caption"> & PaddingProps) {
  return (
    <caption
      data-slot="table-caption"
      className={cn(paddingVariants({ padding }), "text-sm text-muted-foreground", className)}
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
export function TableHead({
  className,
  padding,
  ...props
}: React.ComponentProps<"th"> & PaddingProps) {
  return (
    <th
      data-slot="table-head"
      className={cn(
        paddingVariants({ padding }),
        "font-semibold [&[scope=row]]:font-medium",
        className
      )}
      {...props}
    />
  )
}

export function TableCell({
  className,
  padding,
  ...props
}: React.ComponentProps<"td"> & PaddingProps) {
  return (
    <td data-slot="table-cell" className={cn(paddingVariants({ padding }), className)} {...props} />
  )
}
