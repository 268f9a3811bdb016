"use client"

import { useState } from "react"

import { methodInfo } from "@/lib/microsoft365/methods"
import {
  readyForAdvice,
  recommendRoute,
  type RouteAdvice,
  type SenderFacts,
} from "@/lib/microsoft365/routes"
import type { SendingMethod } from "@/lib/schemas/setup-fields"
import { Button } from "@/components/ui/button"
import { Callout } from "@/components/ui/callout"
import { SourceLink } from "@/components/ui/source-link"

interface Question<K extends keyof SenderFacts> {
  key: K
  legend: string
  options: readonly { value: NonNullable<SenderFacts[K]>; label: string }[]
}

const QUESTIONS = [
  {
    key: "signIn",
    legend: "How can the sender sign in?",
    options: [
      { value: "oauth", label: "With OAuth 2.0 (modern authentication)" },
      { value: "password", label: "Only with a username and password" },
      { value: "none", label: "It can't sign in" },
    ],
  } satisfies Question<"signIn">,
  {
    key: "external",
    legend: "Who does it mail?",
    options: [
      { value: false, label: "Only people in our organisation" },
      { value: true, label: "People outside the organisation too" },
    ],
  } satisfies Question<"external">,
  {
    key: "staticIp",
    legend: "Does it send from a static public IP address of yours?",
    options: [
      { value: true, label: "Yes" },
      { value: false, label: "No, or I don't know" },
    ],
  } satisfies Question<"staticIp">,
  {
    key: "securityDefaults",
    legend: "Are security defaults on in your tenant?",
    options: [
      { value: "on", label: "Yes" },
      { value: "off", label: "No" },
      { value: "unknown", label: "I don't know" },
    ],
  } satisfies Question<"securityDefaults">,
] as const

/**
 * "Which route fits this sender?": four questions about the sender, and the route they point to,
 * with the reasons and the dates that decide it. It explains and prefills; the choice stays the
 * admin's, and every method below stays one click away.
 */
export function RouteFinder({ onUse }: { onUse: (advice: RouteAdvice) => void }) {
  const [facts, setFacts] = useState<SenderFacts>({})
  const advice = recommendRoute(facts)

  return (
    <details className="group rounded-lg border bg-card p-4" data-testid="route-finder">
      <summary className="cursor-pointer font-medium">
        Not sure? Answer four questions about the sender
      </summary>
      <div className="mt-4 flex flex-col gap-5">
        {QUESTIONS.map((question) => (
          <fieldset key={question.key} className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium">{question.legend}</legend>
            {question.options.map((option) => {
              const id = `route-${question.key}-${String(option.value)}`
              return (
                <label key={id} htmlFor={id} className="flex items-center gap-2 text-sm">
                  <input
                    id={id}
                    type="radio"
                    name={`route-${question.key}`}
                    className="size-4 accent-primary"
                    checked={facts[question.key] === option.value}
                    onChange={() => setFacts({ ...facts, [question.key]: option.value })}
                  />
                  {option.label}
                </label>
              )
            })}
          </fieldset>
        ))}
        <div aria-live="polite">
          {advice ? (
            <Advice advice={advice} onUse={() => onUse(advice)} />
          ) : readyForAdvice(facts) ? null : (
            <p className="text-sm text-muted-foreground">
              The first two answers are enough for a suggestion; the others refine it.
            </p>
          )}
        </div>
      </div>
    </details>
  )
}

function Advice({ advice, onUse }: { advice: RouteAdvice; onUse: () => void }) {
  const name = (method: SendingMethod) => methodInfo(method).name
  return (
    <Callout title={`Suggested: ${name(advice.method)}`} data-testid="route-advice">
      {advice.reasons.map((reason) => (
        <p key={reason}>{reason}</p>
      ))}
      {advice.dates.length ? (
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[minmax(0,11rem)_1fr]">
          {advice.dates.map((date) => (
            <div key={date.when} className="contents">
              <dt className="font-medium">{date.when}</dt>
              <dd>{date.what}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {advice.caveat ? <p className="text-muted-foreground">{advice.caveat}</p> : null}
      {advice.alternatives.length ? (
        <div>
          <p className="font-medium">Also possible:</p>
          <ul className="list-disc pl-5">
            {advice.alternatives.map((alternative) => (
              <li key={alternative.method}>
                {name(alternative.method)}: {alternative.why}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul className="flex flex-col gap-1">
        {advice.sources.map((source) => (
          <li key={source.url}>
            <SourceLink source={source} />
          </li>
        ))}
      </ul>
      <div>
        <Button onClick={onUse}>Use {name(advice.method)}</Button>
      </div>
    </Callout>
  )
}
