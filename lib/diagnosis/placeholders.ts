// Addresses that stand in for what a pasted text does not name. Apart from the diagnosis code, so
// that the page showing the result can name them without loading it.

/** The sending mailbox when the text names none. */
export const PLACEHOLDER_MAILBOX = "sender@yourdomain.com"

/** The signed-in mailbox of a Send As refusal when the text only names the From address. */
export const PLACEHOLDER_SIGNED_IN_MAILBOX = "signed-in-mailbox@yourdomain.com"
