import type { Response } from "@playwright/test"

import { expect, test } from "./fixtures"

// The forms' checks (zod, the schemas and their resolvers) are fetched on the first interaction,
// not with the page. Routing the page's later script requests shows what happens when that fetch is
// slow or fails, with the real chunks and no mocks.
const CHUNKS = "**/_next/static/chunks/**"

/** zod's error class is registered under this name: its code holds the string wherever it goes. */
const ZOD_MARKER = "$ZodError"

async function holdsZod(response: Response) {
  return (
    response.request().resourceType() === "script" && (await response.text()).includes(ZOD_MARKER)
  )
}

test.describe("Form checks, fetched on first use", () => {
  test("the wizard's first load brings no zod; the first focus fetches it", async ({
    wizard,
    page,
  }) => {
    const scripts: Response[] = []
    page.on("response", (response) => {
      if (response.request().resourceType() === "script") scripts.push(response)
    })
    await wizard.goto()
    // Everything the page fetches by itself, idle time included.
    await page.waitForLoadState("networkidle")
    const loaded = await Promise.all(scripts.map((response) => response.text()))
    expect(loaded.length).toBeGreaterThan(0)
    expect(loaded.filter((code) => code.includes(ZOD_MARKER))).toHaveLength(0)

    const zod = page.waitForResponse(holdsZod)
    await page.getByRole("radio", { name: /^Direct Send/ }).focus()
    await zod
  })

  test("Next shows it is busy while the next step's code loads, and the step stays until then", async ({
    wizard,
    page,
  }) => {
    await wizard.goto()
    // The checks are here; only the Server step's code will be slow.
    const zod = page.waitForResponse(holdsZod)
    await page.getByRole("radio", { name: /^Direct Send/ }).check()
    await zod
    let release = () => {}
    const released = new Promise<void>((resolve) => (release = resolve))
    await page.route(CHUNKS, async (route) => {
      await released
      await route.continue()
    })
    const next = page.getByRole("button", { name: "Next", exact: true })
    const busy = next.locator("svg")
    await expect(busy).toHaveCount(0)
    const held = page.waitForRequest(/\/_next\/static\/chunks\//)
    await wizard.next()
    await held
    await expect(busy).toBeVisible()
    await expect(wizard.heading("Sending method")).toBeVisible()
    release()
    await expect(wizard.heading("Server")).toBeFocused()
    await expect(busy).toHaveCount(0)
  })

  test("presses of Next before the checks arrive wait for them, one step each", async ({
    wizard,
    page,
  }) => {
    await wizard.goto()
    let release = () => {}
    const released = new Promise<void>((resolve) => (release = resolve))
    await page.route(CHUNKS, async (route) => {
      await released
      await route.continue()
    })
    const held = page.waitForRequest(/\/_next\/static\/chunks\//)
    await wizard.next()
    await held
    // Waiting: the first press is not lost, and a second one waits its turn.
    await expect(wizard.heading("Sending method")).toBeVisible()
    await expect(page.getByRole("button", { name: "Next", exact: true })).toBeDisabled()
    const second = wizard.next()
    release()
    await second
    await expect(wizard.heading("Account")).toBeFocused()
  })

  test("Next says when the checks could not be fetched, and goes on once they can be", async ({
    wizard,
    page,
  }) => {
    await wizard.goto()
    // Offline from here on: the page is loaded, its checks are not.
    await page.route(CHUNKS, (route) => route.abort("internetdisconnected"))
    await wizard.next()
    const message = page.getByText(
      "This could not be checked: part of the page did not load. Check your connection, then try again."
    )
    await expect(message).toBeVisible()
    // Focused, so a screen reader reads it out.
    await expect(page.locator(":focus")).toContainText("This could not be checked")
    await expect(wizard.heading("Sending method")).toBeVisible()

    await page.unroute(CHUNKS)
    await wizard.next()
    await expect(wizard.heading("Server")).toBeFocused()
    await expect(message).toBeHidden()
  })

  test("Diagnose says at the field when its checks could not be fetched, then diagnoses", async ({
    diagnose,
    page,
  }) => {
    await diagnose.goto()
    await page.route(CHUNKS, (route) => route.abort("internetdisconnected"))
    await diagnose.paste("550 5.7.708 Service unavailable. Access denied, traffic not accepted")
    await diagnose.diagnose()
    await expect(diagnose.text).toBeFocused()
    await expect(diagnose.text).toHaveAttribute("aria-invalid", "true")
    await expect(diagnose.text).toHaveAccessibleDescription(
      /This could not be checked: part of the page did not load\. Check your connection, then try again\./
    )

    await page.unroute(CHUNKS)
    await diagnose.diagnose()
    await expect(diagnose.summary).toHaveText(/^Found 1 error reply: /)
    await expect(diagnose.text).not.toHaveAttribute("aria-invalid", "true")
  })
})
