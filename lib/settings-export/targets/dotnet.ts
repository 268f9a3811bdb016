import { APP_ONLY_SCOPE, DEFAULT_IDENTITY_URL, DELEGATED_SMTP_SCOPE } from "@/lib/oauth/scopes"
import { stringLiteral } from "../literals"
import type { SettingsTarget } from "../types"
import {
  AUTHORITY_VARIABLE,
  CLIENT_SECRET_VARIABLE,
  PASSWORD_VARIABLE,
  connectionFacts,
  oauthSignIn,
  secretNote,
  testSubject,
  type ConnectionFacts,
} from "../values"
import type { OAuthSignIn } from "@/lib/schemas/setup-fields"

const cs = stringLiteral

/** MailKit's SecureSocketOptions for each security mode: StartTls fails rather than send in plain text. */
function secureSocketOption(security: ConnectionFacts["security"]) {
  return security === "tls" ? "SslOnConnect" : security === "starttls" ? "StartTls" : "None"
}

/** ASP.NET Core configuration: the password stays out of the file (Smtp__Password or user-secrets). */
export const dotnetSettingsTarget: SettingsTarget = {
  id: "dotnet-appsettings",
  title: ".NET (appsettings.json)",
  group: "Frameworks and languages",
  filename: "appsettings.json",
  language: "json",
  oauthVerdict: {
    kind: "takes-token",
    how: "the configuration carries the app's IDs; the app gets the token with MSAL.NET and MailKit sends XOAUTH2",
    source: "https://github.com/jstedfast/MailKit/blob/master/ExchangeOAuth2.md",
  },
  oauthVariant: {
    takes:
      "MSAL.NET (Microsoft.Identity.Client) and MailKit, with the client secret in Smtp__ClientSecret",
  },
  render(values) {
    const facts = connectionFacts(values)
    const kind = oauthSignIn(facts)
    const smtp = {
      Host: facts.host,
      Port: facts.port,
      SecureSocketOptions: secureSocketOption(facts.security),
      ...(facts.signsIn ? { Username: facts.user } : {}),
      // OAuth 2.0: the app registration's IDs, which are not secrets (the client secret is).
      ...(kind ? { TenantId: facts.tenant, ClientId: facts.clientId } : {}),
      FromAddress: facts.fromAddress,
      FromName: facts.fromName,
    }
    return {
      content: JSON.stringify({ Smtp: smtp }, null, 2) + "\n",
      secretNote:
        kind === "oauth-app"
          ? 'Set the client secret as the environment variable Smtp__ClientSecret, or with dotnet user-secrets set "Smtp:ClientSecret" during development.'
          : kind === "oauth-device"
            ? "No secret: the mailbox user signs in with a device code when the app asks for a token."
            : secretNote(
                facts,
                'Set the password as the environment variable Smtp__Password, or with dotnet user-secrets set "Smtp:Password" during development.'
              ),
    }
  },
}

/**
 * Sending with MailKit: Microsoft recommends it over System.Net.Mail.SmtpClient for new development
 * (https://learn.microsoft.com/dotnet/api/system.net.mail.smtpclient, Remarks).
 */
export const mailkitTarget: SettingsTarget = {
  id: "dotnet-mailkit",
  title: "C# (MailKit)",
  group: "Frameworks and languages",
  filename: "SendMail.cs",
  language: "csharp",
  oauthVerdict: {
    kind: "takes-token",
    how: "MailKit's SaslMechanismOAuth2 sends XOAUTH2 with the token the program gets from MSAL.NET",
    source: "https://github.com/jstedfast/MailKit/blob/master/ExchangeOAuth2.md",
  },
  oauthVariant: {
    takes: "MSAL.NET (Microsoft.Identity.Client) and the client secret in SMTP_CLIENT_SECRET",
  },
  render(values) {
    const facts = connectionFacts(values)
    const kind = oauthSignIn(facts)
    const signIn = kind
      ? [
          `await client.AuthenticateAsync(new SaslMechanismOAuth2(${cs(facts.user)}, token.AccessToken));`,
        ]
      : facts.signsIn
        ? [
            `await client.AuthenticateAsync(${cs(facts.user)}, Environment.GetEnvironmentVariable(${cs(PASSWORD_VARIABLE)}));`,
          ]
        : []
    const content = [
      "using MailKit.Net.Smtp;",
      "using MailKit.Security;",
      ...(kind ? ["using Microsoft.Identity.Client;"] : []),
      "using MimeKit;",
      "",
      ...(kind ? msalLines(facts, kind) : []),
      "var message = new MimeMessage();",
      `message.From.Add(new MailboxAddress(${cs(facts.fromName)}, ${cs(facts.fromAddress)}));`,
      `message.To.Add(MailboxAddress.Parse(${cs(facts.to)}));`,
      `message.Subject = ${cs(testSubject(facts))};`,
      'message.Body = new TextPart("plain") { Text = "It works." };',
      "",
      "using var client = new SmtpClient();",
      `await client.ConnectAsync(${cs(facts.host)}, ${facts.port}, SecureSocketOptions.${secureSocketOption(facts.security)});`,
      ...signIn,
      "await client.SendAsync(message);",
      "await client.DisconnectAsync(true);",
      "",
    ].join("\n")
    return {
      content,
      secretNote:
        kind === "oauth-app"
          ? `The client secret is read from the ${CLIENT_SECRET_VARIABLE} environment variable.`
          : kind === "oauth-device"
            ? "No secret: the program prints a code for the mailbox user to enter at Microsoft's sign-in page."
            : secretNote(
                facts,
                `The password is read from the ${PASSWORD_VARIABLE} environment variable.`
              ),
    }
  },
}

/**
 * The token from MSAL.NET (Microsoft.Identity.Client): ConfidentialClientApplicationBuilder and
 * AcquireTokenForClient for app-only, PublicClientApplicationBuilder and AcquireTokenWithDeviceCode
 * for a user, with the scopes of SOURCES.oauth. MailKit's SaslMechanismOAuth2 then signs in with
 * XOAUTH2.
 */
function msalLines(facts: ConnectionFacts, kind: OAuthSignIn): string[] {
  const authority = [
    `// Microsoft's sign-in address; ${AUTHORITY_VARIABLE} names another (a national cloud, a test server).`,
    `var authority = (Environment.GetEnvironmentVariable(${cs(AUTHORITY_VARIABLE)}) ?? ${cs(DEFAULT_IDENTITY_URL)})`,
    `    + "/" + ${cs(facts.tenant)}; // Directory (tenant) ID`,
  ]
  if (kind === "oauth-app") {
    return [
      "// OAuth 2.0 app-only (client credentials): the app signs in as itself, no user.",
      ...authority,
      `var app = ConfidentialClientApplicationBuilder.Create(${cs(facts.clientId)}) // Application (client) ID`,
      `    .WithClientSecret(Environment.GetEnvironmentVariable(${cs(CLIENT_SECRET_VARIABLE)}))`,
      "    .WithAuthority(authority)",
      "    .Build();",
      `var token = await app.AcquireTokenForClient(new[] { ${cs(APP_ONLY_SCOPE)} }).ExecuteAsync();`,
      "",
    ]
  }
  return [
    "// OAuth 2.0 as a user (device code flow): the mailbox user signs in in a browser with the code",
    "// printed here. MSAL keeps the token in memory; persist its cache to sign in only once.",
    ...authority,
    `var app = PublicClientApplicationBuilder.Create(${cs(facts.clientId)}) // Application (client) ID`,
    "    .WithAuthority(authority)",
    "    .Build();",
    `var token = await app.AcquireTokenWithDeviceCode(new[] { ${cs(DELEGATED_SMTP_SCOPE)} }, code =>`,
    "{",
    "    Console.WriteLine(code.Message); // where to sign in, and the code to enter",
    "    return Task.CompletedTask;",
    "}).ExecuteAsync();",
    "",
  ]
}
