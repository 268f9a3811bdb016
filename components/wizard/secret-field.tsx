"use client"

import { useState } from "react"
import { useFormContext } from "react-hook-form"

import type { SetupValues } from "@/lib/schemas/setup"
import type { SecretFieldName } from "@/lib/schemas/sign-in"
import { Button } from "@/components/ui/button"
import { Field, FieldError, FieldHint, describedBy } from "@/components/ui/field"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"

import { fieldId, useFieldError } from "./text-field"

/**
 * Uncontrolled on purpose: a password or client secret lives only in the input and
 * react-hook-form's internal values, never in React state, a value= prop or a watcher, so it
 * can't end up in rendered HTML.
 */
export function SecretField({
  name,
  label,
  hint,
  autoComplete,
}: {
  name: SecretFieldName
  label: string
  hint: string
  autoComplete: string
}) {
  const { register } = useFormContext<SetupValues>()
  const [visible, setVisible] = useState(false)
  const error = useFieldError(name)
  const id = fieldId(name)

  return (
    <Field data-invalid={error ? true : undefined}>
      <Label htmlFor={id}>{label}</Label>
      <FieldHint id={`${id}-hint`}>{hint}</FieldHint>
      <div className="flex gap-2">
        <Input
          id={id}
          type={visible ? "text" : "password"}
          autoComplete={autoComplete}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(error && `${id}-error`, `${id}-hint`)}
          {...register(name)}
        />
        <Button
          variant="outline"
          className="w-20"
          aria-pressed={visible}
          aria-controls={id}
          onClick={() => setVisible((shown) => !shown)}
        >
          {visible ? "Hide" : "Show"}
        </Button>
      </div>
      <FieldError id={`${id}-error`} message={error?.message} />
    </Field>
  )
}
