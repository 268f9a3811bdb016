import type { Metadata } from "next"

import { DiagnoseForm } from "@/components/diagnose/diagnose-form"

export const metadata: Metadata = {
  title: "Diagnose an error: smtp365",
  description:
    "Paste an SMTP error, a client log or a bounce from Microsoft 365 and get the cause and the fix, without sending anything.",
}

export default function DiagnosePage() {
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-8 px-4 py-6 sm:px-6 sm:py-10">
      <header className="flex flex-col gap-1.5 border-b pb-6">
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full page load: see diagnose-link.tsx */}
        <a
          href="/"
          className="mb-2 self-start rounded-sm text-sm text-primary underline underline-offset-2 outline-none hover:no-underline focus-visible:ring-2 focus-visible:ring-ring"
        >
          <span aria-hidden="true">← </span>Back to the setup wizard
        </a>
        <h1 className="text-2xl font-semibold tracking-tight">Diagnose an error</h1>
        <p className="text-lg">
          Paste what your app, device or a bounce showed, and get the same diagnosis as a test.
        </p>
        <p className="text-sm text-muted-foreground">
          Nothing is sent: smtp365 only reads the text to find the server&apos;s replies. It
          contacts no mail server, and neither stores nor logs what you paste.
        </p>
      </header>
      <main>
        <DiagnoseForm />
      </main>
    </div>
  )
}
