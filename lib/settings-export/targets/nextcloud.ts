// Nextcloud's email server settings in config/config.php (the mail_* system values).
// Keys: https://docs.nextcloud.com/server/latest/admin_manual/configuration_server/config_sample_php_parameters.html
// Nextcloud reads every system value from an NC_-prefixed environment variable first
// (lib/private/Config.php), which keeps the password out of config.php: Nextcloud rewrites that
// file whenever a setting changes, so a getenv() there would be replaced by the password itself.
import { domainOfAddress, localPartOfAddress } from "@/lib/email-address"

import { phpString as php } from "../literals"
import type { SettingsTarget } from "../types"
import { connectionFacts, secretNote } from "../values"

/** The environment variable that overrides mail_smtppassword. */
export const NEXTCLOUD_PASSWORD_VARIABLE = "NC_mail_smtppassword"

export const nextcloudTarget: SettingsTarget = {
  id: "nextcloud",
  title: "Nextcloud (config.php)",
  group: "Applications",
  filename: "config.php",
  language: "php",
  oauthVerdict: {
    kind: "none",
    how: "Nextcloud's email server settings sign in only with a username and password (OAuth 2.0 for them is an open feature request; the Mail app's XOAUTH2 is for users' own mailboxes)",
    source: "https://github.com/nextcloud/server/issues/21595",
  },
  render(values) {
    const facts = connectionFacts(values)
    const entry = (key: string, value: string) => `  ${php(key)} => ${value},`
    const content = [
      "<?php",
      "// Nextcloud email settings: copy the entries into the $CONFIG array of config/config.php,",
      "// or save this file as config/mail.config.php (Nextcloud merges every *.config.php).",
      "$CONFIG = array (",
      entry("mail_smtpmode", "'smtp'"),
      entry("mail_smtphost", php(facts.host)),
      entry("mail_smtpport", String(facts.port)),
      ...(facts.security === "tls"
        ? ["  // 'ssl' is implicit TLS from the first byte.", entry("mail_smtpsecure", "'ssl'")]
        : [
            "  // '' starts in plain text; Nextcloud upgrades with STARTTLS whenever the server offers",
            "  // it (it has no setting to require it) and checks the certificate.",
            entry("mail_smtpsecure", "''"),
          ]),
      ...(facts.signsIn
        ? [
            entry("mail_smtpauth", "true"),
            entry("mail_smtpname", php(facts.user)),
            `  // mail_smtppassword is not here: it comes from the ${NEXTCLOUD_PASSWORD_VARIABLE} environment variable.`,
          ]
        : [entry("mail_smtpauth", "false")]),
      "  // The From address is split: the part before @, then the domain.",
      entry("mail_from_address", php(localPartOfAddress(facts.fromAddress))),
      entry("mail_domain", php(domainOfAddress(facts.fromAddress))),
      entry("mail_smtptimeout", "30"),
      ");",
      "",
    ].join("\n")
    return {
      content,
      secretNote: secretNote(
        facts,
        `Set ${NEXTCLOUD_PASSWORD_VARIABLE} in the environment of PHP and of occ/cron (php-fpm pool: env[${NEXTCLOUD_PASSWORD_VARIABLE}] = ...; Docker: environment:). Nextcloud reads it instead of mail_smtppassword. The From name is the Theming name (Administration settings > Theming).`
      ),
    }
  },
}
