"use client"

import { useFormContext } from "react-hook-form"

import { SENDING_METHODS_INFO, type SendingMethodInfo } from "@/lib/microsoft365/methods"
import type { RouteAdvice } from "@/lib/microsoft365/routes"
import type { SetupValues } from "@/lib/schemas/setup"
import type { SendingMethod } from "@/lib/schemas/setup-fields"
import { RadioCard } from "@/components/ui/radio-card"
import { SourceLink } from "@/components/ui/source-link"

import { applyMethodDefaults } from "../prefill"
import { RouteFinder } from "../route-finder"

/** Every method's sources, once each, under the comparison. */
const SOURCES_OF_ALL = [
  ...new Map(
    SENDING_METHODS_INFO.flatMap((method) => method.sources).map((source) => [source.url, source])
  ).values(),
]

const COMPARISON_ROWS: { label: string; cell: (method: SendingMethodInfo) => string }[] = [
  { label: "Sends outside the organisation", cell: (method) => method.externalRecipients },
  { label: "Signs in with", cell: (method) => method.signInSummary },
  { label: "Licence and cost", cell: (method) => method.licence },
  { label: "Needs a static IP", cell: (method) => method.staticIp },
  { label: "TLS", cell: (method) => method.tls },
  { label: "Port", cell: (method) => method.port },
]

export function MethodStep() {
  const form = useFormContext<SetupValues>()
  const field = form.register("method.method", {
    onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
      applyMethodDefaults(form, event.target.value as SendingMethod),
  })

  /** Takes the route the questions point to: the method, its defaults, and how it signs in. */
  function takeRoute({ method, oauth }: RouteAdvice) {
    form.setValue("method.method", method, { shouldDirty: true })
    applyMethodDefaults(form, method)
    form.setValue("account.authType", oauth ?? "password", { shouldDirty: true })
    document.getElementById(`method-${method}`)?.focus()
  }

  return (
    <>
      <p className="text-muted-foreground">
        Microsoft 365 accepts mail from devices and applications in these ways. Pick the one your
        sender can do; the next steps fill in its server, port and security.
      </p>
      <RouteFinder onUse={takeRoute} />
      <fieldset role="radiogroup" aria-labelledby="method-legend" className="flex flex-col gap-3">
        <legend id="method-legend" className="mb-3 text-sm font-medium">
          How will it send?
        </legend>
        {SENDING_METHODS_INFO.map((method) => (
          <RadioCard
            key={method.id}
            id={`method-${method.id}`}
            value={method.id}
            label={method.name}
            description={
              <>
                <p>{method.summary}</p>
                <p className="mt-1">
                  <span className="font-medium text-foreground">Choose it when: </span>
                  {method.chooseWhen}
                </p>
              </>
            }
            {...field}
          />
        ))}
      </fieldset>

      <div className="flex flex-col gap-2">
        <h3 className="text-base font-semibold" id="method-comparison-heading">
          Compare the methods
        </h3>
        {/*
          One card per method, its facts as a definition list: five methods fit no table on a
          phone, and a card reads the same at every width.
        */}
        <ul aria-labelledby="method-comparison-heading" className="grid gap-3 sm:grid-cols-2">
          {SENDING_METHODS_INFO.map((method) => (
            <li key={method.id} className="rounded-lg border bg-card p-4 text-sm">
              <h4 className="mb-2 font-semibold">{method.shortName}</h4>
              <dl className="grid grid-cols-[minmax(0,8.5rem)_1fr] gap-x-3 gap-y-1.5">
                {COMPARISON_ROWS.map((row) => (
                  <div key={row.label} className="contents">
                    <dt className="font-medium">{row.label}</dt>
                    <dd className="text-muted-foreground">{row.cell(method)}</dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ul>
        <ul className="flex flex-col gap-1">
          {SOURCES_OF_ALL.map((source) => (
            <li key={source.url}>
              <SourceLink source={source} />
            </li>
          ))}
        </ul>
      </div>
    </>
  )
}
