import { connection } from "next/server"

import { practiceModeEnabled } from "@/lib/practice/enabled"
import { practiceListing } from "@/lib/practice/listing"
import { resumedStep, sharedSetup, type ShareParams } from "@/lib/share-link"
import { DiagnoseLink } from "@/components/diagnose/diagnose-link"
import { DomainLink } from "@/components/domain/domain-link"
import { SetupWizard } from "@/components/wizard/setup-wizard"
// The wizard's server actions load with its page, which next start loads when it starts, rather
// than at their first call: Next.js loads a page's actions on the first action request, and theirs
// took about 15 ms of the first test after a start (bench/results.md).
import "./actions"
import "./domain/actions"
import "./oauth-actions"

export default async function Home({ searchParams }: { searchParams: Promise<ShareParams> }) {
  // Read SMTP365_PRACTICE when the page is requested, not when it is built.
  await connection()
  const practiceEnabled = practiceModeEnabled()
  const params = await searchParams
  const shared = sharedSetup(params)
  // A link made where practice mode is on opens here with the real server instead.
  const sharedValues = shared && {
    ...shared,
    server: { ...shared.server, practice: shared.server.practice && practiceEnabled },
  }

  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-8 px-4 py-6 sm:px-6 sm:py-10">
      <header className="flex flex-col gap-1.5 border-b pb-6">
        <h1 className="flex items-center gap-2 text-2xl font-semibold tracking-tight">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-7 text-primary" fill="none">
            <rect
              x="2.5"
              y="5"
              width="19"
              height="14"
              rx="2.5"
              stroke="currentColor"
              strokeWidth="1.8"
            />
            <path
              d="m3.5 6.5 8.5 6.5 8.5-6.5"
              stroke="currentColor"
              strokeWidth="1.8"
              strokeLinejoin="round"
            />
          </svg>
          smtp365
        </h1>
        <p className="text-lg">
          Get an application, device or script sending mail through Microsoft 365 on the first try.
        </p>
        <p className="text-sm text-muted-foreground">
          Choose how to send, test against the real server, and get the exact fix when it fails.
          Your password is used for the test only: never stored, logged or shown.
        </p>
        <DiagnoseLink />
        <DomainLink />
      </header>
      <main>
        <SetupWizard
          practice={practiceEnabled ? practiceListing() : null}
          initialValues={sharedValues}
          initialStep={sharedValues ? resumedStep(params) : null}
        />
      </main>
    </div>
  )
}
