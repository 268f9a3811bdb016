import type { Page, Route } from "@playwright/test"

/**
 * Makes the page's server action requests fail as they do when smtp365's server has stopped (the
 * connection is refused), until the returned function is called. Other requests go through.
 */
export async function refuseServerActions(page: Page): Promise<() => Promise<void>> {
  const refuse = (route: Route) =>
    route.request().headers()["next-action"] ? route.abort("connectionrefused") : route.fallback()
  await page.route("**/*", refuse)
  return () => page.unroute("**/*", refuse)
}
