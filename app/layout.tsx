import type { Metadata, Viewport } from "next"

import "./globals.css"

export const metadata: Metadata = {
  title: "smtp365: send mail through Microsoft 365",
  description:
    "Set up an application, device or script to send mail through Microsoft 365, test it, and get the exact fix when it fails.",
}

export const viewport: Viewport = {
  colorScheme: "light dark",
}

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans antialiased">{children}</body>
    </html>
  )
}
