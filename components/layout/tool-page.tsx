/** The frame of a tool page beside the wizard (/diagnose, /domain): a way back, a title, an intro. */
export function ToolPage({
  title,
  lead,
  note,
  children,
}: {
  title: string
  lead: React.ReactNode
  note: React.ReactNode
  children: React.ReactNode
}) {
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
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        <p className="text-lg">{lead}</p>
        <p className="text-sm text-muted-foreground">{note}</p>
      </header>
      <main>{children}</main>
    </div>
  )
}
