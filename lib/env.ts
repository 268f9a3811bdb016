import "server-only"

import { z } from "zod"

/** A comma-separated list; blanks and stray spaces are ignored. */
const list = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((item) =>
        item
          .trim()
          .toLowerCase()
          .replace(/^\[|\]$/g, "")
      )
      .filter(Boolean)
  )

const envSchema = z.object({
  /**
   * Extra hosts the test may connect to besides Microsoft 365's endpoints: host names and IP
   * addresses, comma-separated (for example "127.0.0.1,localhost,mail.contoso.test").
   */
  SMTP365_ALLOWED_HOSTS: list,
  /** "off" turns practice mode (the built-in Microsoft 365 simulator) off; it is on otherwise. */
  SMTP365_PRACTICE: z
    .string()
    .optional()
    .transform((value) => value?.trim().toLowerCase() !== "off"),
  /**
   * Port of the practice simulator's SMTP AUTH endpoint on 127.0.0.1; the MX endpoints take
   * ephemeral ports. Unset, invalid or busy: an ephemeral port.
   */
  SMTP365_PRACTICE_PORT: z
    .string()
    .optional()
    .transform((value) => {
      const port = Number(value)
      return Number.isInteger(port) && port > 0 && port < 65536 ? port : 0
    }),
})

export type Env = z.infer<typeof envSchema>

/**
 * Reads the configuration from a set of variables. Every variable is optional and a value that
 * cannot be understood falls back to its default: the app always starts, even with none set.
 */
export function readEnv(source: Record<string, string | undefined>): Env {
  return envSchema.parse(source)
}

let cached: Env | undefined

/** The server's configuration, read from process.env once. */
export function env(): Env {
  cached ??= readEnv(process.env)
  return cached
}
