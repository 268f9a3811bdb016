import { APP_ONLY_SCOPE } from "@/lib/oauth/scopes"
import { signInOf } from "@/lib/schemas/sign-in"

import { stringLiteral as java } from "../literals"
import { msal4jAuthorityLines, msal4jBuildLines } from "../msal4j"
import type { SettingsTarget } from "../types"
import {
  AUTHORITY_VARIABLE,
  CLIENT_SECRET_VARIABLE,
  PASSWORD_VARIABLE,
  connectionFacts,
  oauthSignIn,
  secretNote,
  type ConnectionFacts,
} from "../values"

/** A .properties value: backslashes escaped, and leading spaces kept. */
const property = (value: string) => value.replace(/\\/g, "\\\\").replace(/^ /, "\\ ")

/**
 * OAuth 2.0 app-only: Jakarta Mail sends XOAUTH2 with the password as the token when XOAUTH2 is the
 * only mechanism (https://javaee.github.io/javamail/OAuth2, JavaMail 1.5.5 and later), and Spring
 * Boot passes spring.mail.properties.* to it. The token comes from MSAL4J, Microsoft's library for
 * Java, as in the Jakarta Mail variant (ConfidentialClientApplication with a client secret,
 * acquireToken with ClientCredentialParameters, which answers from its cache until the token is
 * about to expire: MSAL4J 1.17.3 and later, see javamail.ts; instanceDiscovery, MSAL4J 1.13.4 and
 * later, off for a sign-in address that is not Microsoft's). A @Configuration swaps Spring Boot's JavaMailSenderImpl, once it has its spring.mail
 * settings, for one whose getPassword() returns the token: JavaMailSenderImpl.connectTransport()
 * asks getPassword() for each connection (spring-framework's
 * spring-context-support/.../mail/javamail/JavaMailSenderImpl.java). Not a Session Authenticator:
 * Jakarta Mail's Service.connect saves the first password it gets in the Session and sends it
 * again on later connections, an expired token included. Only Spring Framework classes are used
 * (BeanPostProcessor, JavaMailSenderImpl), not Spring Boot's MailProperties, whose package moved in
 * Spring Boot 4. A .properties file cannot hold code, so the Java lines are comments.
 */
function appOnlyLines(facts: ConnectionFacts): string[] {
  const code = [
    "import com.microsoft.aad.msal4j.ClientCredentialFactory;",
    "import com.microsoft.aad.msal4j.ClientCredentialParameters;",
    "import com.microsoft.aad.msal4j.ConfidentialClientApplication;",
    "import java.net.MalformedURLException;",
    "import java.util.Set;",
    "import org.springframework.beans.factory.config.BeanPostProcessor;",
    "import org.springframework.context.annotation.Bean;",
    "import org.springframework.context.annotation.Configuration;",
    "import org.springframework.mail.javamail.JavaMailSenderImpl;",
    "",
    "@Configuration",
    "public class MicrosoftMailConfiguration {",
    "  /** Spring Boot's JavaMailSender, as spring.mail set it up, with the app's token as the password. */",
    "  @Bean",
    "  static BeanPostProcessor microsoftToken() {",
    "    return new BeanPostProcessor() {",
    "      @Override",
    "      public Object postProcessAfterInitialization(Object bean, String name) {",
    "        return bean instanceof JavaMailSenderImpl configured ? new TokenMailSender(configured) : bean;",
    "      }",
    "    };",
    "  }",
    "",
    "  static class TokenMailSender extends JavaMailSenderImpl {",
    "    private final ConfidentialClientApplication app;",
    "",
    "    TokenMailSender(JavaMailSenderImpl configured) {",
    "      setHost(configured.getHost());",
    "      setPort(configured.getPort());",
    "      setUsername(configured.getUsername());",
    "      setProtocol(configured.getProtocol());",
    "      setDefaultEncoding(configured.getDefaultEncoding());",
    "      setSession(configured.getSession()); // the spring.mail.properties.* above",
    ...msal4jAuthorityLines("      "),
    "      try {",
    ...msal4jBuildLines(facts, "        "),
    "      } catch (MalformedURLException e) {",
    `        throw new IllegalStateException(${java(`${AUTHORITY_VARIABLE} is not a URL`)}, e);`,
    "      }",
    "    }",
    "",
    "    /** Asked for each connection: MSAL4J's cached token, or a new one when it is about to expire. */",
    "    @Override",
    "    public String getPassword() {",
    "      return app.acquireToken(ClientCredentialParameters.builder(",
    `              Set.of(${java(APP_ONLY_SCOPE)})).build())`,
    "          .join().accessToken();",
    "    }",
    "  }",
    "}",
  ]
  return [
    "# OAuth 2.0 app-only (client credentials): XOAUTH2 only, with the app's token as the password.",
    "# No spring.mail.password: the token comes from MSAL4J (com.microsoft.azure:msal4j, 1.17.3 or",
    "# later), through this class in your application (MicrosoftMailConfiguration.java):",
    "#",
    ...code.map((line) => `#   ${line}`.trimEnd()),
    "#",
    `spring.mail.username=${property(facts.user)}`,
    "spring.mail.properties.mail.smtp.auth=true",
    "spring.mail.properties.mail.smtp.auth.mechanisms=XOAUTH2",
  ]
}

/** Spring Boot's spring.mail.* properties (JavaMail underneath). */
export const springBootTarget: SettingsTarget = {
  id: "spring-boot",
  title: "Spring Boot (application.properties)",
  group: "Frameworks and languages",
  filename: "application.properties",
  language: "properties",
  oauthVerdict: {
    kind: "takes-token",
    since: "JavaMail 1.5.5",
    how: "with mail.smtp.auth.mechanisms=XOAUTH2, Jakarta Mail sends the JavaMailSender's password as the token; Spring Boot does not fetch or renew it, so the app gets it (MSAL4J)",
    source: "https://javaee.github.io/javamail/OAuth2",
  },
  oauthVariant: {
    takes: `MSAL4J (com.microsoft.azure:msal4j, 1.17.3 or later), a @Configuration class written in the file's comments, and the client secret in ${CLIENT_SECRET_VARIABLE}; app-only only`,
    // A device code sign-in needs a person at a browser, which an application sending mail has not.
    fits: (values) => signInOf(values) !== "oauth-device",
  },
  render(values) {
    const facts = connectionFacts(values)
    const appOnly = oauthSignIn(facts) === "oauth-app"
    const javamail = "spring.mail.properties.mail.smtp"
    const tls =
      facts.security === "starttls"
        ? [
            `${javamail}.starttls.enable=true`,
            "# required: stop rather than continue in plain text",
            `${javamail}.starttls.required=true`,
          ]
        : facts.security === "tls"
          ? [`${javamail}.ssl.enable=true`]
          : []
    const identity =
      facts.security === "none"
        ? []
        : [
            "# JavaMail does not always check the certificate's name by default: make it.",
            `${javamail}.ssl.checkserveridentity=true`,
          ]
    const content = [
      `spring.mail.host=${property(facts.host)}`,
      `spring.mail.port=${facts.port}`,
      ...tls,
      ...identity,
      ...(appOnly
        ? appOnlyLines(facts)
        : facts.signsIn
          ? [
              `spring.mail.username=${property(facts.user)}`,
              `spring.mail.password=\${${PASSWORD_VARIABLE}}`,
              `${javamail}.auth=true`,
            ]
          : []),
      `${javamail}.connectiontimeout=10000`,
      `${javamail}.timeout=10000`,
      "",
    ].join("\n")
    return {
      content,
      secretNote: appOnly
        ? `The client secret is read from the ${CLIENT_SECRET_VARIABLE} environment variable by MicrosoftMailConfiguration's MSAL4J client; the token is the password Jakarta Mail sends.`
        : secretNote(
            facts,
            `spring.mail.password reads the ${PASSWORD_VARIABLE} environment variable (\${${PASSWORD_VARIABLE}}).`
          ),
    }
  },
}
