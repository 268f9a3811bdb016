import { expect, test } from "./fixtures"
import { SERVER_UNREACHABLE_MESSAGE } from "../lib/action-result"
import { PASTE_CORPUS } from "../test-support/paste-corpus"
import { refuseServerActions } from "./support/server-actions"

const TENANT_DISABLED =
  "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [PH8PR07CA0012.namprd07.prod.outlook.com 2025-03-14T09:21:44.512Z 08DD61A2B7C3E4F5]"

/** nodemailer's logger and error, as an app's console shows them. */
const NODEMAILER_LOG = `[2025-03-14 09:21:43] DEBUG [xYz12AbC] S: 220 PH8PR07CA0012.outlook.office365.com Microsoft ESMTP MAIL Service ready at Fri, 14 Mar 2025 09:21:43 +0000
[2025-03-14 09:21:43] DEBUG [xYz12AbC] C: EHLO app01
[2025-03-14 09:21:43] DEBUG [xYz12AbC] S: 250-PH8PR07CA0012.outlook.office365.com Hello [203.0.113.10]
[2025-03-14 09:21:43] DEBUG [xYz12AbC] S: 250-SIZE 157286400
[2025-03-14 09:21:43] DEBUG [xYz12AbC] S: 250-AUTH LOGIN XOAUTH2
[2025-03-14 09:21:43] DEBUG [xYz12AbC] S: 250 SMTPUTF8
[2025-03-14 09:21:44] DEBUG [xYz12AbC] C: AUTH LOGIN
[2025-03-14 09:21:44] DEBUG [xYz12AbC] S: 334 VXNlcm5hbWU6
[2025-03-14 09:21:44] DEBUG [xYz12AbC] C: bm90aWZpY2F0aW9uc0Bjb250b3NvLmNvbQ==
[2025-03-14 09:21:44] DEBUG [xYz12AbC] S: 334 UGFzc3dvcmQ6
[2025-03-14 09:21:44] DEBUG [xYz12AbC] C: /* secret */
[2025-03-14 09:21:44] DEBUG [xYz12AbC] S: ${TENANT_DISABLED}
[2025-03-14 09:21:44] INFO  [xYz12AbC] User "notifications@contoso.com" failed to authenticate
Error: Invalid login: ${TENANT_DISABLED}
    at SMTPConnection._formatError (/srv/app/node_modules/nodemailer/lib/smtp-connection/index.js:809:19) {
  code: 'EAUTH',
  responseCode: 535,
  command: 'AUTH LOGIN'
}`

/** The diagnostic part of a bounce for a recipient Directory-Based Edge Blocking refused. */
const RECIPIENT_NDR = `Your message to nobody@contoso.com couldn't be delivered.

Diagnostic information for administrators:

Generating server: AM6PR02MB4567.eurprd02.prod.outlook.com

nobody@contoso.com
Remote Server returned '550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [DB5EUR03FT012.eop-EUR03.prod.protection.outlook.com]'`

test.describe("Diagnose a pasted error", () => {
  test("explains a pasted nodemailer log with 535 5.7.139 and the fix for its mailbox", async ({
    diagnose,
    page,
  }) => {
    await diagnose.goto()
    await expect(page).toHaveTitle(/Diagnose an error/)
    await diagnose.paste(NODEMAILER_LOG)
    await diagnose.diagnose()

    await expect(diagnose.summary).toHaveText(
      "Found 1 error reply: SMTP AUTH is turned off for your whole tenant."
    )
    const diagnosis = diagnose.diagnosis("SMTP AUTH is turned off for your whole tenant")
    await expect(diagnosis).toContainText("Line 12, the reply to AUTH:")
    await expect(diagnosis.locator("pre").first()).toHaveText(TENANT_DISABLED)
    await expect(
      diagnosis.getByText(
        "Set-CASMailbox -Identity 'notifications@contoso.com' -SmtpClientAuthenticationDisabled $false"
      )
    ).toBeVisible()
    // role="alert" is kept for failed tests: a diagnosis is announced as a status.
    await expect(page.getByRole("alert")).toHaveCount(0)
  })

  test("reads WordPress's PHPMailer error, and leaves the Send As mailbox to fill in", async ({
    diagnose,
  }) => {
    await diagnose.goto()
    await diagnose.paste(
      [
        "2025-03-14 09:21:44 CLIENT -> SERVER: MAIL FROM:<noreply@contoso.com>",
        "SMTP Error: data not accepted. SMTP server error: DATA END command failed Detail: SMTP; Client does not have permissions to send as this sender [AM0PR02MB1234.eurprd02.prod.outlook.com] SMTP code: 550 Additional SMTP info: 5.7.60",
      ].join("\n")
    )
    await diagnose.diagnose()

    const headline = "This mailbox may not send as that From address"
    await expect(diagnose.summary).toHaveText(`Found 1 error reply: ${headline}.`)
    const diagnosis = diagnose.diagnosis(headline)
    await expect(diagnosis.locator("pre").first()).toHaveText(
      "550 5.7.60 SMTP; Client does not have permissions to send as this sender [AM0PR02MB1234.eurprd02.prod.outlook.com]"
    )
    await expect(
      diagnosis.getByText(
        "Add-RecipientPermission -Identity 'noreply@contoso.com' -Trustee 'signed-in-mailbox@yourdomain.com' -AccessRights SendAs"
      )
    ).toBeVisible()
    await expect(
      diagnose.page.getByText(
        "The text names only the From address, so the Send As steps use signed-in-mailbox@yourdomain.com: replace it with the mailbox the app signs in with."
      )
    ).toBeVisible()
    // noreply@contoso.com is the From address here, not a sending mailbox.
    await expect(diagnose.page.getByText("the sending mailbox named in the text")).toHaveCount(0)
  })

  test("explains a bounce with 5.4.1 as a recipient that does not exist", async ({ diagnose }) => {
    await diagnose.goto()
    await diagnose.paste(RECIPIENT_NDR)
    await diagnose.diagnose()

    const diagnosis = diagnose.diagnosis("The recipient does not exist in this tenant")
    await expect(diagnosis).toBeVisible()
    await expect(diagnosis.locator("pre").first()).toHaveText(
      "550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [DB5EUR03FT012.eop-EUR03.prod.protection.outlook.com]"
    )
  })

  test("says when the text holds no SMTP reply, and what to paste instead", async ({
    diagnose,
    page,
  }) => {
    await diagnose.goto()
    await diagnose.paste("The scanner on the second floor stopped emailing scans last Tuesday.")
    await diagnose.diagnose()

    await expect(diagnose.summary).toHaveText("No SMTP reply found in the pasted text.")
    await expect(diagnose.hints).toContainText("Paste the line that starts with a three-digit code")
    await expect(diagnose.hints).toContainText("Diagnostic information for administrators")
    await expect(page.getByTestId("pasted-diagnosis")).toHaveCount(0)
  })

  test("asks for text before diagnosing, and fills in an example", async ({ diagnose }) => {
    await diagnose.goto()
    await diagnose.diagnose()
    await expect(diagnose.text).toHaveAttribute("aria-invalid", "true")
    await expect(diagnose.text).toHaveAccessibleDescription(/Paste the error, log or bounce first/)

    await diagnose.loadExample("Bounce (NDR): 5.7.64")
    await expect(diagnose.text).toBeFocused()
    await expect(diagnose.text).toHaveValue(/Remote Server returned '550 5\.7\.64/)
    await diagnose.diagnose()
    await expect(
      diagnose.diagnosis("No connector recognises this sender (TenantAttribution)")
    ).toBeVisible()
  })

  test("says when smtp365's server does not answer, then diagnoses once it does", async ({
    diagnose,
    page,
  }) => {
    await diagnose.goto()
    await diagnose.paste(TENANT_DISABLED)
    const answerAgain = await refuseServerActions(page)
    await diagnose.diagnose()
    // The failure takes focus, so that it is read out.
    await expect(page.locator(":focus")).toHaveText(SERVER_UNREACHABLE_MESSAGE)

    await answerAgain()
    await diagnose.diagnose()
    await expect(diagnose.summary).toHaveText(
      "Found 1 error reply: SMTP AUTH is turned off for your whole tenant."
    )
    await expect(page.getByText("smtp365's server did not answer")).toHaveCount(0)
  })

  test("diagnoses a real pasted text of each kind issue 21 lists", async ({ diagnose, page }) => {
    // One text of each kind from the corpus of real pastes (test-support/paste-corpus.ts), with
    // what the page must say of it: the summary, the place in the text, and the fix's first words.
    const kinds = [
      {
        id: "504-nodemailer-error-object",
        summary:
          "Found 1 error reply: The app signs in with a method this server does not offer here.",
        where: "Line 3, the reply to AUTH:",
        fix: "nodemailer: in createTransport set port: 587, secure: false and requireTLS: true",
      },
      {
        id: "token-guzzle-invalid-secret",
        summary: "Found 1 error: The client secret is wrong.",
        where: "Line 2, the identity platform's answer to a token request:",
        fix: "Paste the secret's Value, not its Secret ID.",
      },
      {
        id: "lib-nodemailer-no-code-mailbox",
        summary: "Found 1 error reply: Microsoft 365 could not open the mailbox that signs in.",
        where: "Line 3, the reply to AUTH:",
        fix: "has a license that includes Exchange Online",
      },
      {
        id: "lang-pt-conditional-access",
        summary: "Found 1 error reply: A sign-in policy refused this sign-in.",
        where: "Line 1:",
        fix: "Microsoft Entra sign-in logs",
      },
      {
        id: "block-postfix-folded-s3140",
        summary:
          "Found 1 error reply: Outlook.com refuses mail from your sending IP address's network.",
        where: "Line 1, the reply to MAIL FROM:",
        fix: "https://go.microsoft.com/fwlink/?LinkID=614866",
      },
      {
        id: "temp-mailkit-prx4",
        summary:
          "Found 1 error reply: Microsoft 365 could not pass the session on to the mailbox's server (temporary).",
        where: "Line 1:",
        fix: "Retry in a few minutes",
      },
      {
        id: "conn-nodemailer-timeout-after-resolve",
        summary:
          "Found 1 error: No answer on port 587: a firewall is probably dropping the connection.",
        where: "Line 4, an error the app raised before any reply:",
        fix: "Check outbound firewall rules for port 587",
      },
      {
        id: "new-javamail-4-7-66",
        summary: "Found 1 error reply: The app's TLS version is too old.",
        where: "Line 1:",
        fix: "JavaMail (Jakarta Mail): set mail.smtp.ssl.protocols=TLSv1.2",
      },
      {
        id: "other-gmail-smtplib",
        summary: "Found 1 error reply: A reply from Gmail (Google), not from Microsoft 365.",
        where: "Line 3, the reply to AUTH:",
        fix: "Look the reply up in Gmail (Google)'s documentation",
      },
    ]
    await diagnose.goto()
    for (const kind of kinds) {
      const pasted = PASTE_CORPUS.find((entry) => entry.id === kind.id)
      if (!pasted) throw new Error(`no text ${kind.id} in the corpus`)
      await test.step(`${pasted.kind}: ${pasted.id}`, async () => {
        await diagnose.paste(pasted.text)
        await diagnose.diagnose()
        await expect(diagnose.summary).toHaveText(kind.summary)
        const block = page.getByTestId("pasted-diagnosis")
        await expect(block).toHaveCount(1)
        await expect(block).toContainText(kind.where)
        await expect(block).toContainText(kind.fix)
      })
    }
    // role="alert" is kept for failed tests: a diagnosis is announced as a status.
    await expect(page.getByRole("alert")).toHaveCount(0)
  })

  test("is linked from the wizard and back", async ({ page }) => {
    await page.goto("/")
    await page.getByRole("link", { name: "Diagnose a pasted error" }).click()
    await expect(page).toHaveURL("/diagnose")
    await expect(page.getByRole("heading", { level: 1, name: "Diagnose an error" })).toBeVisible()
    await page.getByRole("link", { name: "Back to the setup wizard" }).click()
    await expect(page).toHaveURL("/")
  })
})
