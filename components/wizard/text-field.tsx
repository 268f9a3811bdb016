"use client"

import {
  get,
  useFormContext,
  useFormState,
  type FieldError as RhfFieldError,
  type RegisterOptions,
} from "react-hook-form"

import type { SetupValues } from "@/lib/schemas/setup"
import {
  Field,
  FieldError,
  FieldHint,
  FieldWarning,
  describedBy,
  type FieldWarningData,
} from "@/components/ui/field"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"

export type TextFieldName =
  | "server.domain"
  | "server.host"
  | "server.port"
  | "account.user"
  | "account.tenant"
  | "account.clientId"
  | "sender.fromAddress"
  | "sender.fromName"
  | "test.to"

/** DOM id of a form field: "server.host" → "server-host". */
export function fieldId(name: string) {
  return name.replace(/\./g, "-")
}

/** Reads a field's current error (subscribed, so the field re-renders when it changes). */
export function useFieldError(name: string): RhfFieldError | undefined {
  const { control } = useFormContext<SetupValues>()
  const { errors } = useFormState({ control, name: name as TextFieldName })
  return get(errors, name) as RhfFieldError | undefined
}

/** A labelled text input bound to the wizard's form, with hint, error and warnings below it. */
export function TextField({
  name,
  label,
  hint,
  warnings = [],
  registerOptions,
  className,
  inputClassName,
  ...inputProps
}: Omit<React.ComponentProps<"input">, "name" | "id"> & {
  name: TextFieldName
  label: string
  hint?: React.ReactNode
  warnings?: FieldWarningData[]
  registerOptions?: RegisterOptions<SetupValues, TextFieldName>
  inputClassName?: string
}) {
  const { register } = useFormContext<SetupValues>()
  const error = useFieldError(name)
  const id = fieldId(name)
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = `${id}-error`
  const warningIds = warnings.map((warning) => `${id}-warning-${warning.id}`)

  return (
    <Field className={className} data-invalid={error ? true : undefined}>
      <Label htmlFor={id}>{label}</Label>
      {hint ? <FieldHint id={hintId}>{hint}</FieldHint> : null}
      <Input
        id={id}
        className={inputClassName}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(error && errorId, hintId, ...warningIds)}
        {...inputProps}
        {...register(name, registerOptions)}
      />
      <FieldError id={errorId} message={error?.message} />
      {warnings.map((warning, index) => (
        <FieldWarning key={warning.id} {...warning} id={warningIds[index] ?? warning.id} />
      ))}
    </Field>
  )
}
