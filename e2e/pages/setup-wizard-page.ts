import { expect, type Locator, type Page } from "@playwright/test"

/** The wizard as a user sees it: intent methods and locators by role and label. */
export class SetupWizardPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/")
    // Typing before hydration would be lost.
    await expect(this.page.locator("[data-hydrated]")).toBeAttached()
  }

  heading(name: string): Locator {
    return this.page.getByRole("heading", { level: 2, name })
  }

  async next() {
    await this.page.getByRole("button", { name: "Next", exact: true }).click()
  }

  async back() {
    await this.page.getByRole("button", { name: "Back", exact: true }).click()
  }

  async chooseMethod(
    name:
      | "SMTP AUTH"
      | "Direct Send"
      | "SMTP relay"
      | "High Volume Email"
      | "Azure Communication Services"
  ) {
    await this.page.getByRole("radio", { name: new RegExp(`^${name}`) }).check()
  }

  /** Answers the Method step's route questions (opening them first); omitted ones stay open. */
  async answerRouteQuestions(answers: {
    signIn: RegExp
    mails: RegExp
    staticIp?: RegExp
    securityDefaults?: RegExp
  }) {
    const finder = this.page.getByTestId("route-finder")
    if (!(await finder.evaluate((element) => (element as HTMLDetailsElement).open))) {
      await finder.getByText("Not sure? Answer four questions about the sender").click()
    }
    const answer = async (legend: string, option: RegExp | undefined) => {
      if (option) await finder.getByRole("group", { name: legend }).getByLabel(option).check()
    }
    await answer("How can the sender sign in?", answers.signIn)
    await answer("Who does it mail?", answers.mails)
    await answer("Does it send from a static public IP address of yours?", answers.staticIp)
    await answer("Are security defaults on in your tenant?", answers.securityDefaults)
  }

  /** The route the questions point to. */
  get routeAdvice(): Locator {
    return this.page.getByTestId("route-advice")
  }

  async fillServer(server: {
    domain?: string
    host?: string
    port?: string | number
    security?: "STARTTLS" | "Implicit TLS" | "None"
  }) {
    if (server.domain !== undefined) await this.page.getByLabel("Domain").fill(server.domain)
    if (server.host !== undefined)
      await this.page.getByLabel("Server", { exact: true }).fill(server.host)
    if (server.port !== undefined) await this.page.getByLabel("Port").fill(String(server.port))
    if (server.security) {
      await this.page.getByRole("radio", { name: new RegExp(`^${server.security}`) }).check()
    }
  }

  /**
   * Opens the wizard, picks the practice server (on `port`, if given) and signs in as a practice
   * mailbox, its sender by default: ends on Sender.
   */
  async practiceUpToSender(options: { user?: string; port?: number } = {}) {
    await this.goto()
    await this.next()
    await this.page.getByLabel(/Practice server/).check()
    if (options.port !== undefined) await this.fillServer({ port: options.port })
    await this.next()
    await this.fillAccount(options.user ?? "sender@contoso.com", "practice")
    await this.next()
  }

  /** Practice up to the Test step (Sender and Domain as they come). */
  async practiceUpToTest(options: { user?: string; port?: number } = {}) {
    await this.practiceUpToSender(options)
    await expect(this.heading("Sender")).toBeVisible()
    await this.next()
    await expect(this.heading("Domain")).toBeVisible()
    await this.next()
    await expect(this.heading("Test")).toBeVisible()
  }

  /** The wizard's step on screen, by its id (data-step). */
  get stepOnScreen(): Locator {
    return this.page.getByTestId("wizard-step")
  }

  async fillAccount(user: string, password: string) {
    await this.page.getByLabel("Username").fill(user)
    await this.page.getByLabel("Password", { exact: true }).fill(password)
  }

  async fillSender(sender: { address?: string; name?: string }) {
    if (sender.address !== undefined)
      await this.page.getByLabel("From address").fill(sender.address)
    if (sender.name !== undefined) await this.page.getByLabel("From name").fill(sender.name)
  }

  async sendTest(to: string) {
    await this.page.getByLabel("Send test email to").fill(to)
    await this.page.getByRole("button", { name: "Send test email" }).click()
  }

  /** Goes through every step with SMTP AUTH defaults and sends the test to it-team@contoso.com. */
  async sendSmtpAuthTest(setup: { port: number; user: string; password: string }) {
    await this.goto()
    await this.next()
    await this.fillServer({ host: "localhost", port: setup.port })
    await this.next()
    await this.fillAccount(setup.user, setup.password)
    await this.next()
    await this.next()
    await this.next()
    await this.sendTest("it-team@contoso.com")
  }

  /** A passed SMTP AUTH test, then the Settings step. */
  async reachSettings(setup: { port: number; user: string; password: string }) {
    await this.sendSmtpAuthTest(setup)
    await expect(this.success).toBeVisible()
    await this.next()
    await expect(this.heading("Settings")).toBeVisible()
  }

  /** Chooses a file in a Settings group (a region named for the group); returns its code block. */
  async chooseSettingsFile(group: string, option: string): Promise<Locator> {
    const region = this.page.getByRole("region", { name: group, exact: true })
    await region.getByRole("combobox").selectOption({ label: option })
    return region.locator("figure[data-slot=code-block]")
  }

  /** A successful test's result. */
  get success(): Locator {
    return this.page.getByRole("status")
  }

  /** A failed test's headline and verbatim reply. */
  get failure(): Locator {
    return this.page.getByRole("alert")
  }

  stage(label: string): Locator {
    return this.page
      .getByTestId("stage-list")
      .getByRole("listitem")
      .filter({ has: this.page.getByText(label, { exact: true }) })
  }
}
