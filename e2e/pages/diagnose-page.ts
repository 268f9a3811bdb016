import { expect, type Locator, type Page } from "@playwright/test"

/** The diagnose page as a user sees it: intent methods and locators by role and label. */
export class DiagnosePage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/diagnose")
    // Typing before hydration would be lost.
    await expect(this.page.locator("[data-hydrated]")).toBeAttached()
  }

  get text(): Locator {
    return this.page.getByLabel("Paste the error, log or bounce")
  }

  async paste(text: string) {
    await this.text.fill(text)
  }

  async diagnose() {
    await this.page.getByRole("button", { name: "Diagnose", exact: true }).click()
  }

  async loadExample(name: string) {
    await this.page
      .getByRole("group", { name: "Or try an example:" })
      .getByRole("button", { name })
      .click()
  }

  /** The one-sentence summary of what was found (the page's only live region). */
  get summary(): Locator {
    return this.page.getByRole("status")
  }

  /** The block explaining one cause: its headline, the replies verbatim and the diagnosis card. */
  diagnosis(headline: string): Locator {
    return this.page
      .getByTestId("pasted-diagnosis")
      .filter({ has: this.page.getByRole("heading", { level: 3, name: headline }) })
  }

  /** What to paste instead, when no reply (or no error) was found. */
  get hints(): Locator {
    return this.page.getByTestId("paste-hints")
  }
}
