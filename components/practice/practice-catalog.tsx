import { Button } from "@/components/ui/button"
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table"

export interface PracticeItem {
  key: string
  /** The first column: a mailbox address or an app's client ID. */
  name: React.ReactNode
  description: string
  /** Completes the Use button's accessible name ("Use sender@contoso.com"). */
  useLabel: string
  onUse: () => void
}

/**
 * A practice catalog (mailboxes, apps): what each one shows, folded away, with a Use button that
 * fills the form. On a phone the description and the button go under the name instead of their
 * own columns, so that a name that must not wrap (an app's ID) has the row's whole width.
 */
export function PracticeCatalog({
  id,
  title,
  intro,
  summary,
  nameColumn,
  items,
}: {
  id: string
  title: string
  intro: React.ReactNode
  summary: string
  nameColumn: string
  items: readonly PracticeItem[]
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-2">
      <h3 id={`${id}-heading`} className="text-base font-semibold">
        {title}
      </h3>
      <p className="text-sm text-muted-foreground">{intro}</p>
      <details className="group rounded-lg border bg-card">
        <summary className="cursor-pointer rounded-lg px-3 py-2.5 text-sm font-medium outline-none focus-visible:ring-2 focus-visible:ring-ring">
          {summary}
        </summary>
        <div className="border-t p-2">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead scope="col">{nameColumn}</TableHead>
                <TableHead scope="col" className="hidden sm:table-cell">
                  What you&apos;ll see
                </TableHead>
                <TableHead scope="col" className="hidden sm:table-cell">
                  <span className="sr-only">Action</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((item) => {
                // One of the two is shown (display: none hides the other from everyone).
                const use = (className: string) => (
                  <Button variant="outline" size="sm" onClick={item.onUse} className={className}>
                    Use<span className="sr-only"> {item.useLabel}</span>
                  </Button>
                )
                return (
                  <TableRow key={item.key}>
                    <TableCell>
                      {item.name}
                      <span className="mt-0.5 block text-muted-foreground sm:hidden">
                        {item.description}
                      </span>
                      {use("mt-2 sm:hidden")}
                    </TableCell>
                    <TableCell className="hidden text-muted-foreground sm:table-cell">
                      {item.description}
                    </TableCell>
                    <TableCell padding="button" className="hidden text-right sm:table-cell">
                      {use("")}
                    </TableCell>
                  </TableRow>
                )
              })}
            </TableBody>
          </Table>
        </div>
      </details>
    </section>
  )
}
