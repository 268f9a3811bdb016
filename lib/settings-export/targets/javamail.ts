/**
 * Jakarta Mail (JavaMail) session properties, loaded into a java.util.Properties for Session.getInstance.
 * Keys: the SMTP provider's package docs, https://jakarta.ee/specifications/mail/2.1/apidocs/ and
 * https://eclipse-ee4j.github.io/angus-mail/docs/api/org.eclipse.angus.mail/org/eclipse/angus/mail/smtp/package-summary.html
 * (com.sun.mail.smtp in Jakarta Mail 2.0); mail.from: the jakarta.mail package summary.
 */
import { APP_ONLY_SCOPE } from "@/lib/oauth/scopes"
import { signInOf } from "@/lib/schemas/sign-in"

import { stringLiteral as java, mailbox } from "../literals"
import { msal4jAuthorityLines, msal4jBuildLines } from "../msal4j"
import type { SettingsTarget } from "../types"
import {
  CLIENT_SECRET_VARIABLE,
  PASSWORD_VARIABLE,
  connectionFacts,
  oauthSignIn,
  secretNote,
  type ConnectionFacts,
} from "../values"

/**
 * OAuth 2.0 app-only: Jakarta Mail sends the password as the XOAUTH2 token when XOAUTH2 is the only
 * mechanism ("The access token is passed as the password", https://javaee.github.io/javamail/OAuth2,
 * JavaMail 1.5.5 and later). The token comes from MSAL4J, Microsoft's library for Java
 * (ConfidentialClientApplication with a client secret, acquireToken with ClientCredentialParameters,
 * which answers from its cache until the token is about to expire: MSAL4J 1.17.3 and later, as
 * 1.17.0 to 1.17.2 kept it until 5 minutes after, "Correctly set buffer for expired tokens (#875)",
 * https://github.com/AzureAD/microsoft-authentication-library-for-java/blob/dev/changelog.txt;
 * instanceDiscovery, 1.13.4 and later, off for a sign-in address that is not Microsoft's, which
 * MSAL4J would otherwise check with Microsoft).
 *
 * Each send opens its own connection with transport.connect(user, token) and a token asked for
 * then (saveChanges, getTransport, connect, sendMessage, close, as in the Jakarta Mail FAQ's answer
 * on sending repeatedly, https://github.com/jakartaee/mail-api/blob/2.1.5/www/FAQ.html, "rptsend").
 * Not a Session Authenticator: Jakarta Mail's Service.connect, given no password, offers the one
 * saved in the Session first and saves only the first one it got
 * (https://github.com/jakartaee/mail-api/blob/2.1.5/api/src/main/java/jakarta/mail/Service.java#L324-L338
 * and #L387-L389), so every later connection signs in with the first token; once that has expired,
 * each is refused before Jakarta Mail asks the Authenticator again and connects a second time
 * (#L350-L368). A password given to connect is neither looked up nor saved. A .properties file
 * cannot hold code, so the Java lines are comments.
 */
function appOnlyLines(facts: ConnectionFacts): string[] {
  const code = [
    "import com.microsoft.aad.msal4j.ClientCredentialFactory;",
    "import com.microsoft.aad.msal4j.ClientCredentialParameters;",
    "import com.microsoft.aad.msal4j.ConfidentialClientApplication;",
    "import jakarta.mail.Message;",
    "import jakarta.mail.MessagingException;",
    "import jakarta.mail.Session;",
    "import jakarta.mail.Transport;",
    "import java.net.MalformedURLException;",
    "import java.util.Properties;",
    "import java.util.Set;",
    "",
    "/** Sends with these properties, each connection signed in with a current token of the app. */",
    "public class MicrosoftMail {",
    "  public final Session session;",
    "  private final ConfidentialClientApplication app;",
    "",
    "  public MicrosoftMail(Properties properties) throws MalformedURLException {",
    "    // No Authenticator: Jakarta Mail would keep the first token it gave and send it again, expired too.",
    "    session = Session.getInstance(properties);",
    ...msal4jAuthorityLines("    "),
    ...msal4jBuildLines(facts, "    "),
    "  }",
    "",
    "  /** MSAL4J's cached token, or a new one when it is about to expire. */",
    "  String token() {",
    "    return app.acquireToken(ClientCredentialParameters.builder(",
    `            Set.of(${java(APP_ONLY_SCOPE)})).build())`,
    "        .join().accessToken();",
    "  }",
    "",
    "  /** Sends the message on a connection of its own, signed in with the token current now. */",
    "  public void send(Message message) throws MessagingException {",
    "    message.saveChanges();",
    '    Transport transport = session.getTransport("smtp");',
    "    try {",
    '      transport.connect(session.getProperty("mail.smtp.user"), token());',
    "      transport.sendMessage(message, message.getAllRecipients());",
    "    } finally {",
    "      transport.close();",
    "    }",
    "  }",
    "}",
  ]
  return [
    "# OAuth 2.0 app-only (client credentials): XOAUTH2 only, with the app's token as the password.",
    "mail.smtp.auth=true",
    "mail.smtp.auth.mechanisms=XOAUTH2",
    `mail.smtp.user=${property(facts.user)}`,
    "# The token comes from MSAL4J (com.microsoft.azure:msal4j, 1.17.3 or later) for each connection,",
    "# through this class in your application (MicrosoftMail.java); send with",
    "# new MicrosoftMail(properties).send(message):",
    "#",
    ...code.map((line) => `#   ${line}`.trimEnd()),
    "#",
  ]
}

/** A .properties value: backslashes escaped, a leading space kept, non-ASCII as \uXXXX for any reader. */
function property(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/^ /, "\\ ")
    .replace(/[^\x20-\x7e]/g, (character) => {
      const code = character.charCodeAt(0)
      return code < 0x20 ? " " : `\\u${code.toString(16).padStart(4, "0")}`
    })
}

export const javamailTarget: SettingsTarget = {
  id: "javamail",
  title: "Java (Jakarta Mail properties)",
  group: "Frameworks and languages",
  filename: "mail.properties",
  language: "properties",
  oauthVerdict: {
    kind: "takes-token",
    since: "JavaMail 1.5.5",
    how: "Jakarta Mail sends XOAUTH2 with the token given as the password (mail.smtp.auth.mechanisms=XOAUTH2); the app gets it with MSAL4J",
    source: "https://javaee.github.io/javamail/OAuth2",
  },
  oauthVariant: {
    takes: `MSAL4J (com.microsoft.azure:msal4j, 1.17.3 or later), a class written in the file's comments that signs each connection in with a current token, and the client secret in ${CLIENT_SECRET_VARIABLE}; app-only only`,
    // A device code sign-in needs a person at a browser, which a program sending mail has not.
    fits: (values) => signInOf(values) !== "oauth-device",
  },
  render(values) {
    const facts = connectionFacts(values)
    const tls =
      facts.security === "starttls"
        ? [
            "mail.smtp.starttls.enable=true",
            "# required: stop rather than continue in plain text",
            "mail.smtp.starttls.required=true",
          ]
        : facts.security === "tls"
          ? ["# implicit TLS from the first byte", "mail.smtp.ssl.enable=true"]
          : []
    const identity =
      facts.security === "none"
        ? []
        : [
            "# Older JavaMail versions do not check the certificate's host name by default: make them.",
            "mail.smtp.ssl.checkserveridentity=true",
          ]
    const appOnly = oauthSignIn(facts) === "oauth-app"
    const auth = appOnly
      ? appOnlyLines(facts)
      : facts.signsIn
        ? [
            "mail.smtp.auth=true",
            `mail.smtp.user=${property(facts.user)}`,
            "# The password is not a property: give the Session an Authenticator that reads it, e.g.",
            `# new PasswordAuthentication(getDefaultUserName(), System.getenv("${PASSWORD_VARIABLE}"))`,
          ]
        : []
    const content = [
      appOnly
        ? "# Jakarta Mail settings from smtp365, for the MicrosoftMail class below"
        : "# Jakarta Mail settings from smtp365: Session.getInstance(properties, authenticator)",
      `mail.smtp.host=${property(facts.host)}`,
      `mail.smtp.port=${facts.port}`,
      ...tls,
      ...identity,
      ...auth,
      "# Envelope sender (MAIL FROM), and the From header that message.setFrom() uses",
      `mail.smtp.from=${property(facts.fromAddress)}`,
      `mail.from=${property(mailbox(facts.fromName, facts.fromAddress))}`,
      "mail.smtp.connectiontimeout=10000",
      "mail.smtp.timeout=10000",
      "mail.smtp.writetimeout=10000",
      "",
    ].join("\n")
    return {
      content,
      secretNote: appOnly
        ? `The client secret is read from the ${CLIENT_SECRET_VARIABLE} environment variable by MicrosoftMail's MSAL4J client; the token is the password Jakarta Mail sends.`
        : secretNote(
            facts,
            `JavaMail has no password property: pass an Authenticator to Session.getInstance that returns new PasswordAuthentication(getDefaultUserName(), System.getenv("${PASSWORD_VARIABLE}")).`
          ),
    }
  },
}
