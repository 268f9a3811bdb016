// Gitea's [mailer] section in app.ini.
// Keys: https://docs.gitea.com/administration/config-cheat-sheet#mailer-mailer
// Setup: https://docs.gitea.com/administration/email-setup
// (checked against modules/setting/mailer.go and services/mailer/sender/smtp.go: smtp+starttls
// upgrades whenever the server offers STARTTLS; Gitea has no setting that requires it).
import { goIniValue as ini, mailbox } from "../literals"
import type { SettingsTarget } from "../types"
import { connectionFacts, secretNote, type ConnectionFacts } from "../values"

/** Gitea's environment-to-ini variable for [mailer] PASSWD. */
export const GITEA_PASSWORD_VARIABLE = "GITEA__mailer__PASSWD"

function protocol(security: ConnectionFacts["security"]): string[] {
  return security === "tls"
    ? ["; smtps: implicit TLS from the first byte", "PROTOCOL = smtps"]
    : security === "starttls"
      ? ["; smtp+starttls: plain text, then upgraded with STARTTLS", "PROTOCOL = smtp+starttls"]
      : [
          "; No encryption required; smtp+starttls still upgrades when the server offers it.",
          "PROTOCOL = smtp+starttls",
        ]
}

export const giteaTarget: SettingsTarget = {
  id: "gitea",
  title: "Gitea (app.ini)",
  group: "Applications",
  filename: "app.ini",
  language: "ini",
  oauthVerdict: {
    kind: "none",
    how: "Gitea's [mailer] signs in only with USER and PASSWD",
    source: "https://github.com/go-gitea/gitea/issues/32305",
  },
  render(values) {
    const facts = connectionFacts(values)
    const content = [
      "; Gitea email settings: replace the [mailer] section of app.ini, then restart Gitea.",
      "[mailer]",
      "ENABLED = true",
      ...protocol(facts.security),
      `SMTP_ADDR = ${ini(facts.host)}`,
      `SMTP_PORT = ${facts.port}`,
      ...(facts.signsIn
        ? [
            `USER = ${ini(facts.user)}`,
            `; PASSWD is not in this file: it comes from ${GITEA_PASSWORD_VARIABLE} (see the note).`,
          ]
        : []),
      `FROM = ${ini(mailbox(facts.fromName, facts.fromAddress))}`,
      "; Check the server's certificate (never trust it blindly).",
      "FORCE_TRUST_SERVER_CERT = false",
      "",
    ].join("\n")
    return {
      content,
      secretNote: secretNote(
        facts,
        `Set ${GITEA_PASSWORD_VARIABLE} (or ${GITEA_PASSWORD_VARIABLE}__FILE with the path of a root-only file) in the container's environment: Gitea's Docker image writes GITEA__section__KEY variables into app.ini at start. Outside Docker, apply them with Gitea's environment-to-ini. Keep app.ini readable only by the gitea user.`
      ),
    }
  },
}
