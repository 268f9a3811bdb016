// What an action that needs Redis says when Redis does not answer. Apart from store.ts, so that the
// actions can recognise the failure without loading node-redis, which only a server with
// SMTP365_REDIS_URL needs (connection.ts loads it then).

/** What a user is told when an action needs Redis and Redis does not answer. */
export const SHARED_STORE_UNAVAILABLE_MESSAGE =
  "smtp365 cannot reach the store its servers share (Redis) right now, so it did nothing: nothing was sent or looked up. Try again in a minute; if this keeps happening, tell whoever runs smtp365."

/** Redis did not answer (down, unreachable, too slow, or refusing): the action cannot go on. */
export class SharedStoreUnavailable extends Error {
  override name = "SharedStoreUnavailable"
  constructor(options?: ErrorOptions) {
    super(SHARED_STORE_UNAVAILABLE_MESSAGE, options)
  }
}

/**
 * Whether `error` is a SharedStoreUnavailable, by its name: Next.js bundles this module once per
 * layer (instrumentation.ts, the actions), and the one store of the process throws the class of
 * the layer that created it, so `instanceof` would miss it in another.
 */
export function isSharedStoreUnavailable(error: unknown): error is SharedStoreUnavailable {
  return error instanceof Error && error.name === "SharedStoreUnavailable"
}
