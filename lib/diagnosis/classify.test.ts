import { describe, expect, test } from "vitest"

import { parameterValues, readPowerShell } from "@/test-support/powershell-reader"
import { psQuote } from "@/lib/powershell"
import type { FailureFacts } from "@/lib/smtp/types"
import { CATALOG, FALLBACK_ENTRY } from "./catalog"
import { classify, fillCommand, type DiagnosisContext } from "./classify"

// o'brien@contoso.com is a valid address (RFC 5321's atext includes "'") that the wizard accepts.
const MAILBOX = "o'brien@contoso.com"
const CONTEXT: DiagnosisContext = {
  mailbox: MAILBOX,
  from: "d'arcy@contoso.com",
  to: "l'equipe@contoso.com",
  host: "smtp.office365.com",
  port: 587,
  tenant: "contoso.com",
  clientId: "3f2b8c41-0a6e-4d6b-9c1e-000000000001",
}
const VALUES: Record<string, string> = {
  mailbox: CONTEXT.mailbox,
  from: CONTEXT.from,
  to: CONTEXT.to ?? "",
  host: CONTEXT.host,
  port: String(CONTEXT.port),
  tenant: CONTEXT.tenant ?? "",
  clientId: CONTEXT.clientId ?? "",
  domain: "contoso.com",
  admin: "admin@contoso.com",
}

const authReply = (reason: string): FailureFacts => ({
  stage: "auth",
  code: "EAUTH",
  reply: `535 5.7.139 Authentication unsuccessful, ${reason}`,
  responseCode: 535,
  message: "Invalid login",
})

const ENTRIES = [...CATALOG, FALLBACK_ENTRY]
const commandTemplates = ENTRIES.flatMap((entry) =>
  [...(entry.commands ?? []), ...(entry.checks ?? []).flatMap((check) => check.command ?? [])].map(
    (template) => [entry.id, template] as const
  )
)
const proseTemplates = ENTRIES.flatMap((entry) =>
  [
    entry.headline,
    entry.meaning,
    ...entry.causes,
    ...entry.fix,
    entry.betterMethod ?? "",
    ...(entry.checks ?? []).flatMap((check) => [check.layer, check.place ?? "", check.reading]),
  ].map((text) => [entry.id, text] as const)
)

describe("commands take every value as a PowerShell literal", () => {
  test("a mailbox with a quote goes into the commands doubled, and into the prose as typed", () => {
    const diagnosis = classify(
      authReply("SmtpClientAuthentication is disabled for the Mailbox."),
      CONTEXT
    )
    expect(diagnosis.id).toBe("smtp-auth-disabled-mailbox")
    expect(diagnosis.commands).toEqual([
      "Connect-ExchangeOnline -UserPrincipalName 'admin@contoso.com'",
      "Set-CASMailbox -Identity 'o''brien@contoso.com' -SmtpClientAuthenticationDisabled $false",
    ])
    expect(diagnosis.checks?.[0]?.command).toBe(
      "Get-CASMailbox -Identity 'o''brien@contoso.com' | Format-List SmtpClientAuthenticationDisabled"
    )
    for (const command of [...(diagnosis.commands ?? []), diagnosis.checks?.[0]?.command ?? ""]) {
      for (const value of parameterValues(command, "-Identity")) {
        expect(value).toEqual({ kind: "single-quoted", value: MAILBOX })
      }
    }
    expect(diagnosis.fix[0]).toContain(`Active users → ${MAILBOX} → Mail`)
  })

  test("Connect-ExchangeOnline names an admin in the tenant's domain, as far as it is known", () => {
    const connect = (context: Partial<DiagnosisContext>) =>
      classify(authReply("SmtpClientAuthentication is disabled for the Mailbox."), {
        ...CONTEXT,
        ...context,
      }).commands?.[0]
    expect(connect({ mailbox: "scanner@fabrikam.com" })).toBe(
      "Connect-ExchangeOnline -UserPrincipalName 'admin@fabrikam.com'"
    )
    // An Azure Communication Services username names no domain: the From address's is used.
    expect(connect({ mailbox: "contoso-acs|app|tenant", from: "noreply@contoso.net" })).toBe(
      "Connect-ExchangeOnline -UserPrincipalName 'admin@contoso.net'"
    )
    expect(connect({ mailbox: "scanner", from: "" })).toBe(
      "Connect-ExchangeOnline -UserPrincipalName 'admin@yourdomain.com'"
    )
  })

  test("a command written inside a fix step quotes its value too", () => {
    const diagnosis = classify(authReply("account locked."), CONTEXT)
    expect(diagnosis.id).toBe("auth-unsuccessful")
    const step = diagnosis.fix.find((text) => text.startsWith("SMTP AUTH off:")) ?? ""
    expect(step).toContain(
      "Set-CASMailbox -Identity 'o''brien@contoso.com' -SmtpClientAuthenticationDisabled $false."
    )
  })

  test.each(commandTemplates)("%s: %s reads back the values it is filled with", (_, template) => {
    const filled = fillCommand(template, CONTEXT)
    const literals = readPowerShell(filled)
      .filter((token) => token.kind === "single-quoted")
      .map((token) => token.value)
    for (const [name, value] of Object.entries(VALUES)) {
      if (template.includes(`{${name}}`)) {
        expect(literals).toContain(value)
        expect(filled).toContain(psQuote(value))
      }
    }
  })

  test.each(commandTemplates)(
    "%s: %s quotes the placeholders that stand in for unknown values",
    (_, template) => {
      // A pasted reply: no tenant, app or recipient. readPowerShell refuses a bare <...>.
      const { tenant: _tenant, clientId: _clientId, to: _to, ...pasted } = CONTEXT
      expect(() => readPowerShell(fillCommand(template, pasted))).not.toThrow()
    }
  )

  test("no template quotes a placeholder itself, and prose writes a command's value quoted", () => {
    // psQuote adds the quotes; double quotes around it would expand $ in a value.
    expect(commandTemplates.filter(([, template]) => /["'‘’‚‛“”„]\{\w+\}/.test(template))).toEqual(
      []
    )
    // "-Identity {mailbox}" in a sentence is a command: its value is written '{mailbox}'.
    expect(proseTemplates.filter(([, text]) => /\s-[A-Za-z]+\s+\{\w+\}/.test(text))).toEqual([])
  })

  test("a value holding a placeholder's name is not filled in again", () => {
    const diagnosis = classify(authReply("SmtpClientAuthentication is disabled for the Mailbox."), {
      ...CONTEXT,
      mailbox: "a{from}b@contoso.com",
    })
    expect(diagnosis.commands?.[1]).toBe(
      "Set-CASMailbox -Identity 'a{from}b@contoso.com' -SmtpClientAuthenticationDisabled $false"
    )
  })
})
