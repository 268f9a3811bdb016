import type { Metadata } from "next"

import { checklistFromQuery, type ChecklistQuery } from "@/lib/entra-checklist-query"
import { entraChecklistUrl } from "@/lib/microsoft365/entra-checklist"
import { OAUTH_SIGN_IN_LABELS, type OAuthSignIn } from "@/lib/schemas/setup-fields"
import { EntraChecklist } from "@/components/oauth/entra-checklist"

export const metadata: Metadata = { title: "Microsoft Entra checklist for OAuth: smtp365" }

const linkClass =
  "rounded-sm text-primary underline underline-offset-2 outline-none hover:no-underline focus-visible:ring-2 focus-visible:ring-ring"

/**
 * The Entra and Exchange Online checklist on a page of its own, open, filled in with the IDs and
 * mailbox in the link: a diagnosis links to the step that fixes it, and the admin who does the
 * Entra side can be sent the link (it never holds a secret).
 */
export default async function EntraChecklistPage({
  searchParams,
}: {
  searchParams: Promise<ChecklistQuery>
}) {
  const input = checklistFromQuery(await searchParams)
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <header className="flex flex-col gap-1.5 border-b pb-6">
        <p className="text-sm text-muted-foreground">
          smtp365 ·{" "}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full page load: see components/diagnose/diagnose-link.tsx */}
          <a href="/" className={linkClass}>
            Open the setup wizard
          </a>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">
          OAuth for SMTP AUTH: the Microsoft Entra and Exchange Online side
        </h1>
        <nav aria-label="Sign-in flow" className="text-sm">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {(Object.keys(OAUTH_SIGN_IN_LABELS) as OAuthSignIn[]).map((flow) => (
              <li key={flow}>
                <a
                  href={entraChecklistUrl({ ...input, flow })}
                  aria-current={flow === input.flow ? "page" : undefined}
                  className={`${linkClass} aria-[current=page]:font-semibold aria-[current=page]:no-underline`}
                >
                  {OAUTH_SIGN_IN_LABELS[flow]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main className="flex flex-col gap-3">
        <h2 className="text-lg font-semibold tracking-tight">{OAUTH_SIGN_IN_LABELS[input.flow]}</h2>
        <EntraChecklist open {...input} />
      </main>
    </div>
  )
}
