"use server"

import { validatedAction } from "@/lib/actions/validated-action"
import { diagnoseText } from "@/lib/diagnosis/diagnose-text"
import { pastedTextSchema } from "@/lib/schemas/paste"

/**
 * Finds and explains the SMTP replies in pasted text. It runs on the server so that the catalog
 * stays out of the browser bundle. It sends nothing and keeps nothing, and never logs the text:
 * logs and bounces hold addresses (an unexpected error is logged by its name only, since its
 * message could quote the text; diagnoseText does not throw on any input).
 */
export const diagnosePastedText = validatedAction(
  pastedTextSchema,
  {
    name: "diagnosePastedText",
    invalid: "The text could not be read.",
    unexpected: "smtp365 hit an unexpected error reading the text. Try again.",
  },
  async ({ text }) => ({ ok: true, data: diagnoseText(text) })
)
