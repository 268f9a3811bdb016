/** The Domain step's introduction; the check itself is a form of its own, below the wizard's. */
export function DomainStep({ fromDomain }: { fromDomain: string }) {
  return (
    <p className="text-muted-foreground">
      Mail that is sent but lands in spam is the other half of &ldquo;it doesn&apos;t work&rdquo;.
      Check what {fromDomain || "the From address's domain"} publishes in DNS for this route (MX,
      SPF, DKIM and DMARC; for Azure Communication Services its verification record, SPF, DKIM and
      DMARC) and get each missing record ready to copy. Optional: Next skips it.
    </p>
  )
}
