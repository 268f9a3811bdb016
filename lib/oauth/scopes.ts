/**
 * What smtp365 asks the Microsoft identity platform for. Source: "Authenticate an IMAP, POP or SMTP
 * connection using OAuth" (SOURCES.oauth): app-only tokens "must use
 * https://outlook.office365.com/.default in the scope property", and delegated SMTP AUTH uses
 * https://outlook.office.com/SMTP.Send.
 */
export const APP_ONLY_SCOPE = "https://outlook.office365.com/.default"
export const DELEGATED_SMTP_SCOPE = "https://outlook.office.com/SMTP.Send"

/** The identity platform's base URL when SMTP365_IDENTITY_URL is not set. */
export const DEFAULT_IDENTITY_URL = "https://login.microsoftonline.com"

/** Each request to the identity platform gets at most this long (it answers in well under 1 s). */
export const IDENTITY_TIMEOUT_MS = 10_000
