import type { OAuthVerdict, SettingsFile } from "./types"
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

/**
 * The verdict as the admin reads it with each file: what the software can do, since when, and the
 * source it rests on.
 */
export function oauthVerdictLine({ how, since, source }: OAuthVerdict): string {
  return `OAuth 2.0: ${how}${since ? ` (since ${since})` : ""}. Source: ${source}`
}

/**
 * What to do instead, for a program with no OAuth 2.0 setup here. Basic authentication for SMTP
 * AUTH is off by default for existing tenants at the end of December 2026, and administrators can
 * still turn it on (SOURCES.basicAuthTimeline). The local bridge is Email OAuth 2.0 Proxy (its own
 * file, targets/emailproxy.ts); the routes are the sending methods of lib/microsoft365/methods.ts:
 * High Volume Email (internal recipients only), Azure Communication Services, and Direct Send and
 * relay through a connector, which do not sign in (SOURCES.mfd).
 */
const INSTEAD = [
  "The settings below sign in with the mailbox password (Basic authentication), which Microsoft 365",
  "turns off by default for existing tenants at the end of December 2026. Instead:",
  "- point this software at a local OAuth 2.0 bridge: Email OAuth 2.0 Proxy (its file is under",
  "  Mail servers) takes a local password and signs in to Microsoft 365 with OAuth 2.0,",
  "- or relay through Postfix with sasl-xoauth2 (see the Postfix files),",
  "- or choose another sending method: High Volume Email (internal recipients only), Azure",
  "  Communication Services, or Direct Send or SMTP relay through a connector, which need no",
  "  sign-in,",
  "- or keep a mailbox that signs in with a password while Basic authentication lasts.",
]

/** The one-line version for the secret note. */
export const OAUTH_SECRET_NOTE =
  "No OAuth 2.0 setup here (see the note at the top): send through Email OAuth 2.0 Proxy or Postfix with sasl-xoauth2, use another sending method (High Volume Email, Azure Communication Services, Direct Send, a connector), or a password while Basic authentication lasts."

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
      "here that set it up themselves (those without this note), or Email OAuth 2.0 Proxy.",
    ],
    secretNote: `No OAuth 2.0 setup here (see the note at the top): the settings sign in with ${secret} instead.`,
  }
}

/** The note's lines: the software's verdict, then what to do instead. */
export function oauthNoteLines(
  verdict: OAuthVerdict,
  instead: readonly string[] = INSTEAD
): string[] {
  return [oauthVerdictLine(verdict), ...instead]
}

/**
 * The file with these lines in its comment syntax at the top: after a first line the file must start
 * with (`<?php`, `#!`), so it still parses and runs. A language without comments (JSON) keeps its
 * content as it is: the line still goes with the file (SettingsFile.oauthLine).
 */
export function withHeaderComment(file: SettingsFile, header: readonly string[]): SettingsFile {
  const mark = COMMENT_MARKS[file.language] ?? (file.language === "json" ? undefined : "# ")
  if (mark === undefined) return file
  const note = header.map((line) => `${mark}${line}`.trimEnd())
  const lines = file.content.split("\n")
  const keepFirst = /^(<\?php|#!)/.test(lines[0] ?? "") ? 1 : 0
  const content = [...lines.slice(0, keepFirst), ...note, "", ...lines.slice(keepFirst)].join("\n")
  return { ...file, content }
}

/** The file with the verdict and what to do instead at the top (a program with no variant here). */
export function withOAuthNote(
  file: SettingsFile,
  facts: ConnectionFacts,
  verdict: OAuthVerdict
): SettingsFile {
  const instead = facts.basicAuthRetiring
    ? { lines: INSTEAD, secretNote: OAUTH_SECRET_NOTE }
    : insteadKeeping(facts.secret.name)
  const noted = withHeaderComment(file, oauthNoteLines(verdict, instead.lines))
  return { ...noted, secretNote: `${instead.secretNote} ${file.secretNote}` }
}

/**
 * The one line a password output carries where smtp365 has an OAuth 2.0 variant of it and the
 * method takes OAuth 2.0: that the variant exists, and what it takes.
 */
export function oauthVariantLine(takes: string): string {
  return `OAuth 2.0: this software can sign in with OAuth 2.0 instead; smtp365 writes that file after an OAuth 2.0 test (Account step). It takes ${takes}.`
}
