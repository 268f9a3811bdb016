import { cn } from "@/lib/utils"

export function Input({ className, type = "text", ...props }: React.ComponentProps<"input">) {
  return (
    <input
      data-slot="input"
      type={type}
      className={cn(
        "h-10 w-full min-w-0 rounded-md border border-input bg-card px-3 text-base shadow-xs transition-colors outline-none placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/35 disabled:opacity-60 aria-invalid:border-destructive aria-invalid:focus-visible:ring-destructive/30 sm:text-sm",
        className
      )}
      {...props}
    />
  )
}
