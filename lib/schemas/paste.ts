// zod/mini, like the wizard's schemas: the diagnose form's resolver runs in the browser.
import * as z from "zod/mini"

import "@/lib/schemas/zod-locale"

/** The most text the diagnose page reads: enough for a whole NDR or a long client log. */
export const PASTE_MAX_LENGTH = 100_000

/** What an admin pastes on the diagnose page: an error line, a log or a bounce (NDR). */
export const pastedTextSchema = z.object({
  text: z.string("Paste the error, log or bounce").check(
    z.maxLength(
      PASTE_MAX_LENGTH,
      "That is more than 100,000 characters: paste only the part with the error, or the bounce's diagnostic section"
    ),
    // Checked, not trimmed: the text is read as pasted, so line numbers match what the user sees.
    z.refine(
      (value) => value.trim() !== "",
      "Paste the error, log or bounce first: the line with the server's reply is enough"
    )
  ),
})

export type PastedText = z.infer<typeof pastedTextSchema>
