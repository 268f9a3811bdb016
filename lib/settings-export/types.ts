import type { SetupValues } from "@/lib/schemas/setup"

/** A file or snippet to paste into the software being set up. Never contains the password. */
export interface SettingsFile {
  id: string
  title: string
  group: SettingsGroup
  /** The target's usual file name, for downloads. */
  filename: string
  language: string
  content: string
  /** Where the secret goes, in the target's own terms. */
  secretNote: string
  /** A page that presents the same settings another way (the printable sheet). */
  companion?: { label: string; href: string }
}

/** The Settings step's groups, in display order (see SETTINGS_GROUPS). */
export type SettingsGroup =
  "Frameworks and languages" | "Applications" | "Mail servers" | "Devices" | "Test from the device"

/** One generator per target software: what it is, and a pure function of the tested settings. */
export interface SettingsTarget extends Omit<SettingsFile, "content" | "secretNote"> {
  /**
   * How the target meets an OAuth 2.0 sign-in: "supported" renders its own OAuth variant,
   * "no-sign-in" never signs in (a port or TLS check). Unset: it cannot, and the registry puts a
   * note at the top of its output (see oauth-note.ts).
   */
  oauth?: "supported" | "no-sign-in"
  /**
   * With "supported", where that depends on the setup: whether its OAuth variant fits these values.
   * False gets the note, as unset `oauth` does (Postfix's sasl-xoauth2 needs a user's sign-in, which
   * not every method takes).
   */
  oauthFits?(values: SetupValues): boolean
  /** Replaces the note's first line where the software can do part of it (verified, with a source). */
  oauthCaveat?: string
  render(values: SetupValues): Pick<SettingsFile, "content" | "secretNote" | "companion">
}

export interface SettingsRow {
  label: string
  value: string
  note?: string
  /** False for a placeholder (the password) that would be pointless to copy. */
  copyable: boolean
}
