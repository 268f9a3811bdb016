"use server"

import { diagnoseText } from "@/lib/diagnosis/diagnose-text"
import { pastedTextSchema } from "@/lib/schemas/paste"
import { toFieldErrors } from "@/lib/schemas/setup"

import type { DiagnosePastedTextResult } from "./action-result"

/**
 * Finds and explains the SMTP replies in pasted text. It runs on the server so that the catalog
 * stays out of the browser bundle. It sends nothing and keeps nothing, and never logs the text:
 * logs and bounces hold addresses.
 */
export async function diagnosePastedText(input: unknown): Promise<DiagnosePastedTextResult> {
  const parsed = pastedTextSchema.safeParse(input)
  if (!parsed.success) {
    return {
      kind: "invalid",
      error: "The text could not be read.",
      fieldErrors: toFieldErrors(parsed.error),
    }
  }
  try {
    return { kind: "diagnosed", result: diagnoseText(parsed.data.text) }
  } catch (error) {
    // A bug: diagnoseText does not throw on any input. Log the error's name only: its message
    // could quote the pasted text.
    console.error(
      "diagnosePastedText failed unexpectedly:",
      error instanceof Error ? error.name : typeof error
    )
    return { kind: "error", error: "smtp365 hit an unexpected error reading the text. Try again." }
  }
}
