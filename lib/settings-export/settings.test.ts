import { execFile } from "node:child_process"
import { mkdir, writeFile } from "node:fs/promises"
import path from "node:path"
import { promisify } from "node:util"
import { parseEnv } from "node:util"
import { afterAll, beforeAll, describe, expect, test } from "vitest"

import { smtpAuthValues } from "@/e2e/support/setup-values"
import { testServerTls } from "@/e2e/support/test-ca"
import { startSimulator, type RunningSimulator } from "@/lib/practice/simulator"
import type { SetupValues } from "@/lib/schemas/setup"
import { buildSettings } from "./index"

const PASSWORD = "Qu1et-Harbour#settings"
let submission: RunningSimulator

beforeAll(async () => {
  submission = await startSimulator({
    role: "submission",
    tls: testServerTls(),
    password: PASSWORD,
  })
})
afterAll(() => submission.close())

const values = (sender: Partial<SetupValues["sender"]> = {}): SetupValues => {
  const setup = smtpAuthValues(
    { port: submission.port },
    { user: "sender@contoso.com", pass: PASSWORD }
  )
  return { ...setup, sender: { ...setup.sender, fromName: 'Scan "Floor 2" #1', ...sender } }
}

const file = (id: string, setup: SetupValues) => {
  const found = buildSettings(setup).files.find((f) => f.id === id)
  if (!found) throw new Error(`no ${id} output`)
  return found
}

describe("settings export", () => {
  test("never contains the password", () => {
    const settings = buildSettings(values())
    expect(JSON.stringify(settings)).not.toContain(PASSWORD)
  })

  test("the .env block parses back to the tested values", () => {
    const parsed = parseEnv(file("dotenv", values()).content)
    expect(parsed).toMatchObject({
      SMTP_HOST: "localhost",
      SMTP_PORT: String(submission.port),
      SMTP_SECURITY: "starttls",
      SMTP_USER: "sender@contoso.com",
      SMTP_PASSWORD: "",
      MAIL_FROM_ADDRESS: "sender@contoso.com",
      MAIL_FROM_NAME: 'Scan "Floor 2" #1',
    })
  })

  test("the nodemailer snippet sends through the simulator with the password from the environment", async () => {
    // Written inside node_modules so that the snippet's `import "nodemailer"` resolves as in an app.
    const directory = path.join(process.cwd(), "node_modules", ".cache", "smtp365-settings-test")
    await mkdir(directory, { recursive: true })
    const script = path.join(directory, "send-mail.mjs")
    await writeFile(script, file("nodemailer", values()).content)
    const before = submission.messages.length
    await promisify(execFile)(process.execPath, [script], {
      env: { ...process.env, SMTP_PASSWORD: PASSWORD },
      timeout: 15_000,
    })
    expect(submission.messages).toHaveLength(before + 1)
    expect(submission.messages.at(-1)?.raw).toContain(
      'From: "Scan \\"Floor 2\\" #1" <sender@contoso.com>'
    )
  })
})
