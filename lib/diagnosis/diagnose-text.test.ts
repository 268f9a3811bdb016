import { describe, expect, test } from "vitest"

import { PASTE_CORPUS } from "@/test-support/paste-corpus"
import { parameterValues, readPowerShell } from "@/test-support/powershell-reader"
import { CATALOG } from "./catalog"
import {
  CONNECTION_ERROR_HINT,
  NO_REPLY_HINTS,
  PLACEHOLDER_MAILBOX,
  PLACEHOLDER_SIGNED_IN_MAILBOX,
  diagnoseText,
  pasteContext,
  type TextDiagnosis,
} from "./diagnose-text"

// Reply texts are Microsoft 365's, verbatim (shared/reference/microsoft-365-smtp.md §4). The ids
// asserted here are catalog entries that exist today; the catalog is growing, so other replies
// may gain their own entries later.

function diagnosed(text: string) {
  const result = diagnoseText(text)
  if (result.outcome !== "errors") throw new Error(`expected errors, got ${result.outcome}`)
  return result
}

/** A real pasted text from the corpus, which names its thread. */
function corpusText(id: string) {
  const text = PASTE_CORPUS.find((entry) => entry.id === id)?.text
  if (text === undefined) throw new Error(`no text ${id} in the corpus`)
  return text
}

function ids(result: TextDiagnosis) {
  return result.outcome === "errors" ? result.replies.map((entry) => entry.diagnosis.id) : []
}

const NODEMAILER = `Sending the alert with { host: 'smtp.office365.com', port: 587, secure: false, auth: { user: 'notifications@contoso.com' }, from: '"Alerts" <alerts@contoso.com>' }
Error: Invalid login: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [PH8PR07CA0012.namprd07.prod.outlook.com 2025-03-14T09:21:44.512Z 08DD61A2B7C3E4F5]
  code: 'EAUTH',
  responseCode: 535,
  command: 'AUTH LOGIN'`

const POSTFIX = `Mar 14 09:21:43 app01 postfix/qmgr[1190]: 5A1B2C3D4E: from=<alerts@contoso.com>, size=1043, nrcpt=1 (queue active)
Mar 14 09:21:44 app01 postfix/smtp[1215]: 5A1B2C3D4E: to=<partner@fabrikam.com>, relay=contoso-com.mail.protection.outlook.com[52.101.68.12]:25, delay=1.2, dsn=5.7.54, status=bounced (host contoso-com.mail.protection.outlook.com[52.101.68.12] said: 550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain (in reply to RCPT TO command))`

const NDR = `Delivery has failed to these recipients or groups:

partner@fabrikam.com

Diagnostic information for administrators:

Generating server: EXCH01.contoso.local

partner@fabrikam.com
Remote Server returned '550 5.7.64 TenantAttribution; Relay Access Denied [DB5EUR03FT012.eop-EUR03.prod.protection.outlook.com]'

Original message headers:

From: Scanner <scanner@contoso.com>
To: <partner@fabrikam.com>
Message-ID: <a1b2c3d4e5f6@EXCH01.contoso.local>`

describe("diagnoseText", () => {
  test("explains a nodemailer 535 5.7.139 with the fix for the mailbox that signs in", () => {
    const result = diagnosed(NODEMAILER)
    expect(ids(result)).toEqual(["smtp-auth-disabled-tenant"])
    expect(result.context).toEqual({
      mailbox: "notifications@contoso.com",
      from: "alerts@contoso.com",
      mailboxFound: true,
      program: "nodemailer",
    })
    expect(result.replies[0]?.reply.command).toBe("AUTH")
    expect(result.replies[0]?.diagnosis.headline).toBe(
      "SMTP AUTH is turned off for your whole tenant"
    )
    expect(result.replies[0]?.diagnosis.commands).toContain(
      "Set-CASMailbox -Identity 'notifications@contoso.com' -SmtpClientAuthenticationDisabled $false"
    )
  })

  test("quotes an address with a quote in the commands, as PowerShell reads it", () => {
    // Node prints a string holding ' in double quotes.
    const result = diagnosed(
      NODEMAILER.replace("'notifications@contoso.com'", `"o'brien@contoso.com"`)
    )
    expect(result.context.mailbox).toBe("o'brien@contoso.com")
    const commands = result.replies[0]?.diagnosis.commands ?? []
    expect(commands).toContain(
      "Set-CASMailbox -Identity 'o''brien@contoso.com' -SmtpClientAuthenticationDisabled $false"
    )
    for (const command of commands) expect(() => readPowerShell(command)).not.toThrow()
    expect(parameterValues(commands.join("\n"), "-Identity")).toEqual([
      { kind: "single-quoted", value: "o'brien@contoso.com" },
    ])

    const sendAs = diagnosed(
      "554 5.2.252 SendAsDenied; o'brien@contoso.com not allowed to send as ceo@contoso.com; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message Cannot submit message."
    )
    expect(sendAs.replies[0]?.diagnosis.commands).toContain(
      "Add-RecipientPermission -Identity 'ceo@contoso.com' -Trustee 'o''brien@contoso.com' -AccessRights SendAs"
    )
  })

  test("explains the error messages PHPMailer (and so WordPress) shows", () => {
    const failed = (command: string, detail: string) =>
      `SMTP Error: Could not authenticate. SMTP server error: ${command} command failed Detail: ${detail}`
    expect(
      ids(
        diagnoseText(
          failed(
            "Password",
            "5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [SN4PR0201CA0012.namprd02.prod.outlook.com] SMTP code: 535"
          )
        )
      )
    ).toEqual(["smtp-auth-disabled-tenant"])
    expect(
      ids(
        diagnoseText(
          failed(
            "DATA END",
            "SMTP; Client does not have permissions to send as this sender [AM0PR02MB1234.eurprd02.prod.outlook.com] SMTP code: 550 Additional SMTP info: 5.7.60"
          )
        )
      )
    ).toEqual(["send-as-denied"])
  })

  test("gives a 5.7.139 with an unknown reason, or none, the layered sign-in checks", () => {
    for (const reply of [
      "535 5.7.139 Authentication unsuccessful [SN4PR0201CA0012.namprd02.prod.outlook.com]",
      "535 5.7.139 Authentication unsuccessful, account locked.",
    ]) {
      expect(ids(diagnoseText(reply))).toEqual(["auth-unsuccessful"])
    }
    // The known reasons keep their own entries.
    expect(
      ids(
        diagnoseText("535 5.7.139 Authentication unsuccessful, basic authentication is disabled.")
      )
    ).toEqual(["basic-auth-disabled"])
  })

  test("explains Postfix's 5.7.54 as relay denied", () => {
    expect(ids(diagnoseText(POSTFIX))).toEqual(["relay-denied"])
  })

  test("explains the NDR's 5.7.64 as tenant attribution, for the message's sender", () => {
    const result = diagnosed(NDR)
    expect(ids(result)).toEqual(["tenant-attribution"])
    expect(result.context.mailbox).toBe("scanner@contoso.com")
  })

  test("explains .NET's 5.7.60 without a basic code as Send As denied", () => {
    expect(
      ids(
        diagnoseText(
          "System.Net.Mail.SmtpException: Mailbox unavailable. The server response was: 5.7.60 SMTP; Client does not have permissions to send as this sender [SN6PR04MB4589.namprd04.prod.outlook.com]"
        )
      )
    ).toEqual(["send-as-denied"])
  })

  test("fills Send As commands with the two addresses a SendAsDenied reply names", () => {
    const result = diagnosed(
      "554 5.2.252 SendAsDenied; notifications@contoso.com not allowed to send as ceo@contoso.com; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message Cannot submit message."
    )
    expect(ids(result)).toEqual(["send-as-denied"])
    expect(result.replies[0]?.diagnosis.commands).toContain(
      "Add-RecipientPermission -Identity 'ceo@contoso.com' -Trustee 'notifications@contoso.com' -AccessRights SendAs"
    )
  })

  test.each([
    [
      "an RFC 3464 delivery status with 5.1.10",
      "Final-Recipient: rfc822;nobody@contoso.com\nAction: failed\nStatus: 5.1.10\nDiagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
    ],
    [
      "an NDR with 5.4.1",
      "Remote Server returned '550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [DB5EUR03FT012.eop-EUR03.prod.protection.outlook.com]'",
    ],
  ])("explains %s as a recipient problem, for that recipient", (_, text) => {
    const result = diagnosed(text)
    // 5.1.10 is getting an entry of its own in the catalog ("recipient-not-found").
    expect(ids(result)[0]).toMatch(/^recipient-(rejected|not-found)$/)
    expect(result.replies[0]?.reply.enhanced).toMatch(/^5\.(1\.10|4\.1)$/)
  })

  test("explains an NDR's 5.4.1 as recipient-rejected", () => {
    expect(
      ids(
        diagnoseText(
          "Remote Server returned '550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [DB5EUR03FT012.eop-EUR03.prod.protection.outlook.com]'"
        )
      )
    ).toEqual(["recipient-rejected"])
  })

  test("matches a reply pasted without its basic code", () => {
    const text =
      "The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.57 Client not authenticated to send mail. [BN9PR03CA0123.namprd03.prod.outlook.com]"
    const result = diagnosed(text)
    expect(ids(result)).toEqual(["not-authenticated"])
    // What the user pasted stays as it was: no basic code is made up for display.
    expect(result.replies[0]?.reply.code).toBeUndefined()
  })

  test("diagnoses each error reply, in order", () => {
    expect(ids(diagnoseText(`${POSTFIX}\n${NODEMAILER}`))).toEqual([
      "relay-denied",
      "smtp-auth-disabled-tenant",
    ])
  })

  test("a Send As refusal that names only the From address leaves the mailbox to fill in", () => {
    const result = diagnosed(
      "MAIL FROM:<noreply@contoso.com>\n550 5.7.60 SMTP; Client does not have permissions to send as this sender"
    )
    expect(ids(result)).toEqual(["send-as-denied"])
    expect(result.replies[0]?.diagnosis.commands).toContain(
      `Add-RecipientPermission -Identity 'noreply@contoso.com' -Trustee '${PLACEHOLDER_SIGNED_IN_MAILBOX}' -AccessRights SendAs`
    )
  })

  test("uses a placeholder mailbox when the text names none", () => {
    const result = diagnosed(
      "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox."
    )
    expect(ids(result)).toEqual(["smtp-auth-disabled-mailbox"])
    expect(result.context).toEqual({
      mailbox: PLACEHOLDER_MAILBOX,
      from: PLACEHOLDER_MAILBOX,
      mailboxFound: false,
    })
    expect(result.replies[0]?.diagnosis.commands?.join("\n")).toContain(
      `Set-CASMailbox -Identity '${PLACEHOLDER_MAILBOX}'`
    )
  })

  test("says a reply it does not know is unknown, and temporary when it is a 4xx", () => {
    const result = diagnosed(
      "S: 452 Made-up temporary reply for this test\nS: 554 Made-up permanent reply for this test"
    )
    expect(result.replies.map(({ diagnosis }) => [diagnosis.id, diagnosis.retry])).toEqual([
      ["unrecognised", true],
      ["unrecognised", false],
    ])
    for (const { diagnosis } of result.replies) {
      // The catalog's fallback speaks of "the test"; nothing was tested here.
      expect(diagnosis.headline).toMatch(/^smtp365 has no diagnosis for this reply yet/)
    }
  })

  test("says when there is no SMTP reply, with hints on what to paste", () => {
    expect(diagnoseText("The scanner stopped sending mail on Monday.")).toEqual({
      outcome: "no-replies",
      hints: [...NO_REPLY_HINTS],
    })
    expect(diagnoseText("")).toMatchObject({ outcome: "no-replies" })
  })

  test("explains a connection error as the wizard's test does, for the port the text names", () => {
    const result = diagnosed("Error: connect ECONNREFUSED 52.98.151.66:587\n    at TCPConnectWrap")
    expect(ids(result)).toEqual(["connection-refused"])
    expect(result.replies[0]?.reply).toEqual({
      text: "Error: connect ECONNREFUSED 52.98.151.66:587",
      line: 1,
      origin: "client",
    })
    expect(result.replies[0]?.diagnosis.headline).toBe("Connection refused on port 587")
    expect(
      diagnosed("Error: connect ECONNREFUSED 10.0.0.5:25").replies[0]?.diagnosis.headline
    ).toBe("Connection refused on port 25")
  })

  test("points a connection error it cannot place to the wizard's test", () => {
    const result = diagnoseText("Unable to connect to the remote server")
    expect(result).toMatchObject({ outcome: "no-replies" })
    expect(result.outcome === "no-replies" && result.hints[0]).toBe(CONNECTION_ERROR_HINT)
  })

  test("starts the fix with the settings of the program the text names", () => {
    const withProgram = diagnosed(corpusText("504-nodemailer-error-object"))
    expect(withProgram.context.program).toBe("nodemailer")
    const fix = withProgram.replies[0]?.diagnosis.fix ?? []
    expect(fix.slice(0, 2)).toEqual([
      expect.stringMatching(/^nodemailer: in createTransport set port: 587, secure: false/),
      expect.stringMatching(/^nodemailer: add authMethod: 'LOGIN'/),
    ])
    // The program's documentation is among the sources.
    expect(withProgram.replies[0]?.diagnosis.sources.map((source) => source.url)).toContain(
      "https://nodemailer.com/smtp/"
    )

    // A text that names no program gets the settings in general terms.
    const alone = diagnosed(corpusText("504-zoraxy"))
    expect(ids(alone)).toEqual(["auth-mechanism-unsupported"])
    expect(alone.context.program).toBeUndefined()
    expect(alone.replies[0]?.diagnosis.fix[0]).toMatch(/^Set security to STARTTLS on port 587/)
  })

  test("reads another provider's reply as its own, with no Microsoft 365 fix", () => {
    const result = diagnosed(corpusText("other-gmail-smtplib"))
    expect(ids(result)).toEqual(["unrecognised"])
    const diagnosis = result.replies[0]?.diagnosis
    expect(diagnosis?.headline).toBe("A reply from Gmail (Google), not from Microsoft 365")
    expect(diagnosis?.commands ?? []).toEqual([])
    expect(JSON.stringify(diagnosis?.fix)).not.toMatch(/Exchange|Entra|Microsoft 365 admin|Set-/)
    for (const source of diagnosis?.sources ?? []) expect(source.url).toMatch(/rfc-editor\.org/)

    // A connection error to another provider's host gets no Microsoft 365 fix either.
    const connection = diagnosed(corpusText("other-gmail-self-signed"))
    expect(ids(connection)).toEqual(["other-provider"])
  })

  test("gives a 5.7.139 in a language it has no entry for the layered sign-in checks", () => {
    // Not a real reply: the code and Microsoft's host in brackets are what tell.
    const untranslated =
      "535 5.7.139 [a text in a language smtp365 has no entry for] [SN4PR0201CA0012.namprd02.prod.outlook.com]"
    expect(ids(diagnoseText(untranslated))).toEqual(["auth-unsuccessful"])
  })

  test("explains a token error pasted from a log as the OAuth test does", () => {
    const result = diagnosed(corpusText("token-guzzle-invalid-secret"))
    expect(ids(result)).toEqual(["aadsts-invalid-client-secret"])
    expect(result.replies[0]?.reply).toMatchObject({ line: 2, origin: "token" })
  })

  test("stays fast on huge and hostile input", () => {
    for (const input of [
      "AADSTS7000215: x ".repeat(5_000),
      "response: 'Mailbox cannot be accessed', responseCode: 550,\n".repeat(1_500),
      "Mailbox cannot be accessed\n".repeat(3_500),
      "504 5.7.4 Unrecognized authentication type smtp.gmail.com gsmtp\n".repeat(1_500),
      "Connection refused ETIMEDOUT certificate ".repeat(2_000),
      "x said: 550 5.7.1\n    y\n".repeat(5_000),
    ]) {
      const started = performance.now()
      diagnoseText(input)
      expect(performance.now() - started).toBeLessThan(1_000)
    }
  })

  test("reports successful replies without diagnosing them", () => {
    const result = diagnoseText(
      "S: 250 2.6.0 <a1b2@contoso.com> [InternalId=123456789, Hostname=PH8PR07MB1234.namprd07.prod.outlook.com] Queued mail for delivery"
    )
    expect(result).toMatchObject({ outcome: "no-errors", replies: [{ code: 250 }] })
  })
})

describe("pasteContext", () => {
  test("prefers the sign-in address, then the From address, and skips recipients", () => {
    expect(pasteContext(NODEMAILER)).toMatchObject({
      mailbox: "notifications@contoso.com",
      from: "alerts@contoso.com",
    })
    expect(pasteContext(POSTFIX)).toEqual({
      mailbox: "alerts@contoso.com",
      from: "alerts@contoso.com",
      to: "partner@fabrikam.com",
      mailboxFound: true,
      host: "contoso-com.mail.protection.outlook.com",
      port: 25,
    })
  })

  test("takes an address after 'mail to' or Exim's ** and == for a recipient, not the mailbox", () => {
    expect(
      pasteContext(
        "Failed to send mail to alerts@contoso.com: 535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully."
      )
    ).toMatchObject({ to: "alerts@contoso.com", mailboxFound: false })
    expect(
      pasteContext(
        "2025-03-14 09:21:44 1tL4aB-000123-4C ** bob@fabrikam.com R=smarthost T=remote_smtp: SMTP error from remote mail server after RCPT TO:<bob@fabrikam.com>: 550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain"
      )
    ).toMatchObject({ to: "bob@fabrikam.com", mailboxFound: false })
    expect(
      pasteContext("2025-03-14 09:21:44 1tL4aB-000123-4C == bob@fabrikam.com R=smarthost defer")
    ).toMatchObject({ to: "bob@fabrikam.com", mailboxFound: false })
  })

  test("names the recipient of a bounce", () => {
    expect(pasteContext(NDR)).toMatchObject({
      mailbox: "scanner@contoso.com",
      to: "partner@fabrikam.com",
    })
    expect(
      pasteContext("Final-Recipient: rfc822;sales@contoso.com\nStatus: 5.7.193")
    ).toMatchObject({ to: "sales@contoso.com", mailboxFound: false })
  })

  test("ignores recipients, message IDs and the bounce's own sender", () => {
    const text = [
      "From: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso.onmicrosoft.com>",
      "To: <scanner@contoso.com>",
      "Your message to partner@fabrikam.com couldn't be delivered.",
      "Message-ID: <a1b2c3d4e5f6@EXCH01.contoso.local>",
      "smtplib.SMTPRecipientsRefused: {'nobody@contoso.com': (550, b'5.1.10 RESOLVER.ADR.RecipientNotFound')}",
    ].join("\n")
    expect(pasteContext(text)).toMatchObject({
      mailbox: PLACEHOLDER_MAILBOX,
      to: "scanner@contoso.com",
      mailboxFound: false,
      host: "smtp.office365.com",
      port: 587,
    })
  })

  test("reads an address with a quote in its local part whole, and a quoted address without its quotes", () => {
    expect(pasteContext("Username = o'brien@contoso.com")).toMatchObject({
      mailbox: "o'brien@contoso.com",
    })
    expect(pasteContext("auth: { user: 'o'brien@contoso.com' }")).toMatchObject({
      mailbox: "o'brien@contoso.com",
    })
    expect(pasteContext("RCPT TO:<d'arcy@fabrikam.com>")).toMatchObject({
      to: "d'arcy@fabrikam.com",
    })
    expect(pasteContext("auth: { user: 'notifications@contoso.com' }")).toMatchObject({
      mailbox: "notifications@contoso.com",
    })
  })

  test("stays fast on a huge paste of addresses", () => {
    const started = performance.now()
    pasteContext("To: a@contoso.com ".repeat(6_000))
    pasteContext("o'b".repeat(100_000))
    pasteContext(`${"a'".repeat(100_000)}@contoso.com`)
    expect(performance.now() - started).toBeLessThan(500)
  })
})

describe("codes that only appear in bounces, through the paste page's reading", () => {
  // Each reply quoted in an Exchange NDR's "Diagnostic information for administrators" section.
  const BOUNCES: Array<[string, string]> = [
    [
      "recipient-not-found",
      "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
    ],
    [
      "group-rejects-outsiders",
      "550 5.7.193 UnifiedGroupAgent; Delivery failed because the sender isn't a group member or external senders aren't permitted to send to this group.",
    ],
    [
      "dmarc-failed",
      "550 5.7.509 Access denied, sending domain [contoso.com] does not pass DMARC verification",
    ],
    [
      "spf-failed",
      "550 5.7.23 The message was rejected because of Sender Policy Framework violation",
    ],
    [
      "authentication-level-required",
      "550 5.7.515 Access denied, sending domain contoso.com doesn't meet the required authentication level.",
    ],
  ]

  test("covers every bounce-only entry of the catalog", () => {
    const bounceOnly = CATALOG.filter((entry) => entry.bounceOnly).map((entry) => entry.id)
    expect(BOUNCES.map(([id]) => id).sort()).toEqual(bounceOnly.sort())
  })

  test.each(BOUNCES)("diagnoses %s from an NDR body", (id, reply) => {
    const ndr = `Your message to sales@fabrikam.com couldn't be delivered.\n\nDiagnostic information for administrators:\n\nGenerating server: DB5EUR03FT012.eop-EUR03.prod.protection.outlook.com\n\nsales@fabrikam.com\nRemote Server returned '${reply}'\n`
    const result = diagnosed(ndr)
    expect(ids(result)).toEqual([id])
    expect(result.replies[0]?.diagnosis.bounceOnly).toBe(true)
  })
})
