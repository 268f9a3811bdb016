import {
  get,
  set,
  type Field,
  type FieldErrors,
  type FieldValues,
  type Resolver,
  type ResolverError,
  type ResolverOptions,
} from "react-hook-form"

// Why the checks load lazily (decided 2026-12-06 with the bench's first-load figure): the wizard's
// first load is 163.7 kB of JavaScript (gzip) with the checks fetched on first use, and 184.4 kB
// with zod, the schemas and @hookform/resolvers in the first load, against 135.4 kB for a bare
// Next.js page built in the same run: 1.21× with lazy checks, 1.36× without, and the budget is
// 1.3× (bench/budgets.mjs). So every form's checks load through this one module, with this one
// message when they cannot be fetched. Measure again before removing it.

/** Where a form's checks could not be fetched (offline, or smtp365's server went away). */
export const CHECKS_UNAVAILABLE_MESSAGE =
  "This could not be checked: part of the page did not load. Check your connection, then try again."

/**
 * A react-hook-form resolver whose code (zod, the schemas, @hookform/resolvers) is fetched when the
 * form is first used instead of with the page, which needs none of it to show the form.
 *
 * `load` imports the module that builds the real resolver once; `pick` takes it from there. Call
 * `preload` on the first interaction, so the code is usually there before the first check; a
 * check asked for earlier waits for it. A failed fetch is not kept: the next check (or preload)
 * fetches again, and meanwhile the check fails with CHECKS_UNAVAILABLE_MESSAGE on the first field
 * it covers that is on screen, so nothing passes unchecked and the press still says why.
 */
export function lazyResolver<
  Module,
  TFieldValues extends FieldValues,
  TContext,
  TTransformedValues,
>(
  load: () => Promise<Module>,
  pick: (imported: Module) => Resolver<TFieldValues, TContext, TTransformedValues>
) {
  let loaded: Module | undefined
  let loading: Promise<Module> | undefined

  function fetchModule() {
    loading ??= load().then(
      (imported) => {
        loaded = imported
        return imported
      },
      (error: unknown) => {
        loading = undefined
        throw error
      }
    )
    return loading
  }

  const resolver: Resolver<TFieldValues, TContext, TTransformedValues> = async (
    values,
    context,
    options
  ) => {
    let imported: Module
    try {
      imported = await fetchModule()
    } catch {
      return unavailable(options)
    }
    return pick(imported)(values, context, options)
  }

  return {
    resolver,
    /** Starts fetching the checks unless they are here or on their way. Never throws. */
    preload() {
      if (!loaded) fetchModule().catch(() => {})
    },
    /** Waits for the checks: true once they are here, false if they could not be fetched. */
    async ready() {
      try {
        await fetchModule()
        return true
      } catch {
        return false
      }
    },
    /** The loaded module; undefined until the first fetch succeeds. */
    get loaded() {
      return loaded
    },
  }
}

/**
 * The handlers that start fetching a form's checks, for its root element: the first touch, click,
 * focus or key there, usually before the first check needs them.
 */
export function preloadOnFirstUse(checks: { preload: () => void }) {
  return { onPointerDown: checks.preload, onFocus: checks.preload, onKeyDown: checks.preload }
}

function unavailable<TFieldValues extends FieldValues>(
  options: ResolverOptions<TFieldValues>
): ResolverError<TFieldValues> {
  const names: readonly string[] = options.names ?? []
  // The first field on screen: react-hook-form focuses it, and its error tells the user.
  const mounted = names.find(
    (name) => (get(options.fields, name) as Field["_f"] | undefined)?.mount
  )
  const errors = {}
  // With no field to hold it, a key of its own: the form must still not pass.
  set(errors, mounted ?? names[0] ?? "form", {
    type: "unavailable",
    message: CHECKS_UNAVAILABLE_MESSAGE,
  })
  return { values: {}, errors: errors as FieldErrors<TFieldValues> }
}
