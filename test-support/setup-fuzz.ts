import { setupSchema } from "../lib/schemas/setup"

/** Every field of the wizard's values as a [step, field] path, from the schema's own shape. */
export const SETUP_FIELD_PATHS = Object.entries(setupSchema.shape).flatMap(([step, schema]) =>
  Object.keys(schema.shape).map((field) => [step, field] as [string, string])
)

/** A copy of `values` with the field at `path` replaced by `value` (anything at all). */
export function withFieldReplaced(
  values: object,
  [step, field]: readonly [string, string],
  value: unknown
): Record<string, Record<string, unknown>> {
  const copy = structuredClone(values) as Record<string, Record<string, unknown>>
  copy[step] = { ...copy[step], [field]: value }
  return copy
}
