import * as SOURCES from "./sources"

/**
 * Microsoft's current timeline for Basic authentication (passwords and app passwords) on SMTP AUTH,
 * as published by the Exchange Team on 27 Jan 2026 (v3.0, 29 Jan 2026). No newer official update was
 * found through 28 Nov 2026 (shared/reference/microsoft-365-smtp.md §0).
 */
export const BASIC_AUTH_TIMELINE = {
  sourceDate: "27 January 2026",
  source: SOURCES.basicAuthTimeline,
  milestones: [
    {
      when: "Now to December 2026",
      what: "Basic authentication for SMTP AUTH keeps working as today.",
    },
    {
      when: "End of December 2026",
      what: "Basic authentication is turned off by default for existing tenants; admins can still turn it back on.",
    },
    {
      when: "Tenants created after December 2026",
      what: "Basic authentication is unavailable by default; OAuth is the supported method.",
    },
    {
      when: "Second half of 2027",
      what: "Microsoft announces the final removal date.",
    },
  ],
  /** App passwords go through the same Basic authentication path (SOURCES.appPasswords; reference §2). */
  appPasswordNote:
    "App passwords are Basic authentication too: they stop working with it, and security defaults block them as well.",
} as const
