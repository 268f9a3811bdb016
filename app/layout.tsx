import type { Metadata, Viewport } from "next"
import { connection } from "next/server"

import "./globals.css"

export const metadata: Metadata = {
  title: "smtp365: send mail through Microsoft 365",
  description:
    "Set up an application, device or script to send mail through Microsoft 365, test it, and get the exact fix when it fails.",
}

export const viewport: Viewport = {
  colorScheme: "light dark",
}

export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  // Every page renders per request: proxy.ts gives each response a fresh CSP nonce, which Next.js
  // can only put on the scripts of a page it renders then (the Content Security Policy guide).
  await connection()
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans antialiased">{children}</body>
    </html>
  )
}
