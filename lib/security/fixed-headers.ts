/**
 * Headers that never change, on every response. The Content-Security-Policy (frame-ancestors
 * 'none' included) needs a fresh nonce per response, so proxy.ts sets it, along with Cache-Control.
 * next.config.ts sends these through its header rules; lib/security/response-headers.ts also sets
 * them on each response before Next.js handles the request, for the answers Next.js gives before
 * its header rules run (its redirect of repeated slashes).
 */
export const FIXED_SECURITY_HEADERS = [
  // The wizard handles credentials: it must never be framed by another site (clickjacking); for
  // browsers older than CSP's frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  // Don't let browsers guess content types.
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Never leak the wizard's URL (which can carry settings) to other sites.
  { key: "Referrer-Policy", value: "no-referrer" },
  // The wizard needs no device or sensor: deny the powerful features outright.
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  },
] as const
