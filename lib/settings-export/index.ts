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
import { emailproxyTarget } from "./targets/emailproxy"
import { methodInfo } from "@/lib/microsoft365/methods"
import { oauthVariantLine, oauthVerdictLine, withHeaderComment, withOAuthNote } from "./oauth-note"
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
  emailproxyTarget,
  // Devices
  printerTarget,
  // Test from the device
  swaksTarget,
  curlTarget,
  opensslTarget,
  testNetConnectionTarget,
]

/** Whether the target's OAuth 2.0 variant fits these values (a method and setup it can serve). */
function variantFits({ oauthVariant }: SettingsTarget, values: SetupValues): boolean {
  return oauthVariant !== undefined && (oauthVariant.fits?.(values) ?? true)
}

/**
 * One target's file for these values, with its OAuth 2.0 verdict in one line. After an OAuth 2.0
 * test, a target with a variant renders it under that line; one without keeps the settings it can
 * use under a note saying so and what to do instead. After a password test, a target with a
 * variant says in one line that the variant exists and what it takes, where the method takes
 * OAuth 2.0.
 */
export function renderTarget(target: SettingsTarget, values: SetupValues): SettingsFile {
  const { render, oauthVerdict, oauthVariant, ...about } = target
  const verdict = oauthVerdictLine(oauthVerdict)
  const { filename = about.filename, ...rendered } = render(values)
  const file: SettingsFile = { ...about, ...rendered, filename, oauthLine: verdict }
  const facts = connectionFacts(values)
  if (oauthVerdict.kind === "no-sign-in" || !facts.signsIn) return file
  const fits = variantFits(target, values)
  if (oauthSignIn(facts)) {
    return fits ? withHeaderComment(file, [verdict]) : withOAuthNote(file, facts, oauthVerdict)
  }
  const methodTakesOAuth = methodInfo(values.method.method).signIns.some(
    (signIn) => signIn === "oauth-app" || signIn === "oauth-device"
  )
  return oauthVariant && fits && methodTakesOAuth
    ? withHeaderComment(file, [oauthVariantLine(oauthVariant.takes)])
    : file
}

/**
 * Every ready-made file for these values, in display order. After an OAuth 2.0 test, each group
 * lists the files with an OAuth 2.0 variant first, so the Settings step opens on one in every group
 * that has one.
 */
export function buildSettingsFiles(values: SetupValues): SettingsFile[] {
  const files = SETTINGS_TARGETS.map((target) => ({
    file: renderTarget(target, values),
    variant: variantFits(target, values),
  }))
  if (!oauthSignIn(connectionFacts(values))) return files.map(({ file }) => file)
  return SETTINGS_GROUPS.flatMap((group) => {
    const inGroup = files.filter(({ file }) => file.group === group)
    return [...inGroup.filter((f) => f.variant), ...inGroup.filter((f) => !f.variant)].map(
      ({ file }) => file
    )
  })
}
