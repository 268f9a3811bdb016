/**
 * Go with github.com/wneessen/go-mail: net/smtp has no AUTH LOGIN, which Microsoft 365 needs (it
 * offers LOGIN and XOAUTH2, not PLAIN). API: https://pkg.go.dev/github.com/wneessen/go-mail
 * (NewClient, WithPort, WithTLSPolicy, WithSSL, WithSMTPAuth, NewMsg, FromMailAddress, DialAndSend).
 */
import { stringLiteral } from "../literals"
import type { SettingsTarget } from "../types"
import {
  PASSWORD_VARIABLE,
  connectionFacts,
  secretNote,
  testSubject,
  type ConnectionFacts,
} from "../values"

const go = stringLiteral

/** The client options for each security mode, with why. */
function tlsOptions(security: ConnectionFacts["security"]): string[] {
  if (security === "tls") return ["\t\t// Implicit TLS from the first byte.", "\t\tmail.WithSSL(),"]
  // WithTLSPolicy, not WithTLSPortPolicy: that one moves port 25 to 587.
  return security === "starttls"
    ? [
        "\t\t// STARTTLS or nothing: never sends in plain text.",
        "\t\tmail.WithTLSPolicy(mail.TLSMandatory),",
      ]
    : [
        "\t\t// No encryption required; STARTTLS is still used when offered.",
        "\t\tmail.WithTLSPolicy(mail.TLSOpportunistic),",
      ]
}

export const goMailTarget: SettingsTarget = {
  id: "go",
  title: "Go (go-mail)",
  group: "Frameworks and languages",
  filename: "main.go",
  language: "go",
  oauthVerdict: {
    kind: "takes-token",
    since: "go-mail 0.4.0",
    how: "go-mail sends XOAUTH2 (SMTPAuthXOAUTH2) with the token given as the password; the program gets it (MSAL for Go)",
    source: "https://github.com/wneessen/go-mail/pull/130",
  },
  render(values) {
    const facts = connectionFacts(values)
    const content = [
      `// Sends one message through ${facts.service.name}. Go's net/smtp has no AUTH LOGIN, so this uses go-mail:`,
      "//",
      "//\tgo mod init sendmail && go get github.com/wneessen/go-mail && go run .",
      "package main",
      "",
      "import (",
      '\t"log"',
      '\tnetmail "net/mail"',
      ...(facts.signsIn ? ['\t"os"'] : []),
      "",
      '\t"github.com/wneessen/go-mail"',
      ")",
      "",
      "func main() {",
      ...(facts.signsIn
        ? [
            `\tpassword := os.Getenv(${go(PASSWORD_VARIABLE)})`,
            '\tif password == "" {',
            `\t\tlog.Fatal(${go(`set the ${PASSWORD_VARIABLE} environment variable to ${facts.secret.name}`)})`,
            "\t}",
            "",
          ]
        : []),
      "\tmessage := mail.NewMsg()",
      "\t// A net/mail Address quotes the name as needed (FromFormat does not escape quotes).",
      `\tmessage.FromMailAddress(&netmail.Address{Name: ${go(facts.fromName)}, Address: ${go(facts.fromAddress)}})`,
      `\tif err := message.To(${go(facts.to)}); err != nil {`,
      "\t\tlog.Fatal(err)",
      "\t}",
      `\tmessage.Subject(${go(testSubject(facts))})`,
      '\tmessage.SetBodyString(mail.TypeTextPlain, "It works.")',
      "",
      `\tclient, err := mail.NewClient(${go(facts.host)},`,
      `\t\tmail.WithPort(${facts.port}),`,
      ...tlsOptions(facts.security),
      "\t\t// go-mail checks the server certificate and its name by default.",
      ...(facts.signsIn
        ? [
            "\t\tmail.WithSMTPAuth(mail.SMTPAuthLogin),",
            `\t\tmail.WithUsername(${go(facts.user)}),`,
            "\t\tmail.WithPassword(password),",
          ]
        : []),
      "\t)",
      "\tif err != nil {",
      "\t\tlog.Fatal(err)",
      "\t}",
      "\tif err := client.DialAndSend(message); err != nil {",
      "\t\tlog.Fatal(err)",
      "\t}",
      "}",
      "",
    ].join("\n")
    return {
      content,
      secretNote: secretNote(
        facts,
        `The password is read from the ${PASSWORD_VARIABLE} environment variable; the program stops if it is not set.`
      ),
    }
  },
}
