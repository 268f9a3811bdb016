// GitLab, Linux package (Omnibus): /etc/gitlab/gitlab.rb, applied by `gitlab-ctl reconfigure`.
// Keys: https://docs.gitlab.com/omnibus/settings/smtp/ (and its Office365 example); encrypted
// SMTP credentials: https://docs.gitlab.com/administration/raketasks/smtp/
import { domainOfAddress } from "@/lib/email-address"

import { rubyString as rb } from "../literals"
import type { SettingsTarget } from "../types"
import { connectionFacts, secretNote, type ConnectionFacts } from "../values"

/** A YAML single-quoted scalar: a quote is written twice, nothing else is special. */
const yaml = (value: string) => `'${value.replaceAll("'", "''")}'`

function tlsLines({ security, signsIn, service }: ConnectionFacts): string[] {
  if (security === "tls")
    return [
      "# Implicit TLS from the first byte; STARTTLS must be off with it.",
      "gitlab_rails['smtp_tls'] = true",
      "gitlab_rails['smtp_enable_starttls_auto'] = false",
    ]
  return [
    security === "starttls"
      ? `# STARTTLS. GitLab has no switch to require it${signsIn && service.authOnlyAfterStartTls ? `; ${service.name} offers AUTH only after it` : ""}.`
      : "# No encryption required; STARTTLS is still used when the server offers it.",
    "gitlab_rails['smtp_enable_starttls_auto'] = true",
    "gitlab_rails['smtp_tls'] = false",
  ]
}

export const gitlabTarget: SettingsTarget = {
  id: "gitlab",
  title: "GitLab (gitlab.rb)",
  group: "Applications",
  filename: "gitlab.rb",
  language: "ruby",
  oauthVerdict: {
    kind: "graph-only",
    since: "GitLab 15.5",
    how: "GitLab's SMTP settings take only a username and password; its Microsoft Graph mailer sends with the app's own token (client credentials, Graph's Mail.Send) instead of SMTP",
    source: "https://docs.gitlab.com/omnibus/settings/microsoft_graph_mailer/",
  },
  render(values) {
    const facts = connectionFacts(values)
    const domain = domainOfAddress(facts.fromAddress)
    const auth = facts.signsIn
      ? [
          "gitlab_rails['smtp_authentication'] = 'login'",
          "# No smtp_user_name or smtp_password here: both go in GitLab's encrypted SMTP",
          "# credentials (GitLab 14.3+). Run:",
          "#   sudo gitlab-rake gitlab:smtp:secret:edit EDITOR=vim",
          `# and enter these two lines, with ${facts.secret.name}:`,
          `#   user_name: ${yaml(facts.user)}`,
          `#   password: ${yaml(facts.secret.name)}`,
          "# (YAML: inside the single quotes, write each ' of the password as '').",
        ]
      : []
    const content = [
      "# /etc/gitlab/gitlab.rb: add these lines, then run: sudo gitlab-ctl reconfigure",
      "gitlab_rails['smtp_enable'] = true",
      `gitlab_rails['smtp_address'] = ${rb(facts.host)}`,
      `gitlab_rails['smtp_port'] = ${facts.port}`,
      `gitlab_rails['smtp_domain'] = ${rb(domain)}`,
      ...tlsLines(facts),
      "# Check the server certificate against the trusted CAs (never 'none').",
      "gitlab_rails['smtp_openssl_verify_mode'] = 'peer'",
      ...auth,
      "",
      "gitlab_rails['gitlab_email_enabled'] = true",
      `gitlab_rails['gitlab_email_from'] = ${rb(facts.fromAddress)}`,
      ...(facts.fromName
        ? [`gitlab_rails['gitlab_email_display_name'] = ${rb(facts.fromName)}`]
        : []),
      `gitlab_rails['gitlab_email_reply_to'] = ${rb(facts.fromAddress)}`,
      "",
    ].join("\n")
    return {
      content,
      secretNote: secretNote(
        facts,
        "The user name and password go in GitLab's encrypted SMTP credentials: run sudo gitlab-rake gitlab:smtp:secret:edit, enter user_name and password, then sudo gitlab-ctl reconfigure."
      ),
    }
  },
}
