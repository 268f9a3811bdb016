"use client"

import { useFormContext } from "react-hook-form"

import { SENDING_METHODS_INFO, type SendingMethodInfo } from "@/lib/microsoft365/methods"
import type { SendingMethod, SetupValues } from "@/lib/schemas/setup"
import { RadioCard } from "@/components/ui/radio-card"
import { SourceLink } from "@/components/ui/source-link"

import { applyMethodDefaults } from "../prefill"

/** Column headings of the comparison: the first words of each method's name. */
const SHORT_NAMES: Record<SendingMethod, string> = {
  "smtp-auth": "SMTP AUTH",
  "direct-send": "Direct Send",
  relay: "SMTP relay",
}

const COMPARISON_ROWS: { label: string; cell: (method: SendingMethodInfo) => string }[] = [
  { label: "Sends outside the organisation", cell: (method) => method.externalRecipients },
  { label: "Needs a licensed mailbox", cell: (method) => method.licensedMailbox },
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
  const source = SENDING_METHODS_INFO[0]?.source

  return (
    <>
      <p className="text-muted-foreground">
        Microsoft 365 accepts mail from devices and applications in three ways. Pick the one your
        sender can do; the next steps fill in its server, port and security.
      </p>
      <fieldset role="radiogroup" aria-labelledby="method-legend" className="flex flex-col gap-3">
        <legend id="method-legend" className="mb-3 text-sm font-medium">
          How will it send?
        </legend>
        {SENDING_METHODS_INFO.map((method, position) => (
          <RadioCard
            key={method.id}
            id={`method-${method.id}`}
            value={method.id}
            label={method.name}
            badge={position === 0 ? "Recommended" : undefined}
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
        <div
          className="overflow-x-auto rounded-lg border bg-card outline-none focus-visible:ring-2 focus-visible:ring-ring"
          role="region"
          aria-labelledby="method-comparison-heading"
          // Keyboard users can scroll the table sideways on narrow screens.
          tabIndex={0}
        >
          <table className="w-full min-w-[34rem] border-collapse text-left text-sm">
            <thead className="bg-muted/60">
              <tr>
                <td className="w-[28%] px-3 py-2" />
                {SENDING_METHODS_INFO.map((method) => (
                  <th key={method.id} scope="col" className="px-3 py-2 font-semibold">
                    {SHORT_NAMES[method.id]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {COMPARISON_ROWS.map((row) => (
                <tr key={row.label} className="border-t align-top">
                  <th scope="row" className="px-3 py-2 font-medium">
                    {row.label}
                  </th>
                  {SENDING_METHODS_INFO.map((method) => (
                    <td key={method.id} className="px-3 py-2 text-muted-foreground">
                      {row.cell(method)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {source ? <SourceLink source={source} /> : null}
      </div>
    </>
  )
}
