import type { Metadata } from "next"
import { notFound } from "next/navigation"

import { GUIDES, type GuideId } from "@/lib/microsoft365/guides"
import { CodeBlock } from "@/components/ui/code-block"
import { SourceLink } from "@/components/ui/source-link"

const isGuideId = (id: string): id is GuideId => Object.hasOwn(GUIDES, id)

export function generateStaticParams() {
  return Object.keys(GUIDES).map((id) => ({ id }))
}

export async function generateMetadata({
  params,
}: {
  params: Promise<{ id: string }>
}): Promise<Metadata> {
  const { id } = await params
  return isGuideId(id) ? { title: `${GUIDES[id].title}: smtp365` } : {}
}

/** One of the explanations diagnoses link to, every section with its sources. */
export default async function GuidePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  if (!isGuideId(id)) notFound()
  const guide = GUIDES[id]
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-8 px-4 py-6 sm:px-6 sm:py-10">
      <header className="flex flex-col gap-1.5 border-b pb-6">
        <p className="text-sm text-muted-foreground">
          smtp365 guide ·{" "}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full page load: see components/diagnose/diagnose-link.tsx */}
          <a
            href="/"
            className="rounded-sm text-primary underline underline-offset-2 outline-none hover:no-underline focus-visible:ring-2 focus-visible:ring-ring"
          >
            Open the setup wizard
          </a>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">{guide.title}</h1>
        <p className="text-lg">{guide.summary}</p>
      </header>
      <main className="flex flex-col gap-8">
        {guide.sections.map((section) => (
          <section key={section.heading} className="flex flex-col gap-3">
            <h2 className="text-xl font-semibold tracking-tight">{section.heading}</h2>
            {section.paragraphs.map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
            {section.code ? <CodeBlock code={section.code} title="To copy" /> : null}
            <ul className="flex flex-col gap-1">
              {section.sources.map((source) => (
                <li key={source.url}>
                  <SourceLink source={source} size="sm" />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </main>
    </div>
  )
}
