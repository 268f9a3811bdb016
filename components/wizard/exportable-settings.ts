import type { SetupValues } from "@/lib/schemas/setup"
import { settingsRows } from "@/lib/settings-export/rows"

import { setupChecks } from "./setup-checks"

/**
 * The values every export is built from: trimmed as the test used them, and without the
 * password or client secret, which no export needs and so none receives.
 */
export function exportableValues(values: SetupValues): SetupValues {
  // The schema comes with the wizard's checks, on the first interaction. Until then the values are
  // the ones the page opened with (the defaults, or a link's values the server read through the
  // same rules), which parsing would leave as they are.
  const parsed = setupChecks.loaded?.setupSchema.safeParse(values)
  const tested = parsed?.success ? parsed.data : values
  return { ...tested, account: { ...tested.account, pass: "", clientSecret: "" } }
}

/** The settings table for these form values. */
export function exportableRows(values: SetupValues) {
  return settingsRows(exportableValues(values))
}
