// The OAuth 2.0 variants of GitLab (its Microsoft Graph mailer) and Zabbix (the Email media type's
// OAuth sign-in). Neither program runs here: gitlab.rb is checked by Ruby (ruby -c, then evaluated
// as gitlab-ctl reconfigure does) and its values get a real token from the practice identity
// server through Debian's ruby-oauth2; Zabbix's API request is read by JSON.parse against the
// documented fields, and the command that adds the client secret runs for real (jq).
import { afterAll, beforeAll, describe, expect, test } from "vitest"

import { verifyAccessToken } from "@/lib/practice/access-tokens"
import { startIdentityServer, type RunningIdentityServer } from "@/lib/practice/identity-server"
import {
  PRACTICE_CLIENT_SECRET,
  PRACTICE_TENANT_ID,
  type PracticeAppId,
} from "@/lib/practice/identity-scenarios"
import type { SetupValues } from "@/lib/schemas/setup"
import type { OAuthSignIn } from "@/lib/schemas/setup-fields"
import { testServerTls } from "@/test-support/test-ca"
import {
  AWKWARD_SECRET,
  HVE_USER,
  SCRATCH,
  caEnv,
  hveSetup,
  outputOf as file,
  run,
  smtpAuthSetup,
  writeScratch,
  oauthSmtpAuthSetup,
} from "@/test-support/settings-export"
import { buildSettingsFiles } from "../index"
import { oauthVariantLine, oauthVerdictLine } from "../oauth-note"
import { GRAPH_SECRET_FILE, gitlabTarget } from "./gitlab"
import { zabbixTarget } from "./zabbix"

/** The practice app with Microsoft Graph's Mail.Send application permission. */
const GRAPH_APP: PracticeAppId = "3f2b8c41-0a6e-4d6b-9c1e-000000000006"
const DEVICE_APP: PracticeAppId = "3f2b8c41-0a6e-4d6b-9c1e-000000000011"
const TOKEN_KEY = "gitlab-zabbix-oauth-test-key"

let identity: RunningIdentityServer

beforeAll(async () => {
  identity = await startIdentityServer({ tls: testServerTls(), tokenKey: TOKEN_KEY })
})
afterAll(() => identity.close())

/** SMTP AUTH at smtp.office365.com as the wizard submits it after an OAuth test. */
function oauthSetup(
  authType: OAuthSignIn,
  clientId: string = authType === "oauth-app" ? GRAPH_APP : DEVICE_APP
): SetupValues {
  return oauthSmtpAuthSetup(587, authType, clientId, { host: "smtp.office365.com" })
}

/** High Volume Email after an app-only test: an HVE account, which sends over SMTP only. */
function hveAppOnly(): SetupValues {
  const setup = hveSetup(587, { host: "smtp.hve.mx.microsoft" })
  return {
    ...setup,
    account: {
      authType: "oauth-app",
      user: HVE_USER,
      pass: "",
      tenant: PRACTICE_TENANT_ID,
      clientId: GRAPH_APP,
      clientSecret: PRACTICE_CLIENT_SECRET,
    },
  }
}

describe("GitLab's Microsoft Graph mailer (GitLab and its gem are not installable here: ruby -c, then Ruby evaluates gitlab.rb and Debian's ruby-oauth2 gets the token)", () => {
  /**
   * gitlab.rb as gitlab-ctl reconfigure evaluates it (plain Ruby with gitlab_rails as a Hash),
   * after `ruby -c`. The secret file the variant reads is the test's own: its path is the only
   * thing changed in the file.
   */
  async function gitlabRails(content: string, env: NodeJS.ProcessEnv = caEnv) {
    const secretFile = await writeScratch(
      "gitlab-graph/client_secret",
      `${PRACTICE_CLIENT_SECRET}\n`
    )
    const rb = await writeScratch(
      "gitlab-graph/gitlab.rb",
      content.replace(`'${GRAPH_SECRET_FILE}'`, `'${secretFile}'`)
    )
    const { stdout: syntax } = await run("ruby", ["-c", rb], { timeout: 15_000 })
    expect(syntax).toContain("Syntax OK")
    const evaluate = await writeScratch(
      "gitlab-graph/eval.rb",
      [
        'require "json"',
        "$gitlab_rails = {}",
        "def gitlab_rails = $gitlab_rails",
        "load ARGV[0]",
        "puts JSON.generate($gitlab_rails)",
        "",
      ].join("\n")
    )
    const { stdout } = await run("ruby", [evaluate, rb], { env, timeout: 15_000 })
    return JSON.parse(stdout) as Record<string, unknown>
  }

  test("app-only: SMTP off and the Graph mailer's documented keys, the secret from its file", async () => {
    const output = file("gitlab", oauthSetup("oauth-app"))
    const { OAUTH_AUTHORITY: _unset, ...env } = caEnv
    expect(await gitlabRails(output.content, env)).toEqual({
      smtp_enable: false,
      microsoft_graph_mailer_enabled: true,
      microsoft_graph_mailer_user_id: "sender@contoso.com",
      microsoft_graph_mailer_tenant: PRACTICE_TENANT_ID,
      microsoft_graph_mailer_client_id: GRAPH_APP,
      microsoft_graph_mailer_client_secret: PRACTICE_CLIENT_SECRET,
      microsoft_graph_mailer_azure_ad_endpoint: "https://login.microsoftonline.com",
      microsoft_graph_mailer_graph_endpoint: "https://graph.microsoft.com",
      gitlab_email_enabled: true,
      gitlab_email_from: "sender@contoso.com",
      gitlab_email_display_name: 'Scan "Floor 2" #1',
      gitlab_email_reply_to: "sender@contoso.com",
    })
    expect(output.content).not.toContain(PRACTICE_CLIENT_SECRET)
    expect(output.content.split("\n")).toEqual(
      expect.arrayContaining([
        `# ${oauthVerdictLine(gitlabTarget.oauthVerdict)}`,
        "# Your test signed in to SMTP with XOAUTH2. Graph needs another permission on the same app:",
        "# Microsoft Graph > Application permissions > Mail.Send, with admin consent (not Office 365",
        "# Exchange Online's SMTP.SendAsApp): https://learn.microsoft.com/en-us/graph/api/user-sendmail",
        `#   sudo install -m 600 /dev/null ${GRAPH_SECRET_FILE}`,
        `gitlab_rails['microsoft_graph_mailer_client_secret'] = File.read('${GRAPH_SECRET_FILE}').strip`,
      ])
    )
    expect(output.secretNote).toBe(
      `The client secret (its Value) goes in ${GRAPH_SECRET_FILE} (root only, chmod 600), which gitlab.rb reads at each sudo gitlab-ctl reconfigure; GitLab keeps it in /var/opt/gitlab/gitlab-rails/etc/gitlab.yml.`
    )
  })

  /**
   * The token request of GitLab's gem (vendor/gems/microsoft_graph_mailer/lib/microsoft_graph_mailer/
   * client.rb: OAuth2::Client with site azure_ad_endpoint and token_url /{tenant}/oauth2/v2.0/token,
   * client_credentials for {graph_endpoint}/.default), with the values gitlab.rb set. The gem
   * accepts oauth2 1.4.4 or later; Debian's is 1.4.4, which sends the secret in the form (oauth2
   * 2.x, which GitLab bundles, sends it as HTTP Basic, which Microsoft also takes).
   */
  async function graphToken(clientSecret: string) {
    const settings = await gitlabRails(file("gitlab", oauthSetup("oauth-app")).content, {
      ...caEnv,
      OAUTH_AUTHORITY: identity.url,
    })
    const script = await writeScratch(
      "gitlab-graph/token.rb",
      [
        'require "json"',
        'require "oauth2"',
        "s = JSON.parse(ARGV[0])",
        'client = OAuth2::Client.new(s["microsoft_graph_mailer_client_id"], ARGV[1],',
        '  site: s["microsoft_graph_mailer_azure_ad_endpoint"],',
        '  token_url: "/#{s["microsoft_graph_mailer_tenant"]}/oauth2/v2.0/token")',
        'token = client.client_credentials.get_token({ scope: "#{s["microsoft_graph_mailer_graph_endpoint"]}/.default" })',
        "puts token.token",
        "",
      ].join("\n")
    )
    return run("ruby", [script, JSON.stringify(settings), clientSecret], {
      env: caEnv,
      timeout: 30_000,
    })
  }

  test("the values it sets get a Microsoft Graph token (Mail.Send) as GitLab's gem asks for it", async () => {
    const { stdout } = await graphToken(PRACTICE_CLIENT_SECRET)
    expect(verifyAccessToken(stdout.trim(), TOKEN_KEY)).toMatchObject({
      aud: "https://graph.microsoft.com",
      appid: GRAPH_APP,
      idtyp: "app",
      roles: ["Mail.Send"],
    })
    expect(identity.requests).toContainEqual({
      path: `/${PRACTICE_TENANT_ID}/oauth2/v2.0/token`,
      grant: "client_credentials",
      clientId: GRAPH_APP,
    })
  })

  test("a wrong secret in the file: Microsoft's AADSTS reason from oauth2", async () => {
    await expect(graphToken("not-the-secret")).rejects.toMatchObject({
      stderr: expect.stringContaining("AADSTS7000215: Invalid client secret provided."),
    })
  })

  test("device code and High Volume Email keep the SMTP settings under the note", () => {
    const device = file("gitlab", oauthSetup("oauth-device")).content
    expect(device.split("\n")[0]).toBe(`# ${oauthVerdictLine(gitlabTarget.oauthVerdict)}`)
    expect(device).toContain(
      "# - point this software at a local OAuth 2.0 bridge: Email OAuth 2.0 Proxy (its file is under"
    )
    expect(device).not.toContain("gitlab_rails['microsoft_graph_mailer")
    const hve = file("gitlab", hveAppOnly())
    expect(hve.content).toContain(
      "# The settings below sign in with the HVE account's password (Basic authentication)"
    )
    expect(hve.content).toContain("gitlab_rails['smtp_address'] = 'smtp.hve.mx.microsoft'")
    expect(hve.content).not.toContain("gitlab_rails['microsoft_graph_mailer")
  })

  test("a password test on SMTP AUTH says the Graph variant exists; High Volume Email's does not", () => {
    const lines = file("gitlab", smtpAuthSetup(587)).content.split("\n")
    expect(lines[0]).toBe(`# ${oauthVariantLine(gitlabTarget.oauthVariant?.takes ?? "")}`)
    expect(lines[0]).toContain("Graph's Mail.Send application permission")
    expect(file("gitlab", hveSetup(587)).content).not.toContain("OAuth 2.0")
  })
})

/**
 * The media type object's properties in Zabbix 7.4's API reference
 * (https://www.zabbix.com/documentation/7.4/en/manual/api/reference/mediatype/object), also
 * CMediatype::OUTPUT_FIELDS in Zabbix's ui/include/classes/api/services/CMediatype.php.
 */
const MEDIATYPE_FIELDS = [
  "mediatypeid",
  "name",
  "type",
  "exec_path",
  "gsm_modem",
  "passwd",
  "provider",
  "smtp_email",
  "smtp_helo",
  "smtp_server",
  "smtp_port",
  "smtp_security",
  "smtp_verify_host",
  "smtp_verify_peer",
  "smtp_authentication",
  "redirection_url",
  "client_id",
  "client_secret",
  "authorization_url",
  "token_url",
  "tokens_status",
  "access_token",
  "access_token_updated",
  "access_expires_in",
  "refresh_token",
  "status",
  "username",
  "maxsessions",
  "maxattempts",
  "attempt_interval",
  "message_format",
  "script",
  "timeout",
  "process_tags",
  "show_event_menu",
  "event_menu_url",
  "event_menu_name",
  "parameters",
  "description",
]
/** What mediatype.create requires for OAuth (CMediatype::validateSmtpAuthenticationOauthFields). */
const OAUTH_REQUIRED = [
  "redirection_url",
  "client_id",
  "client_secret",
  "authorization_url",
  "token_url",
]

describe("Zabbix's OAuth media type (Zabbix is not installable here: the API request read by JSON.parse, its jq step run for real)", () => {
  /** The mediatype.json block of the file: from its "{" line to its "}" line. */
  function requestOf(content: string): { method: string; params: Record<string, unknown> } {
    const lines = content.split("\n")
    const start = lines.indexOf("{")
    return JSON.parse(lines.slice(start, lines.indexOf("}", start) + 1).join("\n"))
  }

  test("app-only: the form's OAuth fields with the tenant's endpoints, and why Zabbix needs a user", () => {
    const output = file("zabbix", oauthSetup("oauth-app"))
    const endpoint = `https://login.microsoftonline.com/${PRACTICE_TENANT_ID}/oauth2/v2.0`
    expect(output.content).toContain(
      [
        "Your test signed in as the app (client credentials). Zabbix cannot: it signs in once as",
        "sender@contoso.com in a browser and renews that user's token itself, so the app needs the",
        "delegated permission SMTP.Send (not only the application permission SMTP.SendAsApp).",
      ].join("\n")
    )
    expect(output.content).toContain(
      [
        "Email provider: Generic SMTP",
        "  (not Office365: its OAuth signs in at Microsoft's /common/ address, which an app",
        "  registered for one organisation refuses)",
        "SMTP server: smtp.office365.com",
        "SMTP server port: 587",
        'Email: "Scan \\"Floor 2\\" #1" <sender@contoso.com>',
        "SMTP helo: contoso.com",
        "Connection security: STARTTLS",
        "SSL verify peer: checked (the certificate must be trusted)",
        "SSL verify host: checked (the certificate must name the server)",
        "Authentication: OAuth",
        "OAuth tokens: Configure, then in the OAuth window:",
        "  Redirection endpoint: https://<your Zabbix frontend>/zabbix.php?action=oauth.authorize",
        "    (Zabbix fills it in when Administration > General > Other > Frontend URL is set)",
        `  Client ID: ${GRAPH_APP}`,
        "  Client secret: type the client secret (its Value) into the form",
        `  Authorization endpoint: ${endpoint}/authorize`,
        "  Authorization parameters:",
        "    response_type: code",
        "    scope: https://outlook.office.com/SMTP.Send offline_access",
        "  Authorization code: Automatic",
        `  Token endpoint: ${endpoint}/token`,
        "  Token parameters:",
        "    grant_type: authorization_code",
      ].join("\n")
    )
    expect(output.content.split("\n")[0]).toBe(oauthVerdictLine(zabbixTarget.oauthVerdict))
    expect(output.content).not.toContain(PRACTICE_CLIENT_SECRET)
  })

  test("device code: the same media type, with what the device code app still needs", () => {
    const content = file("zabbix", oauthSetup("oauth-device")).content
    expect(content).toContain(
      [
        "Your test signed in with a device code; Zabbix signs in through the browser instead, with",
        "a redirect to Zabbix and a client secret, so the app registration needs both (below).",
      ].join("\n")
    )
    expect(content).toContain(`  Client ID: ${DEVICE_APP}\n`)
    expect(content).toContain("Authentication: OAuth\n")
  })

  test("the API request: mediatype.create with documented fields only, OAuth's required ones once the command adds two", () => {
    const request = requestOf(file("zabbix", oauthSetup("oauth-app")).content)
    expect(request.method).toBe("mediatype.create")
    expect(Object.keys(request.params).filter((key) => !MEDIATYPE_FIELDS.includes(key))).toEqual([])
    expect(OAUTH_REQUIRED.filter((key) => !(key in request.params))).toEqual([
      "redirection_url",
      "client_secret",
    ])
    const endpoint = `https://login.microsoftonline.com/${PRACTICE_TENANT_ID}/oauth2/v2.0`
    expect(request.params).toEqual({
      type: 0,
      name: "Microsoft 365",
      provider: 0,
      smtp_server: "smtp.office365.com",
      smtp_port: 587,
      smtp_email: '"Scan \\"Floor 2\\" #1" <sender@contoso.com>',
      smtp_helo: "contoso.com",
      smtp_security: 1,
      smtp_verify_peer: 1,
      smtp_verify_host: 1,
      smtp_authentication: 2,
      client_id: GRAPH_APP,
      authorization_url: `${endpoint}/authorize?response_type=code&scope=https%3A%2F%2Foutlook.office.com%2FSMTP.Send+offline_access`,
      token_url: `${endpoint}/token?grant_type=authorization_code`,
    })
    const authorization = new URL(request.params.authorization_url as string)
    expect(authorization.searchParams.get("scope")).toBe(
      "https://outlook.office.com/SMTP.Send offline_access"
    )
  })

  test("the command's jq step adds the client secret and the redirection endpoint from the environment", async () => {
    const content = file("zabbix", oauthSetup("oauth-app")).content
    await writeScratch("zabbix/mediatype.json", JSON.stringify(requestOf(content)))
    const jqLine = content.split("\n").find((line) => line.startsWith("  jq "))
    expect(jqLine).toMatch(/ mediatype\.json \|$/)
    const { stdout } = await run("/bin/sh", ["-c", (jqLine ?? "").replace(/ \|$/, "")], {
      cwd: `${SCRATCH}/zabbix`,
      env: {
        ...process.env,
        SMTP_CLIENT_SECRET: AWKWARD_SECRET,
        ZABBIX_URL: "https://zabbix.contoso.com/zabbix",
      },
      timeout: 15_000,
    })
    const request = JSON.parse(stdout) as { params: Record<string, unknown> }
    expect(request.params).toMatchObject({
      client_secret: AWKWARD_SECRET,
      redirection_url: "https://zabbix.contoso.com/zabbix/zabbix.php?action=oauth.authorize",
    })
    expect(OAUTH_REQUIRED.filter((key) => !(key in request.params))).toEqual([])
    expect(content).toContain(
      `    curl -sS --data @- -H 'Content-Type: application/json-rpc' -H "Authorization: Bearer $ZABBIX_API_TOKEN" "$ZABBIX_URL/api_jsonrpc.php"`
    )
  })

  test("implicit TLS is smtp_security 2; no encryption leaves the SSL checks out", () => {
    const tls = oauthSetup("oauth-app")
    tls.server = { ...tls.server, port: "465", security: "tls" }
    expect(requestOf(file("zabbix", tls).content).params).toMatchObject({
      smtp_port: 465,
      smtp_security: 2,
    })
    const plain = oauthSetup("oauth-app")
    plain.server = { ...plain.server, security: "none" }
    const params = requestOf(file("zabbix", plain).content).params
    expect(params.smtp_security).toBe(0)
    expect(params).not.toHaveProperty("smtp_verify_peer")
  })

  test("High Volume Email (app-only only) keeps the password form under the note", () => {
    const content = file("zabbix", hveAppOnly()).content
    expect(content).toContain(
      "The settings below sign in with the HVE account's password (Basic authentication)"
    )
    expect(content).toContain("Password: type the HVE account's password into the form\n")
    expect(content).not.toContain("OAuth tokens")
  })

  test("after an OAuth test, Applications opens on its variants: WordPress, GitLab, then Zabbix", () => {
    const ids = buildSettingsFiles(oauthSetup("oauth-app"))
      .filter((f) => f.group === "Applications")
      .map((f) => f.id)
    expect(ids.slice(0, 3)).toEqual(["wordpress", "gitlab", "zabbix"])
    const device = buildSettingsFiles(oauthSetup("oauth-device"))
      .filter((f) => f.group === "Applications")
      .map((f) => f.id)
    expect(device[0]).toBe("zabbix")
  })
})
