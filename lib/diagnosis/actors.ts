import type { Actor } from "@/lib/smtp/types"

/** Who has to act on a diagnosis, in words. */
export const ACTOR_LABELS: Record<Actor, string> = {
  "app-owner": "Whoever configures the device or application",
  "m365-admin": "A Microsoft 365 administrator",
  "network-team": "The network or firewall team",
}
