import type { TlsDetails as TlsDetailsData } from "@/lib/smtp/types"

const ROWS: { key: keyof TlsDetailsData; label: string }[] = [
  { key: "protocol", label: "Protocol" },
  { key: "cipher", label: "Cipher" },
  { key: "subject", label: "Certificate for" },
  { key: "issuer", label: "Issued by" },
  { key: "validTo", label: "Valid until" },
]

export function TlsDetails({ tls }: { tls: TlsDetailsData }) {
  const rows = ROWS.filter((row) => tls[row.key])
  if (rows.length === 0) return null
  return (
    <section aria-labelledby="tls-heading" className="flex flex-col gap-2">
      <h3 id="tls-heading" className="text-base font-semibold">
        TLS
      </h3>
      <dl className="grid gap-x-6 gap-y-1.5 rounded-lg border bg-card p-3 text-sm sm:grid-cols-[9rem_1fr]">
        {rows.map((row) => (
          <div key={row.key} className="contents">
            <dt className="text-muted-foreground">{row.label}</dt>
            <dd className="mb-1 font-mono text-xs break-all sm:mb-0 sm:text-[0.8125rem]">
              {tls[row.key]}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
