import { Callout } from "@/components/ui/callout"

/** The Domain step's introduction; the check itself is a form of its own, below the wizard's. */
export function DomainStep({
  fromDomain,
  practiceServer,
}: {
  fromDomain: string
  /** Practice server is ticked: the check still asks real DNS, which the practice has none of. */
  practiceServer: boolean
}) {
  const domain = fromDomain || "the From address's domain"
  return (
    <>
      <p className="text-muted-foreground">
        Mail that is sent but lands in spam is the other half of &ldquo;it doesn&apos;t work&rdquo;.
        Check what {domain} publishes in DNS for this route (MX, SPF, DKIM and DMARC; for Azure
        Communication Services its verification record, SPF, DKIM and DMARC) and get each missing
        record ready to copy. Optional: Next skips it.
      </p>
      {practiceServer ? (
        <Callout
          title="Not part of the practice: this check asks real DNS"
          data-testid="practice-dns-note"
        >
          <p>
            The practice server has no DNS of its own, so checking {domain} shows what the
            internet&apos;s DNS holds for it today. Passed or failed, that says nothing about your
            practice test. Skip it with Next, or check your own domain to see its real records.
          </p>
        </Callout>
      ) : null}
    </>
  )
}
