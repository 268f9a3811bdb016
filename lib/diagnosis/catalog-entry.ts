import type { SendingMethod, SignIn } from "@/lib/schemas/setup-fields"
import type { Actor, Diagnosis, DiagnosisCaveat, DiagnosisSource, StageId } from "@/lib/smtp/types"
import type { ProgramSetting } from "./programs"

/** A read-only check, before its placeholders are filled in. */
export type CatalogCheck = NonNullable<Diagnosis["checks"]>[number]

/**
 * Known failures, as data; classify.ts matches them. An entry matches when every matcher it sets
 * matches, and the first match wins, so specific entries come before general ones. Reply texts are
 * Microsoft 365's, verbatim (shared/reference/microsoft-365-smtp.md §4).
 *
 * Placeholders in every text: {mailbox} (the sign-in address, or the From address when nothing
 * signs in), {from}, {to}, {host}, {port}, {domain} (the mailbox's domain, else the From
 * address's), {admin} (an admin account in that domain, for Connect-ExchangeOnline), and for OAuth
 * {tenant} and {clientId} (the Directory (tenant) ID and Application (client) ID typed). In
 * `commands` and a check's `command` each one becomes a single-quoted PowerShell literal, so write
 * it bare there (-Identity {mailbox}); in a sentence it stays as typed, and a command written
 * inside a sentence marks its values with the quotes they will have (-Identity '{mailbox}').
 * classify.ts's fillCommand and fill do this.
 */
export interface CatalogEntry {
  id: string
  /**
   * "server": Microsoft 365 answered with this reply. "client": the failure is seen by the client
   * (the network, TLS, a timeout, a refusal by smtp365 itself) and no Microsoft 365 reply explains it.
   */
  side: "server" | "client"
  match: {
    /** Basic reply codes (RFC 5321), for example 535. */
    basic?: readonly number[]
    /** Enhanced status codes (RFC 3463): "5.7.139", or a range of details "4.7.500-699". */
    enhanced?: readonly string[]
    /** Pattern on the reply text (the whole reply, codes included). */
    text?: RegExp
    /**
     * The text alone tells, when a reply is pasted without any code ("Mailbox cannot be accessed",
     * nodemailer's "Invalid login: Authentication unsuccessful, the request did not meet..."): the
     * codes this entry asks for are then not required. Only for wording that is Microsoft 365's own.
     */
    textAlone?: true
    /** Our error code (EAUTH, ESOCKET, ETIMEDOUT, EGUARD...). */
    code?: readonly string[]
    /** The low-level cause (ECONNREFUSED, ERR_SSL_WRONG_VERSION_NUMBER, GREETING_TIMEOUT...). */
    cause?: readonly string[]
    /**
     * The stage the session failed at. Only client-side entries use it: a server reply is matched
     * by its codes and text, so a reply pasted without its stage still matches.
     */
    stage?: readonly StageId[]
    port?: readonly number[]
    /** How the test signed in: the same 535 5.7.3 reads differently after XOAUTH2. */
    signIn?: readonly SignIn[]
    /**
     * The sending method tested, where the reply alone does not tell the route (an HVE account
     * signs in with a password, as a mailbox does). A pasted reply has no method, so it never
     * matches an entry that sets this.
     */
    method?: readonly SendingMethod[]
    /**
     * true: only a test against the practice simulator (its refusals are the simulator's, not the
     * network's); false: never one. A pasted reply is never a practice test.
     */
    practice?: boolean
  }
  /** Plain words, one line. */
  headline: string
  /** What the failure means. */
  meaning: string
  /** Likely causes, most likely first. */
  causes: readonly string[]
  /** The fix as steps, in order: only what to do. */
  fix: readonly string[]
  /** A note beside the fix, not a step of it: what may change, and when, with its source's date. */
  caveat?: DiagnosisCaveat
  /** Exchange Online PowerShell for the fix, filled in with the user's values, each quoted. */
  commands?: readonly string[]
  /** Read-only checks that confirm which layer blocks the sign-in: every authentication entry has them. */
  checks?: readonly CatalogCheck[]
  /** When another sending method is the better answer, in one sentence. */
  betterMethod?: string
  /**
   * The settings of the sending program that fix it, in order: when a pasted text names the program
   * (programs.ts), its own words for them become the first steps of the fix.
   */
  programSettings?: readonly ProgramSetting[]
  who: Actor
  /** Whether retrying the same thing later can succeed. */
  retry: boolean
  sources: readonly DiagnosisSource[]
  /** The code only appears in non-delivery reports (bounces), never as a reply to a live test. */
  bounceOnly?: true
  /** What Microsoft has not confirmed (the reference marks it UNCONFIRMED or observed only). */
  unconfirmed?: string
}
