import { checkHealth } from "@/lib/health"

// Asked afresh at every probe, never prerendered at build time.
export const dynamic = "force-dynamic"

/**
 * GET /api/health: 200 {"status":"ok","version"} when this instance can serve, 503 with the
 * reason when Redis (when configured) does not answer. proxy.ts lets it through without the access
 * password and under any host name, and it counts against no rate limit.
 */
export async function GET() {
  const health = await checkHealth()
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  })
}
