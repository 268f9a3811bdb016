// Jenkins Configuration as Code (JCasC): the Mailer plugin's global settings, and the system admin
// address, which the Mailer plugin sends from.
// Mailer attributes: https://plugins.jenkins.io/mailer/ (names checked against the plugin's own
// JCasC test, src/test/resources/jenkins/plugins/mailer/configuration-as-code.yaml); the admin
// address's parsing: src/main/java/hudson/tasks/Mailer.java in jenkinsci/mailer-plugin.
// Secrets: https://github.com/jenkinsci/configuration-as-code-plugin/blob/master/docs/features/secrets.adoc
import { mailboxAsWritten, stringLiteral } from "../literals"
import type { SettingsTarget } from "../types"
import { PASSWORD_VARIABLE, connectionFacts, secretNote } from "../values"

/**
 * A YAML double-quoted string (JSON's escapes are valid YAML) that JCasC keeps literal: JCasC
 * resolves every ${...} when it loads, and ^${ is its escape.
 */
const yaml = (value: string) => stringLiteral(value.replaceAll("${", "^${"))

export const jenkinsTarget: SettingsTarget = {
  id: "jenkins",
  title: "Jenkins (Configuration as Code)",
  group: "Applications",
  filename: "jenkins.yaml",
  language: "yaml",
  // email-ext's main branch (June 2026): useOAuth2 only sets mail.smtp.auth.mechanisms=XOAUTH2 and
  // sends the credential's password (ExtendedEmailPublisherDescriptor); fetching an Entra token
  // (pull request 1587) is on the unreleased gsoc2026 branch.
  oauthVerdict: {
    kind: "none",
    how: "the Mailer plugin signs in only with a username and password (Email Extension 2.92 and later can send a token as the password, but nothing fetches or renews it)",
    source: "https://github.com/jenkinsci/email-ext-plugin/pull/397",
  },
  render(values) {
    const facts = connectionFacts(values)
    // Mailer reads "Name <address>" with \s*([^<]*)<([^>]+)>\s* (Mailer.stringToAddress) and hands
    // the name as written to JavaMail, which quotes or encodes it: quotes written here would show.
    const adminAddress = mailboxAsWritten(facts.fromName, facts.fromAddress, /[<>]/)
    const content = [
      "# Jenkins Configuration as Code: merge into jenkins.yaml (needs the Mailer plugin).",
      "unclassified:",
      "  location:",
      "    # Jenkins sends email from the system admin address.",
      ...(adminAddress.nameLeftOut
        ? ["    # (Jenkins cannot read < or > in a display name: the From name is left out.)"]
        : []),
      `    adminAddress: ${yaml(adminAddress.value)}`,
      "  mailer:",
      `    smtpHost: ${yaml(facts.host)}`,
      `    smtpPort: "${facts.port}"`,
      "    # useTls is STARTTLS; useSsl is implicit TLS from the first byte.",
      `    useTls: ${facts.security === "starttls"}`,
      `    useSsl: ${facts.security === "tls"}`,
      '    charset: "UTF-8"',
      ...(facts.signsIn
        ? [
            "    authentication:",
            `      username: ${yaml(facts.user)}`,
            "      # JCasC resolves this from the environment (or a secrets file) when it loads.",
            `      password: "\${${PASSWORD_VARIABLE}}"`,
          ]
        : []),
      "",
    ].join("\n")
    return {
      content,
      secretNote: secretNote(
        facts,
        `Set ${PASSWORD_VARIABLE} in the Jenkins controller's environment, or put it in /run/secrets/${PASSWORD_VARIABLE} (a Docker or Kubernetes secret): JCasC resolves \${${PASSWORD_VARIABLE}} when it loads jenkins.yaml.`
      ),
    }
  },
}
