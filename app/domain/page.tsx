import type { Metadata } from "next"

import { DomainCheck } from "@/components/domain/domain-check"

export const metadata: Metadata = {
  title: "Check a domain: smtp365",
  description:
    "Check a sender domain's MX, SPF, DKIM and DMARC records for Microsoft 365, with the records to publish.",
}

export default function DomainPage() {
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
        <h1 className="text-2xl font-semibold tracking-tight">Check a domain</h1>
        <p className="text-lg">
          See whether a sender domain&apos;s DNS lets its Microsoft 365 mail reach the inbox.
        </p>
        <p className="text-sm text-muted-foreground">
          smtp365 reads the domain&apos;s public MX, SPF, DKIM and DMARC records and shows the
          record to publish for each problem. It sends no mail.
        </p>
      </header>
      <main>
        <DomainCheck />
      </main>
    </div>
  )
}
