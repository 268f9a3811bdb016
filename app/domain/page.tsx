import type { Metadata } from "next"

import { ToolPage } from "@/components/layout/tool-page"
import { DomainCheck } from "@/components/domain/domain-check"

export const metadata: Metadata = {
  title: "Check a domain: smtp365",
  description:
    "Check a sender domain's MX, SPF, DKIM and DMARC records for Microsoft 365 or Azure Communication Services, with the records to publish.",
}

export default function DomainPage() {
  return (
    <ToolPage
      title="Check a domain"
      lead={
        <>See whether a sender domain&apos;s DNS lets its Microsoft 365 mail reach the inbox.</>
      }
      note={
        <>
          smtp365 reads the domain&apos;s public MX, SPF, DKIM and DMARC records (for Azure
          Communication Services, its verification record too) and shows the record to publish for
          each problem. It sends no mail.
        </>
      }
    >
      <DomainCheck />
    </ToolPage>
  )
}
