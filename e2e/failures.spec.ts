import { expect, test } from "./fixtures"

/**
 * Representative failures through the whole UI, against practice mode's simulator: each shows its
 * diagnosis headline in the alert and names the fix.
 */
const CASES = [
  {
    title: "SMTP AUTH turned off for the mailbox",
    user: "auth-disabled-mailbox@contoso.com",
    headline: "SMTP AUTH is turned off for this mailbox",
    fix: "Set-CASMailbox -Identity 'auth-disabled-mailbox@contoso.com' -SmtpClientAuthenticationDisabled $false",
  },
  {
    title: "a wrong password",
    user: "sender@contoso.com",
    password: "not-the-practice-password",
    headline: "Wrong username or password",
    fix: "full sign-in address",
  },
  {
    title: "Send As denied for another From address",
    user: "sender@contoso.com",
    from: "ceo@contoso.com",
    headline: "may not send as",
    fix: "Add-RecipientPermission -Identity 'ceo@contoso.com' -Trustee 'sender@contoso.com' -AccessRights SendAs",
  },
  {
    // The practice server's refusal: the port, in practice terms (e2e/new-admin.spec.ts).
    title: "a closed port",
    user: "sender@contoso.com",
    port: "465",
    headline: "The practice server does not answer on port 465",
    fix: "set the port to 587 with STARTTLS for SMTP AUTH",
  },
  {
    title: "implicit TLS against the STARTTLS port",
    user: "sender@contoso.com",
    security: "Implicit TLS" as const,
    headline: "Wrong security type",
    fix: "Set security to STARTTLS on port 587",
  },
]

test.describe("Failures through the UI", () => {
  for (const failure of CASES) {
    test(`diagnoses ${failure.title}`, async ({ wizard, page }) => {
      await wizard.goto()
      await wizard.next()
      await page.getByLabel(/Practice server/).check()
      await wizard.fillServer({
        port: failure.port ?? "587",
        security: failure.security ?? "STARTTLS",
      })
      await wizard.next()
      await wizard.fillAccount(failure.user, failure.password ?? "practice")
      await wizard.next()
      if (failure.from) await wizard.fillSender({ address: failure.from })
      await wizard.next()
      await wizard.next()
      await wizard.sendTest("it-team@contoso.com")

      await expect(wizard.failure).toContainText(failure.headline)
      await expect(page.getByTestId("diagnosis")).toContainText(failure.fix)
      await expect(page.getByRole("status")).toHaveCount(0)
    })
  }
})
