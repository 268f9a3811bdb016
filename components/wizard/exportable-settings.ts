import { setupSchema, type SetupValues } from "@/lib/schemas/setup"
import { settingsRows } from "@/lib/settings-export/rows"

/**
 * The values every export is built from: trimmed as the test used them, and without the
 * password or client secret, which no export needs and so none receives.
 */
export function exportableValues(values: SetupValues): SetupValues {
  const parsed = setupSchema.safeParse(values)
  const tested = parsed.success ? parsed.data : values
  return { ...tested, account: { ...tested.account, pass: "", clientSecret: "" } }
}

/** The settings table for these form values. */
export function exportableRows(values: SetupValues) {
  return settingsRows(exportableValues(values))
}
