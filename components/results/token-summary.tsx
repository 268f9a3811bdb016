import type { TokenSummary as TokenSummaryData, TokenWarningId } from "@/lib/oauth/claims"
import * as SOURCES from "@/lib/microsoft365/sources"
import { Callout } from "@/components/ui/callout"
import { SourceLink } from "@/components/ui/source-link"

const WARNING_SOURCES: Record<TokenWarningId, { title: string; url: string }> = {
  "graph-audience": SOURCES.graphTokenForSmtp,
  "missing-send-as-app-role": SOURCES.smtpAppRbac,
  "other-user": SOURCES.oauth,
}

/**
 * What the OAuth token said that matters for SMTP: read from its claims on the server. The token
 * itself never reaches the browser. The classic mistakes show as warnings; the test ran anyway.
 */
export function TokenSummary({ token }: { token: TokenSummaryData }) {
  const rows: [string, string][] = [
    ["Kind", token.kind === "app" ? "App-only (client credentials)" : "Delegated (a user's token)"],
    ["Audience", token.audience ?? "none"],
    token.kind === "app"
      ? ["Roles", token.roles.join(", ") || "none"]
      : ["Scopes", token.scopes.join(" ") || "none"],
    ["Expires", token.expiresAt ? formatDate(token.expiresAt) : "not stated"],
    ["Tenant", token.tenantId ?? "not stated"],
    ["App", token.appId ?? "not stated"],
  ]
  if (token.kind === "delegated") rows.push(["User", token.user ?? "not stated"])

  return (
    <section
      aria-labelledby="token-summary-heading"
      data-testid="token-summary"
      className="flex flex-col gap-3"
    >
      <h3 id="token-summary-heading" className="text-base font-semibold">
        Token
      </h3>
      <p className="text-sm text-muted-foreground">
        What the token from the Microsoft identity platform says (the token itself is never shown).
      </p>
      <dl className="grid gap-x-6 gap-y-2 rounded-lg border bg-card p-4 text-sm sm:grid-cols-[9rem_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="font-mono text-[0.8125rem] break-all">{value}</dd>
          </div>
        ))}
      </dl>
      {token.warnings.map((warning) => (
        <Callout key={warning.id} tone="warning" data-warning={warning.id}>
          <p>{warning.text}</p>
          <SourceLink source={WARNING_SOURCES[warning.id]} />
        </Callout>
      ))}
    </section>
  )
}

function formatDate(iso: string) {
  const date = new Date(iso)
  return `${date.toLocaleString([], { dateStyle: "medium", timeStyle: "short" })} (${iso})`
}
