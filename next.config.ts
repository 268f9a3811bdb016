import type { NextConfig } from "next"

// Headers that never change. The Content-Security-Policy (frame-ancestors 'none' included) needs a
// fresh nonce per response, so proxy.ts sets it, along with Cache-Control.
const securityHeaders = [
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
]

const nextConfig: NextConfig = {
  // Don't advertise the framework in a header.
  poweredByHeader: false,
  // `next dev` prints each server action call with its arguments: the password and client secret
  // the wizard sends would land in the terminal.
  logging: { serverFunctions: false },
  // Next.js redirects "/diagnose/" to "/diagnose" before any header route or the proxy runs, and
  // its redirect carries none of the headers below; proxy.ts redirects instead, with all of them.
  skipTrailingSlashRedirect: true,
  // Socket-level libraries run as plain Node modules, not bundled.
  serverExternalPackages: ["nodemailer", "smtp-server", "selfsigned"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }]
  },
}

export default nextConfig
