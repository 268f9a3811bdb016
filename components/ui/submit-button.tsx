import { Button } from "./button"
import { SpinnerIcon } from "./icons"

/**
 * A form's one submit button, with its busy state. aria-disabled, not disabled, while busy: a
 * disabled button drops keyboard focus to the page. The form must ignore submits while busy.
 */
export function SubmitButton({
  pending,
  children,
  pendingLabel,
}: {
  pending: boolean
  children: React.ReactNode
  pendingLabel: string
}) {
  return (
    <Button type="submit" size="lg" aria-disabled={pending || undefined}>
      {pending ? <SpinnerIcon /> : null}
      {pending ? pendingLabel : children}
    </Button>
  )
}
