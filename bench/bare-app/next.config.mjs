import path from "node:path"
import { fileURLToPath } from "node:url"

// Built from a copy in bench/.bare-build/: the repository root, two levels up, holds node_modules.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..")

const nextConfig = {
  // The same as the wizard's next.config.ts, so responses differ only by the page.
  poweredByHeader: false,
  turbopack: { root },
  outputFileTracingRoot: root,
}

export default nextConfig
