import { expect, test } from "./fixtures"

test.describe("A route for every sender", () => {
  test("a printer that only knows a password and mails staff is sent to High Volume Email, with its dates, and Use prefills it", async ({
    wizard,
    page,
  }) => {
    await wizard.goto()
    await wizard.answerRouteQuestions({
      signIn: /^Only with a username and password/,
      mails: /^Only people in our organisation/,
    })
    await expect(wizard.routeAdvice).toContainText("Suggested: High Volume Email (HVE)")
    await expect(wizard.routeAdvice).toContainText("End of December 2026")
    await expect(wizard.routeAdvice).toContainText("September 2028")
    await wizard.routeAdvice.getByRole("button", { name: "Use High Volume Email (HVE)" }).click()
    await expect(page.getByRole("radio", { name: /^High Volume Email/ })).toBeChecked()
    await expect(page.getByRole("radio", { name: /^High Volume Email/ })).toBeFocused()

    await wizard.next()
    await expect(page.getByLabel("Server", { exact: true })).toHaveValue("smtp.hve.mx.microsoft")
    await expect(page.getByLabel("Port")).toHaveValue("587")
    await wizard.next()
    await expect(wizard.heading("Account")).toBeVisible()
    await expect(page.getByRole("radio", { name: "Password (Basic authentication)" })).toBeChecked()
    await expect(page.getByText(/supported for HVE accounts until September 2028/)).toBeVisible()
  })

  test("each answer names its route, and every method stays one click away", async ({
    wizard,
    page,
  }) => {
    await wizard.goto()
    const cases = [
      {
        answers: { signIn: /^With OAuth 2.0/, mails: /^People outside/ },
        route: "SMTP AUTH client submission",
      },
      {
        answers: { signIn: /^Only with a username and password/, mails: /^People outside/ },
        route: "Azure Communication Services Email",
      },
      {
        answers: {
          signIn: /^Only with a username and password/,
          mails: /^Only people in our organisation/,
          securityDefaults: /^Yes/,
        },
        route: "Direct Send",
      },
      {
        answers: {
          signIn: /^It can't sign in/,
          mails: /^People outside/,
          staticIp: /^Yes/,
          securityDefaults: /^No$/,
        },
        route: "SMTP relay through a connector",
      },
    ]
    for (const { answers, route } of cases) {
      await wizard.answerRouteQuestions(answers)
      await expect(wizard.routeAdvice).toContainText(`Suggested: ${route}`)
    }
    // The advice explains; the admin may still choose anything.
    for (const name of [
      /^SMTP AUTH/,
      /^Direct Send/,
      /^SMTP relay/,
      /^High Volume Email/,
      /^Azure Communication Services/,
    ]) {
      await page.getByRole("radio", { name }).check()
      await expect(page.getByRole("radio", { name })).toBeChecked()
    }
  })

  test("an OAuth-capable app gets SMTP AUTH with app-only OAuth prefilled", async ({
    wizard,
    page,
  }) => {
    await wizard.goto()
    await wizard.answerRouteQuestions({
      signIn: /^With OAuth 2.0/,
      mails: /^Only people in our organisation/,
    })
    await wizard.routeAdvice.getByRole("button", { name: /^Use SMTP AUTH/ }).click()
    await wizard.next()
    await expect(page.getByLabel("Server", { exact: true })).toHaveValue("smtp.office365.com")
    await wizard.next()
    await expect(
      page.getByRole("radio", { name: "OAuth 2.0 (modern authentication)" })
    ).toBeChecked()
    await expect(page.getByRole("radio", { name: "App-only (client credentials)" })).toBeChecked()
  })
})
