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
  /** The software's OAuth 2.0 verdict in one line, with its source (see oauthVerdictLine). */
  oauthLine: string
}

/** The Settings step's groups, in display order (see SETTINGS_GROUPS). */
export type SettingsGroup =
  "Frameworks and languages" | "Applications" | "Mail servers" | "Devices" | "Test from the device"

/**
 * How a program gets the token it sends with XOAUTH2 to Microsoft 365, if it can:
 * - "client-credentials": it fetches the token itself with the app's client secret (app-only);
 * - "refresh-token": it keeps a user's refresh token from one sign-in and renews the token itself;
 * - "command": it runs a command that prints the token;
 * - "token-file": it reads the token from a file something else keeps fresh;
 * - "takes-token": a library that sends XOAUTH2 with a token the calling code gets (MSAL);
 * - "graph-only": it has OAuth 2.0 only for sending through Microsoft Graph, not SMTP;
 * - "none": it only knows a username and password;
 * - "no-sign-in": it never signs in (a port or TLS check).
 */
export type OAuthVerdictKind =
  | "client-credentials"
  | "refresh-token"
  | "command"
  | "token-file"
  | "takes-token"
  | "graph-only"
  | "none"
  | "no-sign-in"

/** What the software itself can do with OAuth 2.0 over SMTP, from its own documentation or source. */
export interface OAuthVerdict {
  kind: OAuthVerdictKind
  /** The first version that can, where the source names it ("msmtp 1.8.13"). */
  since?: string
  /** One sentence: how it gets and sends the token, or what it lacks. */
  how: string
  /** The documentation, changelog, source file or maintainer's word it rests on. */
  source: string
}

/** One generator per target software: what it is, and a pure function of the tested settings. */
export interface SettingsTarget extends Omit<SettingsFile, "content" | "secretNote" | "oauthLine"> {
  oauthVerdict: OAuthVerdict
  /**
   * smtp365 renders a complete OAuth 2.0 variant of this file after an OAuth test. Unset: after an
   * OAuth test the registry puts a note at the top of its output instead (see oauth-note.ts), which
   * points to the bridge and the other routes.
   */
  oauthVariant?: {
    /** What the variant needs, in one phrase, for the line password outputs carry. */
    takes: string
    /**
     * Where that depends on the setup: whether the variant fits these values. False gets the note,
     * as no variant does (Postfix's sasl-xoauth2 needs a user's sign-in, which not every method
     * takes).
     */
    fits?(values: SetupValues): boolean
  }
  /**
   * The file for these values. A variant that is another file of the same software (Flask-Mail's
   * app.py, a class to add, a must-use plugin) names it: its title, file name and language replace
   * the target's.
   */
  render(
    values: SetupValues
  ): Pick<SettingsFile, "content" | "secretNote" | "companion"> &
    Partial<Pick<SettingsFile, "title" | "filename" | "language">>
}
export interface SettingsRow {
  label: string
  value: string
  note?: string
  /** False for a placeholder (the password) that would be pointless to copy. */
  copyable: boolean
}
