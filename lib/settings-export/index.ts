import { methodInfo } from "@/lib/microsoft365/methods"
import type { SetupValues } from "@/lib/schemas/setup"
import {
  curlTarget,
  opensslTarget,
  swaksTarget,
  testNetConnectionTarget,
} from "./targets/device-tests"
import { djangoTarget } from "./targets/django"
import { dotenvTarget } from "./targets/dotenv"
import { dotnetSettingsTarget, mailkitTarget } from "./targets/dotnet"
import { msmtpTarget } from "./targets/msmtp"
import { nodemailerTarget } from "./targets/nodemailer"
import { phpmailerTarget } from "./targets/phpmailer"
import { pythonSmtplibTarget } from "./targets/python-smtplib"
import { springBootTarget } from "./targets/spring-boot"
import type { SettingsFile, SettingsGroup, SettingsRow, SettingsTarget } from "./types"
import { connectionFacts } from "./values"

export type { SettingsFile, SettingsGroup, SettingsRow } from "./types"

/** The groups the Settings step shows, in order. */
export const SETTINGS_GROUPS: readonly SettingsGroup[] = [
  "Frameworks and languages",
  "Applications",
  "Mail servers",
  "Devices",
  "Test from the device",
]

/** Every output the Settings step offers, in display order. */
export const SETTINGS_TARGETS: readonly SettingsTarget[] = [
  dotenvTarget,
  nodemailerTarget,
  pythonSmtplibTarget,
  djangoTarget,
  phpmailerTarget,
  springBootTarget,
  dotnetSettingsTarget,
  mailkitTarget,
  msmtpTarget,
  swaksTarget,
  curlTarget,
  opensslTarget,
  testNetConnectionTarget,
]

/** One target's file for these values. */
export function renderTarget(
  { render, ...about }: SettingsTarget,
  values: SetupValues
): SettingsFile {
  return { ...about, ...render(values) }
}

const SECURITY_LABELS = {
  starttls: "STARTTLS",
  tls: "Implicit TLS",
  none: "None",
} as const

/** The settings to copy into the software being set up: a table and ready-made files. */
export function buildSettings(values: SetupValues): { rows: SettingsRow[]; files: SettingsFile[] } {
  const facts = connectionFacts(values)
  const rows: SettingsRow[] = [
    { label: "Sending method", value: methodInfo(values.method.method).name, copyable: true },
    { label: "Server", value: facts.host, copyable: true },
    { label: "Port", value: String(facts.port), copyable: true },
    { label: "Security", value: SECURITY_LABELS[facts.security], copyable: true },
  ]
  if (facts.signsIn) {
    rows.push({ label: "Username", value: facts.user, copyable: true })
    rows.push({
      label: "Password",
      value: "(the mailbox password)",
      note: "Never shown or stored by smtp365: type it into the device or app yourself.",
      copyable: false,
    })
  } else {
    rows.push({
      label: "Authentication",
      value: "None",
      note: "Direct Send and relay do not sign in.",
      copyable: false,
    })
  }
  rows.push({ label: "From address", value: facts.fromAddress, copyable: true })
  if (facts.fromName) rows.push({ label: "From name", value: facts.fromName, copyable: true })
  return { rows, files: SETTINGS_TARGETS.map((target) => renderTarget(target, values)) }
}
