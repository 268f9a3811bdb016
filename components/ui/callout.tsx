import { cva, type VariantProps } from "class-variance-authority"

import { cn } from "@/lib/utils"

import { CheckCircleIcon, ErrorIcon, InfoIcon, WarningIcon } from "./icons"

const calloutVariants = cva("flex gap-3 rounded-lg border p-4 text-sm", {
  variants: {
    tone: {
      info: "border-border bg-muted/60",
      warning: "border-warning/50 bg-warning/10",
      success: "border-success/50 bg-success/10",
      destructive: "border-destructive/50 bg-destructive/10",
    },
  },
  defaultVariants: { tone: "info" },
})

const icons = {
  info: <InfoIcon className="mt-0.5 size-5 text-primary" />,
  warning: <WarningIcon className="mt-0.5 size-5 text-warning" />,
  success: <CheckCircleIcon className="mt-0.5 size-5 text-success" />,
  destructive: <ErrorIcon className="mt-0.5 size-5 text-destructive" />,
}

/** A boxed note with an icon. Pass `role` only where a live region is really wanted. */
export function Callout({
  tone,
  title,
  className,
  children,
  ...props
}: Omit<React.ComponentProps<"div">, "title"> &
  VariantProps<typeof calloutVariants> & { title?: React.ReactNode }) {
  return (
    <div data-slot="callout" className={cn(calloutVariants({ tone }), className)} {...props}>
      {icons[tone ?? "info"]}
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        {title ? <div className="font-semibold">{title}</div> : null}
        {children}
      </div>
    </div>
  )
}
