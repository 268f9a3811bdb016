/** The wizard header's way to the domain check page; a full page load, as DiagnoseLink explains. */
export function DomainLink() {
  return (
    <p className="text-sm">
      Mail lands in spam?{" "}
      <a
        href="/domain"
        className="rounded-sm font-medium text-primary underline underline-offset-2 outline-none hover:no-underline focus-visible:ring-2 focus-visible:ring-ring"
      >
        Check a domain
      </a>
    </p>
  )
}
