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
import { printerTarget } from "./targets/printer"
import { pythonSmtplibTarget } from "./targets/python-smtplib"
import { springBootTarget } from "./targets/spring-boot"
import { flaskMailTarget } from "./targets/flask-mail"
import { giteaTarget } from "./targets/gitea"
import { gitlabTarget } from "./targets/gitlab"
import { goMailTarget } from "./targets/go-mail"
import { grafanaTarget } from "./targets/grafana"
import { homeAssistantTarget } from "./targets/home-assistant"
import { javamailTarget } from "./targets/javamail"
import { jenkinsTarget } from "./targets/jenkins"
import { laravelTarget } from "./targets/laravel"
import { nextcloudTarget } from "./targets/nextcloud"
import { postfixMainCfTarget, postfixSaslPasswdTarget } from "./targets/postfix"
import { railsTarget } from "./targets/rails"
import { symfonyTarget } from "./targets/symfony"
import { wordpressTarget } from "./targets/wordpress"
import { zabbixTarget } from "./targets/zabbix"
import { withOAuthNote } from "./oauth-note"
import type { SettingsFile, SettingsGroup, SettingsTarget } from "./types"
import { connectionFacts, oauthSignIn } from "./values"

export type { SettingsFile, SettingsGroup } from "./types"

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
  // Frameworks and languages
  dotenvTarget,
  nodemailerTarget,
  pythonSmtplibTarget,
  djangoTarget,
  flaskMailTarget,
  laravelTarget,
  symfonyTarget,
  phpmailerTarget,
  railsTarget,
  springBootTarget,
  javamailTarget,
  dotnetSettingsTarget,
  mailkitTarget,
  goMailTarget,
  // Applications
  wordpressTarget,
  nextcloudTarget,
  gitlabTarget,
  grafanaTarget,
  giteaTarget,
  jenkinsTarget,
  homeAssistantTarget,
  zabbixTarget,
  // Mail servers
  postfixMainCfTarget,
  postfixSaslPasswdTarget,
  msmtpTarget,
  // Devices
  printerTarget,
  // Test from the device
  swaksTarget,
  curlTarget,
  opensslTarget,
  testNetConnectionTarget,
]

/**
 * One target's file for these values. With an OAuth 2.0 sign-in, a target that cannot do it keeps
 * the settings it can use under a note saying so and what to do instead.
 */
export function renderTarget(
  { render, oauth, oauthFits, oauthCaveat, ...about }: SettingsTarget,
  values: SetupValues
): SettingsFile {
  const file = { ...about, ...render(values) }
  const handled = oauth === "no-sign-in" || (oauth === "supported" && (oauthFits?.(values) ?? true))
  const facts = connectionFacts(values)
  return handled || !oauthSignIn(facts) ? file : withOAuthNote(file, facts, oauthCaveat)
}

/** Every ready-made file for these values, in display order. */
export function buildSettingsFiles(values: SetupValues): SettingsFile[] {
  return SETTINGS_TARGETS.map((target) => renderTarget(target, values))
}
