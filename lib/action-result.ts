import type { FieldValues, Path, UseFormSetError } from "react-hook-form"

/**
 * What every server action answers: its data, or a failure with a message to show. Plain,
 * serializable data (React sends it to the browser as it is). A failure can carry a message per
 * form field (dotted react-hook-form paths, "server.host") when the input did not pass the schema,
 * and the seconds to wait when an abuse limit refused the request.
 */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | {
      ok: false
      error: string
      /** Input that did not pass the schema: the first message for each field. */
      fieldErrors?: Record<string, string>
      /** Set when the abuse limit refused the request: seconds until it may be tried again. */
      retryAfterSeconds?: number
    }

/** What the browser shows when calling an action threw: the request never got an answer. */
export const SERVER_UNREACHABLE_MESSAGE =
  "smtp365's server did not answer. Check that it is still running, then try again."

/**
 * Puts a failure's field messages on the form's fields (type "server", as react-hook-form keeps
 * them until the field changes) and answers the names it set, in the order the server gave, so the
 * caller can focus the first or open the step that holds it. `fields`: only these names, for a form
 * that shows part of the schema's fields; the others are left out.
 */
export function setFieldErrors<TValues extends FieldValues>(
  form: { setError: UseFormSetError<TValues> },
  fieldErrors: Record<string, string> | undefined,
  fields?: readonly string[]
): Path<TValues>[] {
  const names = Object.keys(fieldErrors ?? {}).filter(
    (name) => !fields || fields.includes(name)
  ) as Path<TValues>[]
  for (const name of names) {
    form.setError(name, { type: "server", message: fieldErrors?.[name] })
  }
  return names
}
