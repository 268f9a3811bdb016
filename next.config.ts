import type { NextConfig } from "next"

import { FIXED_SECURITY_HEADERS } from "./lib/security/fixed-headers"

const nextConfig: NextConfig = {
  // Also build .next/standalone: a server.js with only the files it needs, for `node` in a
  // container (README). `next start` still serves the same build (with a warning it prints).
  output: "standalone",
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
    // The fixed security headers (lib/security/fixed-headers.ts) on every route.
    return [{ source: "/:path*", headers: [...FIXED_SECURITY_HEADERS] }]
  },
}

export default nextConfig
