"use client"

import { useId, useState } from "react"
import { useFormContext } from "react-hook-form"

import { acsUsernamePartProblems, composeAcsUsername } from "@/lib/schemas/acs-username"
import type { SetupValues } from "@/lib/schemas/setup"
import { OAUTH_FIELD_LABELS } from "@/lib/schemas/setup-fields"
import { Button } from "@/components/ui/button"
import { Field, FieldError, FieldHint, describedBy } from "@/components/ui/field"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"

const PARTS = [
  {
    key: "resource",
    label: "Communication Services resource name",
    hint: "The resource's name in the Azure portal (the Communication Services resource, not the Email Communication Services one).",
    placeholder: "resource-name",
  },
  {
    key: "clientId",
    label: OAUTH_FIELD_LABELS.clientId,
    hint: "From the Entra app's Overview page.",
    placeholder: "00000000-0000-0000-0000-000000000000",
  },
  {
    key: "tenant",
    label: OAUTH_FIELD_LABELS.tenant,
    hint: "From the same Overview page.",
    placeholder: "00000000-0000-0000-0000-000000000000",
  },
] as const

type Parts = Record<(typeof PARTS)[number]["key"], string>

/**
 * Composes Azure Communication Services' username, <resource name>|<Application (client)
 * ID>|<Directory (tenant) ID>, from its three parts and puts it in Username. Its own inputs are
 * not part of the setup: only the composed Username is.
 */
export function AcsUsernameHelper() {
  const form = useFormContext<SetupValues>()
  const id = useId()
  const [parts, setParts] = useState<Parts>({ resource: "", clientId: "", tenant: "" })
  // Shown once "Use as Username" was pressed, then kept up to date as the parts change.
  const [checked, setChecked] = useState(false)
  const problems = acsUsernamePartProblems(parts)

  function use() {
    setChecked(true)
    const first = PARTS.find((part) => problems[part.key])
    if (first) {
      document.getElementById(`${id}-${first.key}`)?.focus()
      return
    }
    form.setValue("account.user", composeAcsUsername(parts), {
      shouldDirty: true,
      shouldTouch: true,
      shouldValidate: true,
    })
    form.setFocus("account.user")
  }

  return (
    <details className="rounded-lg border p-4 text-sm">
      <summary className="cursor-pointer font-medium">
        Compose the username from the resource and the app
      </summary>
      <div className="mt-4 flex flex-col gap-4">
        {PARTS.map((part) => {
          const inputId = `${id}-${part.key}`
          const problem = checked ? problems[part.key] : null
          return (
            <Field key={part.key} data-invalid={problem ? true : undefined}>
              <Label htmlFor={inputId}>{part.label}</Label>
              <FieldHint id={`${inputId}-hint`}>{part.hint}</FieldHint>
              <Input
                id={inputId}
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                placeholder={part.placeholder}
                aria-invalid={problem ? true : undefined}
                aria-describedby={describedBy(problem && `${inputId}-error`, `${inputId}-hint`)}
                value={parts[part.key]}
                onChange={(event) => setParts({ ...parts, [part.key]: event.target.value })}
              />
              <FieldError id={`${inputId}-error`} message={problem ?? undefined} />
            </Field>
          )
        })}
        <div>
          <Button variant="outline" onClick={use}>
            Use as Username
          </Button>
        </div>
      </div>
    </details>
  )
}
