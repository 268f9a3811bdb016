/**
 * The wizard header's way to the diagnose page. A plain link, not next/link: a full page load lets
 * screen readers announce the new page, and globals.css hides Next's route announcer.
 */
export function DiagnoseLink() {
  return (
    <p className="text-sm">
      Already have an error message or a bounce?{" "}
      <a
        href="/diagnose"
        className="rounded-sm font-medium text-primary underline underline-offset-2 outline-none hover:no-underline focus-visible:ring-2 focus-visible:ring-ring"
      >
        Diagnose a pasted error
      </a>
    </p>
  )
}
