"use client"

import type { SetupValues } from "@/lib/schemas/setup"
import { SETTINGS_GROUPS, buildSettingsFiles } from "@/lib/settings-export"

import { SettingsFiles } from "./settings-files"

/**
 * Every group of ready-made files. The generators live in this module's chunk, which the
 * Settings step loads when it opens, so the wizard's first load does not carry them.
 */
export function SettingsFilesPanel({ values }: { values: SetupValues }) {
  const files = buildSettingsFiles(values)
  return SETTINGS_GROUPS.map((group) => (
    <SettingsFiles key={group} group={group} files={files.filter((file) => file.group === group)} />
  ))
}
