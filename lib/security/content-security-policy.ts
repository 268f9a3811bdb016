import { randomBytes } from "node:crypto"

/** 128 random bits, base64: a fresh nonce for each response. */
export function createNonce(): string {
  return randomBytes(16).toString("base64")
}

/**
 * The Content-Security-Policy of every response (Next.js's "Content Security Policy" guide, with
 * nonces): scripts only from this origin and only when Next.js tagged them with this response's
 * nonce ('strict-dynamic' lets those load the chunks they import); no plugins, no framing, no
 * foreign forms, connections or base URL.
 */
export function contentSecurityPolicy(nonce: string, development = false): string {
  return [
    "default-src 'self'",
    // React needs eval only for its development error overlay (the guide's 'unsafe-eval' note).
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // The stylesheet is a file, and the inline <style> Next.js injects carries the nonce.
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ")
}
