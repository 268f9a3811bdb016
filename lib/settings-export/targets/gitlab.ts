// GitLab, Linux package (Omnibus): /etc/gitlab/gitlab.rb, applied by `gitlab-ctl reconfigure`.
// Keys: https://docs.gitlab.com/omnibus/settings/smtp/ (and its Office365 example); encrypted
// SMTP credentials: https://docs.gitlab.com/administration/raketasks/smtp/
//
// OAuth 2.0: GitLab's SMTP settings have no token sign-in, but GitLab 15.5 and later can send
// through Microsoft Graph instead (its Microsoft Graph mailer, app-only): the keys below are those
// of https://docs.gitlab.com/omnibus/settings/microsoft_graph_mailer/ and of omnibus-gitlab's
// files/gitlab-config-template/gitlab.rb.template (microsoft_graph_mailer_*), which reconfigure
// writes into gitlab.yml's microsoft_graph_mailer section (templates/default/gitlab.yml.erb,
// mode 0640). GitLab's gem (gitlab vendor/gems/microsoft_graph_mailer/lib/microsoft_graph_mailer/
// client.rb) asks `{azure_ad_endpoint}/{tenant}/oauth2/v2.0/token` for `{graph_endpoint}/.default`
// with oauth2's client credentials grant and posts the message to
// `{graph_endpoint}/v1.0/users/{user_id}/sendMail`. GitLab has no encrypted setting for this
// secret (only SMTP's, LDAP's and the mailboxes' have one); gitlab.rb is Ruby, so the secret is
// read from a root-only file, as the Omnibus docs read certificates ("Read certificate from file",
// https://docs.gitlab.com/omnibus/settings/configuration/).
import { domainOfAddress } from "@/lib/email-address"
import { DEFAULT_IDENTITY_URL } from "@/lib/oauth/scopes"
import { signInOf } from "@/lib/schemas/sign-in"

import { rubyString as rb } from "../literals"
import type { SettingsTarget } from "../types"
import {
  AUTHORITY_VARIABLE,
  connectionFacts,
  oauthSignIn,
  secretNote,
  type ConnectionFacts,
} from "../values"

/** Where the Graph mailer's client secret is kept, for gitlab.rb to read. */
export const GRAPH_SECRET_FILE = "/etc/gitlab/microsoft_graph_mailer_client_secret"

/**
 * The Microsoft Graph mailer's lines (app-only). The permission is Microsoft Graph's Mail.Send
 * application permission (GitLab's page; Graph's user-sendmail reference), not the SMTP.SendAsApp
 * of an SMTP test; RBAC for Applications can scope Mail.Send to chosen mailboxes.
 */
function graphMailerLines(facts: ConnectionFacts): string[] {
  return [
    "# GitLab 15.5 or later sends through Microsoft Graph instead of SMTP, signing in as the app",
    "# itself (client credentials): its Microsoft Graph mailer,",
    "# https://docs.gitlab.com/omnibus/settings/microsoft_graph_mailer/",
    "# Your test signed in to SMTP with XOAUTH2. Graph needs another permission on the same app:",
    "# Microsoft Graph > Application permissions > Mail.Send, with admin consent (not Office 365",
    "# Exchange Online's SMTP.SendAsApp): https://learn.microsoft.com/en-us/graph/api/user-sendmail",
    "# Mail.Send lets the app send as any mailbox; RBAC for Applications limits it to chosen ones:",
    "# https://learn.microsoft.com/en-us/exchange/permissions-exo/application-rbac",
    "# SMTP must be off: when it is on, GitLab sends through SMTP and ignores the Graph mailer.",
    "gitlab_rails['smtp_enable'] = false",
    "gitlab_rails['microsoft_graph_mailer_enabled'] = true",
    "# The mailbox to send as: its user principal name (usually its address) or object ID.",
    `gitlab_rails['microsoft_graph_mailer_user_id'] = ${rb(facts.user)}`,
    `gitlab_rails['microsoft_graph_mailer_tenant'] = ${rb(facts.tenant)} # Directory (tenant) ID`,
    `gitlab_rails['microsoft_graph_mailer_client_id'] = ${rb(facts.clientId)} # Application (client) ID`,
    "# The client secret's Value, read from a root-only file at each reconfigure instead of being",
    "# written here. Create the file once:",
    `#   sudo install -m 600 /dev/null ${GRAPH_SECRET_FILE}`,
    `#   sudoedit ${GRAPH_SECRET_FILE}`,
    "# (reconfigure copies it into /var/opt/gitlab/gitlab-rails/etc/gitlab.yml, where GitLab reads it)",
    `gitlab_rails['microsoft_graph_mailer_client_secret'] = File.read(${rb(GRAPH_SECRET_FILE)}).strip`,
    `# Microsoft's sign-in address; ${AUTHORITY_VARIABLE} names another (a national cloud, a test server):`,
    `#   sudo ${AUTHORITY_VARIABLE}=https://login.microsoftonline.us gitlab-ctl reconfigure`,
    `gitlab_rails['microsoft_graph_mailer_azure_ad_endpoint'] = ENV.fetch(${rb(AUTHORITY_VARIABLE)}, ${rb(DEFAULT_IDENTITY_URL)})`,
    "gitlab_rails['microsoft_graph_mailer_graph_endpoint'] = 'https://graph.microsoft.com'",
    "# Graph sends From the mailbox above, or one it may send as (else ErrorSendAsDenied).",
  ]
}

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

/** The From and Reply-To of GitLab's mail, whichever way it sends. */
function emailLines(facts: ConnectionFacts): string[] {
  return [
    "gitlab_rails['gitlab_email_enabled'] = true",
    `gitlab_rails['gitlab_email_from'] = ${rb(facts.fromAddress)}`,
    ...(facts.fromName
      ? [`gitlab_rails['gitlab_email_display_name'] = ${rb(facts.fromName)}`]
      : []),
    `gitlab_rails['gitlab_email_reply_to'] = ${rb(facts.fromAddress)}`,
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
  // The Graph mailer is app-only, and Graph is Microsoft 365's: it serves SMTP AUTH's mailboxes,
  // not a device code sign-in, High Volume Email (SMTP only) or Azure Communication Services.
  oauthVariant: {
    takes:
      "Microsoft Graph instead of SMTP (GitLab 15.5 or later): an app with Graph's Mail.Send application permission, its client secret in a root-only file gitlab.rb reads",
    fits: (values) => values.method.method === "smtp-auth" && signInOf(values) !== "oauth-device",
  },
  render(values) {
    const facts = connectionFacts(values)
    const domain = domainOfAddress(facts.fromAddress)
    if (oauthSignIn(facts) === "oauth-app" && values.method.method === "smtp-auth") {
      return {
        content: [
          "# /etc/gitlab/gitlab.rb: add these lines, then run: sudo gitlab-ctl reconfigure",
          ...graphMailerLines(facts),
          "",
          ...emailLines(facts),
          "",
        ].join("\n"),
        secretNote: `The client secret (its Value) goes in ${GRAPH_SECRET_FILE} (root only, chmod 600), which gitlab.rb reads at each sudo gitlab-ctl reconfigure; GitLab keeps it in /var/opt/gitlab/gitlab-rails/etc/gitlab.yml.`,
      }
    }
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
      ...emailLines(facts),
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
