"use client"

import { useId, useState } from "react"
import { useFormContext } from "react-hook-form"

import { acsUsernameProblem, composeAcsUsername } from "@/lib/schemas/acs-username"
import type { SetupValues } from "@/lib/schemas/setup"
import { OAUTH_FIELD_LABELS } from "@/lib/schemas/setup-fields"
import { Button } from "@/components/ui/button"
import { Field, FieldHint } from "@/components/ui/field"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"

const PARTS = [
  {
    key: "resource",
    label: "Communication Services resource name",
    hint: "The resource's name in the Azure portal (the Communication Services resource, not the Email Communication Services one).",
    placeholder: "contoso-acs",
  },
  {
    key: "clientId",
    label: OAUTH_FIELD_LABELS.clientId,
    hint: "From the Entra app's Overview page.",
    placeholder: "8f3c1a2b-0d4e-4f5a-9b6c-7d8e9f0a1b2c",
  },
  {
    key: "tenant",
    label: OAUTH_FIELD_LABELS.tenant,
    hint: "From the same Overview page.",
    placeholder: "7d5c3f0e-6a1b-4c2d-9e8f-0a1b2c3d4e5f",
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
  const [problem, setProblem] = useState<string | null>(null)

  function use() {
    const username = composeAcsUsername(parts)
    const found = acsUsernameProblem(username)
    setProblem(found)
    if (found) return
    form.setValue("account.user", username, {
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
        {PARTS.map((part) => (
          <Field key={part.key}>
            <Label htmlFor={`${id}-${part.key}`}>{part.label}</Label>
            <FieldHint id={`${id}-${part.key}-hint`}>{part.hint}</FieldHint>
            <Input
              id={`${id}-${part.key}`}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              placeholder={part.placeholder}
              aria-describedby={`${id}-${part.key}-hint`}
              value={parts[part.key]}
              onChange={(event) => setParts({ ...parts, [part.key]: event.target.value })}
            />
          </Field>
        ))}
        {problem ? (
          <p id={`${id}-problem`} className="text-destructive">
            {problem}
          </p>
        ) : null}
        <div>
          <Button
            variant="outline"
            onClick={use}
            aria-describedby={problem ? `${id}-problem` : undefined}
          >
            Use as Username
          </Button>
        </div>
      </div>
    </details>
  )
}
