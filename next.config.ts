import type { NextConfig } from "next"

const securityHeaders = [
  // The wizard handles credentials: it must never be framed by another site (clickjacking).
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
  // Don't let browsers guess content types.
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Never leak the wizard's URL (which can carry settings) to other sites.
  { key: "Referrer-Policy", value: "no-referrer" },
]

const nextConfig: NextConfig = {
  // Don't advertise the framework in a header.
  poweredByHeader: false,
  // Socket-level libraries run as plain Node modules, not bundled.
  serverExternalPackages: ["nodemailer", "smtp-server", "selfsigned"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }]
  },
}

export default nextConfig
