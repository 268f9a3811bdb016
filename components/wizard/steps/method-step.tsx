"use client"

import { useFormContext } from "react-hook-form"

import { SENDING_METHODS_INFO, type SendingMethodInfo } from "@/lib/microsoft365/methods"
import type { SetupValues } from "@/lib/schemas/setup"
import type { SendingMethod } from "@/lib/schemas/setup-fields"
import { RadioCard } from "@/components/ui/radio-card"
import { SourceLink } from "@/components/ui/source-link"
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table"

import { applyMethodDefaults } from "../prefill"

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

  return (
    <>
      <p className="text-muted-foreground">
        Microsoft 365 accepts mail from devices and applications in these ways. Pick the one your
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
        <Table
          className="min-w-[34rem]"
          containerProps={{
            role: "region",
            "aria-labelledby": "method-comparison-heading",
            // Keyboard users can scroll the table sideways on narrow screens.
            tabIndex: 0,
          }}
        >
          <TableHeader>
            <TableRow>
              <TableCell className="w-[28%]" />
              {SENDING_METHODS_INFO.map((method) => (
                <TableHead key={method.id} scope="col">
                  {method.shortName}
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {COMPARISON_ROWS.map((row) => (
              <TableRow key={row.label}>
                <TableHead scope="row">{row.label}</TableHead>
                {SENDING_METHODS_INFO.map((method) => (
                  <TableCell key={method.id} className="text-muted-foreground">
                    {row.cell(method)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
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
