// The simulator and the SMTP session are TypeScript with "@/..." imports, and the bench is plain
// Node (20 has no type stripping). jiti, already installed through vite, eslint and tailwind,
// compiles them on import with the aliases vitest.config.mts uses; no build step, no new package.
import path from "node:path"
import { fileURLToPath } from "node:url"
import { createJiti } from "jiti"

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")

const jiti = createJiti(import.meta.url, {
  alias: {
    "@": ROOT,
    // "server-only" throws outside React's server build; the bench drives lib/smtp directly.
    "server-only": path.join(ROOT, "node_modules/server-only/empty.js"),
  },
  // Nothing is written under node_modules/.cache.
  fsCache: false,
})

/** Imports a TypeScript module of the app by its path from the repository root. */
export function importTs(relativePath) {
  return jiti.import(path.join(ROOT, relativePath))
}
