/** The health endpoint (app/api/health/route.ts), which load balancers and orchestrators probe. */
export const HEALTH_PATH = "/api/health"

/**
 * Whether a request is a health probe: a GET or HEAD of HEALTH_PATH. proxy.ts lets it through
 * without the access password and under any host name. A probe has no password to give, and it
 * asks by whatever name reaches the instance (an internal name, a pod's address), which no list
 * of host names could keep up with. The answer is a status, the version and a reason, nothing a
 * page that rebinds a name to this machine could use, and it runs nothing but a Redis PING.
 */
export function isHealthProbe(method: string, pathname: string): boolean {
  return (method === "GET" || method === "HEAD") && pathname === HEALTH_PATH
}
