import { stringLiteral } from "../literals"
import type { SettingsTarget } from "../types"
import { PASSWORD_VARIABLE, connectionFacts, secretNote, type ConnectionFacts } from "../values"

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
  render(values) {
    const facts = connectionFacts(values)
    const smtp = {
      Host: facts.host,
      Port: facts.port,
      SecureSocketOptions: secureSocketOption(facts.security),
      ...(facts.signsIn ? { Username: facts.user } : {}),
      FromAddress: facts.fromAddress,
      FromName: facts.fromName,
    }
    return {
      content: JSON.stringify({ Smtp: smtp }, null, 2) + "\n",
      secretNote: secretNote(
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
  render(values) {
    const facts = connectionFacts(values)
    const cs = stringLiteral
    const content = [
      "using MailKit.Net.Smtp;",
      "using MailKit.Security;",
      "using MimeKit;",
      "",
      "var message = new MimeMessage();",
      `message.From.Add(new MailboxAddress(${cs(facts.fromName)}, ${cs(facts.fromAddress)}));`,
      `message.To.Add(MailboxAddress.Parse(${cs(facts.to)}));`,
      'message.Subject = "Hello from Microsoft 365";',
      'message.Body = new TextPart("plain") { Text = "It works." };',
      "",
      "using var client = new SmtpClient();",
      `await client.ConnectAsync(${cs(facts.host)}, ${facts.port}, SecureSocketOptions.${secureSocketOption(facts.security)});`,
      ...(facts.signsIn
        ? [
            `await client.AuthenticateAsync(${cs(facts.user)}, Environment.GetEnvironmentVariable(${cs(PASSWORD_VARIABLE)}));`,
          ]
        : []),
      "await client.SendAsync(message);",
      "await client.DisconnectAsync(true);",
      "",
    ].join("\n")
    return {
      content,
      secretNote: secretNote(
        facts,
        `The password is read from the ${PASSWORD_VARIABLE} environment variable.`
      ),
    }
  },
}
