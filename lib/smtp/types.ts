/**
 * Plain, serializable data describing one test send. Shared by the server (which produces it) and the
 * client (which renders it); nothing here may ever hold a password, a token or a message body.
 */

import type { TokenSummary } from "@/lib/oauth/claims"
import type { SendingMethod, SignIn } from "@/lib/schemas/setup-fields"

export const STAGE_IDS = [
  "resolve",
  // OAuth only: the token from the Microsoft identity platform, before any SMTP.
  "token",
  "connect",
  "tls",
  "greeting",
  "ehlo",
  "auth",
  "mail",
  "rcpt",
  "data",
] as const
export type StageId = (typeof STAGE_IDS)[number]

/** "not-reached": the session ended at an earlier stage. */
export type StageStatus = "running" | "passed" | "failed" | "skipped" | "not-reached"

export interface StageResult {
  id: StageId
  /** Short label as an admin knows it: "EHLO", "MAIL FROM". */
  label: string
  status: StageStatus
  /** Milliseconds the stage took; absent while running or when skipped. */
  ms?: number
  /**
   * The server's reply that ended the stage, verbatim (multi-line replies joined by \n) but for
   * credentials, and cut in the middle past REPLY_LIMIT (lib/smtp/result-size.ts).
   */
  reply?: string
  /** One line of context: the address connected to, the TLS version, why it was skipped. */
  detail?: string
}

export type TranscriptDirection = "client" | "server" | "info"

export interface TranscriptLine {
  /** Milliseconds since the test started. */
  at: number
  direction: TranscriptDirection
  /** Already redacted (credentials never reach a TranscriptLine) and clipped to REPLY_LIMIT. */
  text: string
  /** What the line means, on the reply that ended a failed test. */
  note?: string
}

export interface TlsDetails {
  protocol: string | null
  cipher: string | null
  /** Subject CN and alternative names of the server certificate. */
  subject: string | null
  issuer: string | null
  validTo: string | null
}

/** Where the session failed, in terms a classifier can match. */
export interface FailureFacts {
  stage: StageId
  /** How the test signed in, when it did: the same 535 5.7.3 means other things after XOAUTH2. */
  signIn?: SignIn
  /**
   * The sending method tested: High Volume Email signs in with a password as SMTP AUTH does, and
   * the same reply means another thing on its endpoint. Absent for a reply pasted on its own.
   */
  method?: SendingMethod
  /**
   * The test ran against the built-in Microsoft 365 simulator (practice mode): nothing on the
   * network was contacted, and a refused port is the simulator's, not the server's.
   */
  practice?: true
  /** nodemailer's error code (EAUTH, ESOCKET, ETIMEDOUT...) or our own (EGUARD, ENOTLS...). */
  code: string
  /** The low-level cause, for example ECONNREFUSED or ERR_SSL_WRONG_VERSION_NUMBER. */
  cause?: string
  /** The server's reply, verbatim when the server answered (redacted and clipped as a stage's). */
  reply?: string
  responseCode?: number
  /** A short technical message in our words (never containing a credential). */
  message: string
}

export interface DiagnosisSource {
  title: string
  url: string
}

export type Actor = "app-owner" | "m365-admin" | "network-team"

/** A note beside a fix: "Uncertain after December 2026", and why. */
export interface DiagnosisCaveat {
  title: string
  text: string
}

export interface Diagnosis {
  id: string
  headline: string
  meaning: string
  /** Fix steps in order. Commands are filled in with the user's own mailbox where it matters. */
  fix: string[]
  /** A note beside the fix, not a step of it (what may change after a date). */
  caveat?: DiagnosisCaveat
  commands?: string[]
  who: Actor
  /** Whether retrying the same thing later can succeed. */
  retry: boolean
  sources: DiagnosisSource[]
  /** Likely causes, most likely first. */
  causes?: string[]
  /** When another sending method is the better answer than fixing this one, in one sentence. */
  betterMethod?: string
  /**
   * Read-only checks that confirm which layer blocks the sign-in, in the order to run them: an
   * Exchange Online PowerShell command (after Connect-ExchangeOnline) or a place in an admin
   * center, and how to read the result. Filled in with the user's mailbox.
   */
  checks?: { layer: string; command?: string; place?: string; reading: string }[]
  /** The code only appears in non-delivery reports (bounces), never as a reply to a live test. */
  bounceOnly?: boolean
  /**
   * Nothing Microsoft 365-specific matched: the reading comes from the status codes alone
   * (RFC 3463), and says so.
   */
  generic?: boolean
  /** smtp365's guide that explains the background (MFA and Basic auth, relay), when one applies. */
  guide?: { title: string; url: string }
  /**
   * OAuth: the steps of the Entra checklist that fix it, each a link to the checklist's page filled
   * in with the IDs and mailbox typed.
   */
  entraSteps?: { title: string; url: string }[]
  /** What part of this diagnosis Microsoft has not confirmed, when the wording or meaning is observed only. */
  unconfirmed?: string
}

/** What one test send did, as the SMTP engine (lib/smtp) saw it: facts, no interpretation. */
export interface SmtpOutcome {
  ok: boolean
  startedAt: string
  durationMs: number
  target: { host: string; port: number; security: "starttls" | "tls" | "none"; practice: boolean }
  stages: StageResult[]
  transcript: TranscriptLine[]
  tls: TlsDetails | null
  /** OAuth: what the token said that matters (never the token itself). */
  token?: TokenSummary
  /** The server's final reply to DATA and the Message-ID we set, on success. */
  messageId?: string
  response?: string
  failure?: FailureFacts
}

/**
 * A test send's outcome as the browser gets it: a failure comes with its diagnosis (added by
 * lib/diagnosis, above the engine), and the transcript line of the reply that failed the test
 * carries the diagnosis's headline as its note.
 */
export interface TestOutcome extends SmtpOutcome {
  diagnosis?: Diagnosis
}

/** Events a running session emits as they happen (for streaming progress later). */
export type SessionEvent =
  { type: "stage"; stage: StageResult } | { type: "transcript"; line: TranscriptLine }
