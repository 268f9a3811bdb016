import type { Metadata } from "next"
import { connection } from "next/server"

import { sharedSetup, shareQuery, type ShareParams } from "@/lib/share-link"
import { printerSheet } from "@/lib/settings-export/printer-sheet"
import { PrintButton } from "@/components/sheet/print-button"
import { SourceLink } from "@/components/ui/source-link"

export const metadata: Metadata = { title: "Printer and scanner setup sheet: smtp365" }

const linkClass =
  "rounded-sm text-primary underline underline-offset-2 outline-none hover:no-underline focus-visible:ring-2 focus-visible:ring-ring"

/** A one-page setup sheet for a printer or scanner, from the settings in the link (never a password). */
export default async function SheetPage({ searchParams }: { searchParams: Promise<ShareParams> }) {
  await connection()
  const values = sharedSetup(await searchParams)
  if (!values?.sender.fromAddress) {
    return (
      <main className="mx-auto flex max-w-2xl flex-col gap-4 px-4 py-10">
        <h1 className="text-2xl font-semibold tracking-tight">No settings in this link</h1>
        <p>
          Open the setup sheet from the Settings step of the{" "}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full page load: see components/diagnose/diagnose-link.tsx */}
          <a href="/" className={linkClass}>
            setup wizard
          </a>
          , after a successful test.
        </p>
      </main>
    )
  }
  const sheet = printerSheet(values)
  const sources = [...new Map(sheet.notes.map((note) => [note.source.url, note.source])).values()]
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-8 print:max-w-none print:gap-4 print:p-0 print:text-[11pt]">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <a href={`/?${shareQuery(values)}`} className={linkClass}>
          Back to the wizard with these settings
        </a>
        <PrintButton />
      </div>
      <header className="flex flex-col gap-1.5 border-b pb-4">
        <h1 className="text-2xl font-semibold tracking-tight">{sheet.title}</h1>
        <p>{sheet.intro}</p>
      </header>
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">Settings to enter on the device</caption>
        <tbody>
          {sheet.rows.map((row) => (
            <tr key={row.label} className="border-b align-top">
              <th scope="row" className="w-2/5 py-2 pr-4 font-semibold">
                {row.label}
                {row.alsoCalled ? (
                  <span className="block text-xs font-normal text-muted-foreground">
                    also: {row.alsoCalled}
                  </span>
                ) : null}
              </th>
              <td className="py-2 font-mono text-[0.9375rem] wrap-anywhere">{row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">Before you start</h2>
        <ul className="ml-5 list-disc space-y-1">
          {sheet.notes.map((note) => (
            <li key={note.text}>{note.text}</li>
          ))}
        </ul>
        {sources.map((source) => (
          <SourceLink key={source.url} source={source} />
        ))}
      </section>
      <p className="text-xs text-muted-foreground">
        Made with smtp365. The sheet never holds a password.
      </p>
    </main>
  )
}
