import "server-only"

import type * as z from "zod/mini"

import type { ActionResult } from "@/lib/action-result"
import { toFieldErrors } from "@/lib/schemas/setup"
import type { RateLimited } from "@/lib/security/limit-test-send"
import { isSharedStoreUnavailable } from "@/lib/shared-store/unavailable"

export interface ValidatedActionOptions<Input> {
  /** The action's name, for the log of an unexpected error. */
  name: string
  /** The failure's message when the input does not pass the schema (each field has its own). */
  invalid: string
  /** The failure's message when the action throws: a bug, so it says what to do, not what broke. */
  unexpected: string
  /** An abuse limit, asked once the input is known to be well formed (malformed input costs nothing). */
  limit?: (input: Input) => Promise<RateLimited | null>
  /**
   * What the log keeps of an unexpected error besides the action's name: its name by default, or
   * its message where no message can quote the input.
   */
  logs?: "name" | "message"
}

/**
 * A server action in the way every action here runs: it parses its input with `schema` (an action
 * is reachable by a plain POST, whatever the form checked), answers invalid input with a message
 * per field, applies the abuse limit, then runs `action` with the parsed input. An unexpected
 * throw is logged as "<name> failed unexpectedly:" with the error's name or message, never the
 * input (it holds passwords, pasted logs and addresses), and answered with `unexpected`.
 * `action` gets that log too, for a bug that surfaces after it answered (in what it streams).
 * Redis not answering (SharedStoreUnavailable, from the limit or the action) is no bug: it is
 * answered with its own message, and the shared store logs the outage once for the operator.
 */
export function validatedAction<Schema extends z.ZodMiniType, T>(
  schema: Schema,
  options: ValidatedActionOptions<z.output<Schema>>,
  action: (
    input: z.output<Schema>,
    logUnexpected: (error: unknown) => void
  ) => Promise<ActionResult<T>>
): (input: unknown) => Promise<ActionResult<T>> {
  const logUnexpected = (error: unknown) => {
    const detail =
      error instanceof Error
        ? options.logs === "message"
          ? error.message
          : error.name
        : typeof error
    console.error(`${options.name} failed unexpectedly:`, detail)
  }
  return async (input) => {
    const parsed = schema.safeParse(input)
    if (!parsed.success) {
      return { ok: false, error: options.invalid, fieldErrors: toFieldErrors(parsed.error) }
    }
    try {
      const limited = await options.limit?.(parsed.data)
      if (limited) return { ok: false, ...limited }
      return await action(parsed.data, logUnexpected)
    } catch (error) {
      if (isSharedStoreUnavailable(error)) return { ok: false, error: error.message }
      logUnexpected(error)
      return { ok: false, error: options.unexpected }
    }
  }
}
