/**
 * Go with github.com/wneessen/go-mail: net/smtp has no AUTH LOGIN, which Microsoft 365 needs (it
 * offers LOGIN and XOAUTH2, not PLAIN). API: https://pkg.go.dev/github.com/wneessen/go-mail
 * (NewClient, WithPort, WithTLSPolicy, WithSSL, WithSMTPAuth, NewMsg, FromMailAddress, DialAndSend).
 */
import { APP_ONLY_SCOPE, DEFAULT_IDENTITY_URL } from "@/lib/oauth/scopes"
import { signInOf } from "@/lib/schemas/sign-in"

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

/** The module path of MSAL for Go, Microsoft's library for the token. */
const MSAL_GO = "github.com/AzureAD/microsoft-authentication-library-for-go"

/**
 * OAuth 2.0 app-only: the token from MSAL for Go's confidential client (apps/confidential:
 * NewCredFromSecret, New, WithInstanceDiscovery, AcquireTokenByCredential; its README and
 * apps/confidential/confidential.go), which go-mail sends with SMTPAuthXOAUTH2 as the password.
 * MSAL asks Microsoft about a sign-in address it does not know (instance discovery) unless told not
 * to, so WithInstanceDiscovery is on for Microsoft's own address only, as in the Python variant.
 * The program sends once and exits; one that sends again calls AcquireTokenByCredential again,
 * which answers from MSAL's cache until the token expires (MSAL for Go 1.6 and later).
 */
function appOnlyTokenLines(facts: ConnectionFacts): string[] {
  return [
    `\tsecret := os.Getenv(${go(CLIENT_SECRET_VARIABLE)})`,
    '\tif secret == "" {',
    `\t\tlog.Fatal(${go(`set the ${CLIENT_SECRET_VARIABLE} environment variable to the Entra app's client secret (its Value)`)})`,
    "\t}",
    "\tcredential, err := confidential.NewCredFromSecret(secret)",
    "\tif err != nil {",
    "\t\tlog.Fatal(err)",
    "\t}",
    `\t// Microsoft's sign-in address; ${AUTHORITY_VARIABLE} names another (a national cloud, a test`,
    "\t// server), which MSAL then takes as given instead of asking Microsoft about it.",
    `\tauthority, custom := os.LookupEnv(${go(AUTHORITY_VARIABLE)})`,
    "\tif !custom {",
    `\t\tauthority = ${go(DEFAULT_IDENTITY_URL)}`,
    "\t}",
    "\tapp, err := confidential.New(",
    "\t\t// The sign-in address of the Directory (tenant) ID, then the Application (client) ID.",
    `\t\tauthority+${go(`/${facts.tenant}`)},`,
    `\t\t${go(facts.clientId)},`,
    "\t\tcredential,",
    "\t\tconfidential.WithInstanceDiscovery(!custom),",
    "\t)",
    "\tif err != nil {",
    "\t\tlog.Fatal(err)",
    "\t}",
    "\t// OAuth 2.0 app-only (client credentials): the app signs in as itself, no user.",
    `\ttoken, err := app.AcquireTokenByCredential(context.Background(), []string{${go(APP_ONLY_SCOPE)}})`,
    "\tif err != nil {",
    '\t\t// Microsoft\'s reason, for example "AADSTS7000215: Invalid client secret provided."',
    "\t\tlog.Fatal(err)",
    "\t}",
    "",
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
    // Merged before v0.4.0 (wneessen/go-mail's history: "Merge pull request #130 from
    // drakkan/xoauth2", then "v0.4.0-prep"); the option is SMTPAuthXOAUTH2 in auth.go.
    source: "https://github.com/wneessen/go-mail/pull/130",
  },
  oauthVariant: {
    takes: `MSAL for Go (go get ${MSAL_GO}) and the client secret in ${CLIENT_SECRET_VARIABLE}; app-only only`,
    // A device code sign-in needs a person at a browser, which a program sending mail has not.
    fits: (values) => signInOf(values) !== "oauth-device",
  },
  render(values) {
    const facts = connectionFacts(values)
    const appOnly = oauthSignIn(facts) === "oauth-app"
    const modules = appOnly
      ? `github.com/wneessen/go-mail ${MSAL_GO}`
      : "github.com/wneessen/go-mail"
    const content = [
      `// Sends one message through ${facts.service.name}. Go's net/smtp has no AUTH LOGIN, so this uses go-mail:`,
      "//",
      `//\tgo mod init sendmail && go get ${modules} && go run .`,
      "package main",
      "",
      "import (",
      ...(appOnly ? ['\t"context"'] : []),
      '\t"log"',
      '\tnetmail "net/mail"',
      ...(facts.signsIn ? ['\t"os"'] : []),
      "",
      ...(appOnly ? [`\t"${MSAL_GO}/apps/confidential"`] : []),
      '\t"github.com/wneessen/go-mail"',
      ")",
      "",
      "func main() {",
      ...(appOnly
        ? appOnlyTokenLines(facts)
        : facts.signsIn
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
      ...(appOnly
        ? [
            "\t\t// XOAUTH2 (go-mail 0.4.0 or later), with the app's token as the password.",
            "\t\tmail.WithSMTPAuth(mail.SMTPAuthXOAUTH2),",
            `\t\tmail.WithUsername(${go(facts.user)}),`,
            "\t\tmail.WithPassword(token.AccessToken),",
          ]
        : facts.signsIn
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
      secretNote: appOnly
        ? `The client secret is read from the ${CLIENT_SECRET_VARIABLE} environment variable; the program stops if it is not set.`
        : secretNote(
            facts,
            `The password is read from the ${PASSWORD_VARIABLE} environment variable; the program stops if it is not set.`
          ),
    }
  },
}
