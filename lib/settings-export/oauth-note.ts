import type { SettingsFile } from "./types"
import type { ConnectionFacts } from "./values"

/**
 * The comment mark of each output language, for the note at the top of outputs that have no OAuth
 * 2.0 setup. "text" outputs (forms, sheets) take the note as plain lines.
 */
const COMMENT_MARKS: Record<string, string> = {
  bash: "# ",
  dotenv: "# ",
  ini: "# ",
  powershell: "# ",
  properties: "# ",
  python: "# ",
  ruby: "# ",
  yaml: "# ",
  csharp: "// ",
  go: "// ",
  javascript: "// ",
  php: "// ",
  text: "",
}

// Some of these programs can send XOAUTH2 with a token from elsewhere; smtp365 does not claim either
// way where it has not verified it, and says what it generates.
const CANNOT =
  "OAuth 2.0: smtp365 has no OAuth 2.0 (XOAUTH2) setup for this software; check its own documentation for XOAUTH2 support."

/**
 * What to do instead. Basic authentication for SMTP AUTH is off by default for existing tenants at
 * the end of December 2026, and administrators can still turn it on (SOURCES.basicAuthTimeline);
 * Direct Send and relay through a connector do not sign in (SOURCES.mfd).
 */
const INSTEAD = [
  "The settings below sign in with the mailbox password (Basic authentication), which Microsoft 365",
  "turns off by default for existing tenants at the end of December 2026. Instead:",
  "- keep a mailbox that signs in with a password while Basic authentication lasts,",
  "- send through a relay that signs in with OAuth 2.0 (Postfix with sasl-xoauth2: see the Postfix",
  "  files),",
  "- or use Direct Send or SMTP relay through a connector, which need no sign-in.",
]

/** The one-line version for the secret note. */
export const OAUTH_SECRET_NOTE =
  "No OAuth 2.0 setup here (see the note at the top): use a password while Basic authentication lasts, an OAuth relay such as Postfix with sasl-xoauth2, or Direct Send or a connector."

/**
 * What to do instead where the method's password sign-in is not the Basic authentication Microsoft
 * is retiring (High Volume Email's accounts keep it until September 2028: SOURCES.hveInternalOnly):
 * sign in with its secret, as the settings below do, or use a file that sets up OAuth 2.0 itself.
 * INSTEAD's OAuth relay is left out: sasl-xoauth2 needs a user's sign-in, which HVE does not take.
 */
function insteadKeeping(secret: string) {
  return {
    lines: [
      `The settings below sign in with ${secret} (Basic authentication)`,
      "instead, which this sending method still accepts. For OAuth 2.0, use one of the files",
      "here that set it up themselves (those without this note).",
    ],
    secretNote: `No OAuth 2.0 setup here (see the note at the top): the settings sign in with ${secret} instead.`,
  }
}

/** The note's lines: the software's own caveat (where it can do part of it) or "cannot". */
export function oauthNoteLines(caveat?: string, instead: readonly string[] = INSTEAD): string[] {
  return [...(caveat ? caveat.split("\n") : [CANNOT]), ...instead]
}

/**
 * The file with the note in its comment syntax at the top: after a first line the file must start
 * with (`<?php`, `#!`), so it still parses and runs.
 */
export function withOAuthNote(
  file: SettingsFile,
  facts: ConnectionFacts,
  caveat?: string
): SettingsFile {
  const instead = facts.basicAuthRetiring
    ? { lines: INSTEAD, secretNote: OAUTH_SECRET_NOTE }
    : insteadKeeping(facts.secret.name)
  const mark = COMMENT_MARKS[file.language] ?? "# "
  const note = oauthNoteLines(caveat, instead.lines).map((line) => `${mark}${line}`.trimEnd())
  const lines = file.content.split("\n")
  const keepFirst = /^(<\?php|#!)/.test(lines[0] ?? "") ? 1 : 0
  const content = [...lines.slice(0, keepFirst), ...note, "", ...lines.slice(keepFirst)].join("\n")
  return { ...file, content, secretNote: `${instead.secretNote} ${file.secretNote}` }
}
