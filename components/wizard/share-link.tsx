"use client"

import { useId } from "react"

import type { SetupValues } from "@/lib/schemas/setup"
import { shareQuery } from "@/lib/share-query"
import { CopyButton } from "@/components/ui/copy-button"

/** A link that reopens the wizard with these settings (never the password), to hand to a colleague. */
export function ShareLink({ values }: { values: SetupValues }) {
  const headingId = useId()
  const inputId = useId()
  // The Settings step only renders in the browser, after the user has walked the steps.
  const url = `${window.location.origin}/?${shareQuery(values)}`
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <h3 id={headingId} className="text-base font-semibold">
        Share with a colleague
      </h3>
      <p className="text-sm text-muted-foreground">
        This link opens smtp365 with the same settings filled in. It never holds the password.
      </p>
      <div className="flex items-center gap-2">
        <label htmlFor={inputId} className="sr-only">
          Link to these settings
        </label>
        <input
          id={inputId}
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
          className="h-9 min-w-0 flex-1 rounded-md border border-input bg-card px-2 font-mono text-[0.8125rem] shadow-xs outline-none focus-visible:ring-2 focus-visible:ring-ring"
        />
        <CopyButton text={url} idleLabel="Copy link" what="to these settings" />
      </div>
    </section>
  )
}
