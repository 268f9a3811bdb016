// Shared by the settings-export tests: the simulator to send to, wizard values, and a scratch
// folder where generated files are written before a real parser or runtime reads them.
import { execFile } from "node:child_process"
import { mkdir, writeFile } from "node:fs/promises"
import path from "node:path"
import { promisify } from "node:util"
import { afterAll, beforeAll } from "vitest"

import { startSimulator, type RunningSimulator } from "@/lib/practice/simulator"
import type { SetupValues } from "@/lib/schemas/setup"
import { buildSettingsFiles, renderTarget } from "@/lib/settings-export"
import type { SettingsFile, SettingsTarget } from "@/lib/settings-export/types"
import { directSendValues, smtpAuthValues } from "./setup-values"
import { testServerTls } from "./test-ca"

/** The password the simulator accepts; a test fails if it ever appears in an output. */
export const PASSWORD = "Qu1et-Harbour#settings"

/** A From name with quotes and a # to prove every target escapes it. */
export const AWKWARD_FROM_NAME = 'Scan "Floor 2" #1'

export const run = promisify(execFile)

/** Where generated files go: inside node_modules so that a script's imports resolve as in an app. */
export const SCRATCH = path.join(process.cwd(), "node_modules", ".cache", "smtp365-settings-test")

/** The test CA, standing in for the system's trusted CAs in every client that verifies. */
export const TEST_CA_FILE = path.join(process.cwd(), ".test-ca", "ca.pem")

/** Environment for clients that check the certificate against a CA file. */
export const caEnv: NodeJS.ProcessEnv = {
  ...process.env,
  SSL_CERT_FILE: TEST_CA_FILE,
  CURL_CA_BUNDLE: TEST_CA_FILE,
}

export async function writeScratch(name: string, content: string): Promise<string> {
  await mkdir(SCRATCH, { recursive: true })
  const target = path.join(SCRATCH, name)
  await mkdir(path.dirname(target), { recursive: true })
  await writeFile(target, content)
  return target
}

/** Starts a submission simulator (STARTTLS, AUTH) for the file's tests and closes it after them. */
export function submissionSimulatorForFile(): { readonly server: RunningSimulator } {
  const holder = {} as { server: RunningSimulator }
  beforeAll(async () => {
    holder.server = await startSimulator({
      role: "submission",
      tls: testServerTls(),
      password: PASSWORD,
    })
  })
  afterAll(() => holder.server.close())
  return holder
}

/** SMTP AUTH values as tested against `port`, with an awkward From name. */
export function smtpAuthSetup(
  port: number,
  server: Partial<SetupValues["server"]> = {}
): SetupValues {
  const setup = smtpAuthValues({ port }, { user: "sender@contoso.com", pass: PASSWORD }, server)
  return { ...setup, sender: { ...setup.sender, fromName: AWKWARD_FROM_NAME } }
}

/** Direct Send values (no sign-in, port 25 unless given). */
export function directSendSetup(port = 25): SetupValues {
  return directSendValues({ port }, "it-team@contoso.com")
}

/** A target's file for these values, whether or not it is in the registry yet. */
export function render(target: SettingsTarget, setup: SetupValues): SettingsFile {
  return renderTarget(target, setup)
}

/** The output of a registered target for these values. */
export function outputOf(id: string, setup: SetupValues): SettingsFile {
  const found = buildSettingsFiles(setup).find((f) => f.id === id)
  if (!found) throw new Error(`no ${id} output`)
  return found
}
