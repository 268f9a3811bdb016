import { setupSchema, type SetupValues } from "@/lib/schemas/setup"
import { buildSettings } from "@/lib/settings-export"

/**
 * The settings to show and copy, from the form's values: trimmed as the test used them, and built
 * without the password, which the export never needs and so never receives.
 */
export function exportableSettings(values: SetupValues) {
  const parsed = setupSchema.safeParse(values)
  const tested = parsed.success ? parsed.data : values
  return buildSettings({ ...tested, account: { ...tested.account, pass: "" } })
}
