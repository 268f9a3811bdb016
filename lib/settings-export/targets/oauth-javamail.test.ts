// Jakarta Mail's OAuth 2.0 app-only variant (javamail.ts). MSAL4J is not in Debian and Maven Central
// is not reachable here, so the class in the file's comments is parsed by the JDK, and its send
// method runs for real on Debian's Jakarta Mail, with tokens the test gets from the practice identity
// server as MSAL4J would (the client credentials grant at the tenant's endpoint).
import { describe, expect, test } from "vitest"

import { verifyAccessToken } from "@/lib/practice/access-tokens"
import {
  PRACTICE_CLIENT_SECRET,
  PRACTICE_TENANT_ID,
  type PracticeAppId,
} from "@/lib/practice/identity-scenarios"
import type { SetupValues } from "@/lib/schemas/setup"
import {
  outputOf as file,
  parseJava,
  recordingServerForFile,
  runWithJakartaMail,
  writeScratch,
  oauthServersForFile,
  oauthSmtpAuthSetup,
  PRACTICE_APP_ONLY as APP_ONLY,
} from "@/test-support/settings-export"

/** The practice app registered as the documentation says (SMTP.SendAsApp). */
/**
 * A second app allowed to send as the same mailbox (RBAC for Applications). The practice identity
 * server stamps its tokens to the second, so two tokens of one app asked for in the same second are
 * the same token; this app's token stands in for the one MSAL4J gets when the first expires.
 */
const RBAC_APP: PracticeAppId = "3f2b8c41-0a6e-4d6b-9c1e-000000000002"
const TOKEN_KEY = "settings-export-oauth-javamail-key"
const RECIPIENT = "it-team@contoso.com"

const servers = oauthServersForFile(TOKEN_KEY)
/** Accepts any XOAUTH2 token and records it, so the test sees which token each connection sent. */
const recorder = recordingServerForFile("", ["XOAUTH2"])

/** SMTP AUTH values for an app-only sign-in to the server on `port`, client secret included. */
function oauthSetup(port: number): SetupValues {
  return oauthSmtpAuthSetup(port, "oauth-app", APP_ONLY)
}

/** An app-only token for Exchange Online from the practice identity server. */
async function appToken(clientId: PracticeAppId): Promise<string> {
  const response = await fetch(`${servers.identity.url}/${PRACTICE_TENANT_ID}/oauth2/v2.0/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: PRACTICE_CLIENT_SECRET,
      scope: "https://outlook.office365.com/.default",
    }),
  })
  const { access_token: token } = (await response.json()) as { access_token: string }
  return token
}

/** The Java class written in the file's comments. */
function classInComments(content: string): string {
  return content
    .split("\n")
    .filter((line) => line.startsWith("#   ") || line === "#")
    .map((line) => line.replace(/^#(   )?/, ""))
    .join("\n")
    .trim()
}

/**
 * A program around the variant's own lines: its Session line and its send method, verbatim, with a
 * token() that hands out the test's two tokens in turn where the variant asks MSAL4J. It sends two
 * messages on one Session, one connection each.
 */
function sendTwiceProgram(code: string): string {
  const lines = code.split("\n")
  const sessionLine = lines.find((line) => line.includes("session = Session.getInstance("))
  const start = lines.indexOf("  public void send(Message message) throws MessagingException {")
  const end = lines.indexOf("  }", start)
  expect(sessionLine).toBeDefined()
  expect(start).toBeGreaterThan(0)
  return `
import jakarta.mail.*;
import jakarta.mail.internet.*;
import java.io.FileReader;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
public class SendTwice {
  public final Session session;
  private final Iterator<String> tokens;

  SendTwice(Properties properties, List<String> tokens) {
${sessionLine}
    this.tokens = tokens.iterator();
  }

  String token() {
    return tokens.next();
  }

${lines.slice(start, end + 1).join("\n")}

  public static void main(String[] args) throws Exception {
    Properties properties = new Properties();
    try (FileReader reader = new FileReader(args[0])) { properties.load(reader); }
    SendTwice mail = new SendTwice(properties, List.of(System.getenv("TOKEN_1"), System.getenv("TOKEN_2")));
    for (int i = 1; i <= 2; i++) {
      MimeMessage message = new MimeMessage(mail.session);
      message.setFrom();
      message.setRecipients(Message.RecipientType.TO, args[1]);
      message.setSubject("Jakarta Mail test " + i);
      message.setText("It works.");
      mail.send(message);
    }
  }
}
`
}

/**
 * The variant before: a Session Authenticator that asks for the token (here the test's two tokens in
 * turn) and Transport.send, twice on one Session.
 */
const AUTHENTICATOR_TWICE = `
import jakarta.mail.*;
import jakarta.mail.internet.*;
import java.io.FileReader;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
public class AuthenticatorTwice {
  public static void main(String[] args) throws Exception {
    Properties properties = new Properties();
    try (FileReader reader = new FileReader(args[0])) { properties.load(reader); }
    Iterator<String> tokens = List.of(System.getenv("TOKEN_1"), System.getenv("TOKEN_2")).iterator();
    Session session = Session.getInstance(properties, new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication(getDefaultUserName(), tokens.next());
      }
    });
    for (int i = 1; i <= 2; i++) {
      MimeMessage message = new MimeMessage(session);
      message.setFrom();
      message.setRecipients(Message.RecipientType.TO, args[1]);
      message.setSubject("Jakarta Mail test " + i);
      message.setText("It works.");
      Transport.send(message);
    }
  }
}
`

/** Runs the variant's send method twice on one Session against the server on `port`. */
async function sendTwice(port: number, tokens: [string, string]) {
  const content = file("javamail", oauthSetup(port)).content
  const properties = await writeScratch(`oauth-javamail/mail-${port}.properties`, content)
  const program = await writeScratch(
    "oauth-javamail/SendTwice.java",
    sendTwiceProgram(classInComments(content))
  )
  await runWithJakartaMail(program, [properties, RECIPIENT], {
    TOKEN_1: tokens[0],
    TOKEN_2: tokens[1],
  })
}

describe("Jakarta Mail with MSAL4J (MSAL4J is not in Debian, no Maven Central here: the class in the comments parsed, its send method run by Jakarta Mail with tokens from the test)", () => {
  test("the class in the comments is Java the JDK parses: MSAL4J's token at OAUTH_AUTHORITY, given to each connection", async () => {
    const output = file("javamail", oauthSetup(587))
    expect(output.content).toContain("\nmail.smtp.auth.mechanisms=XOAUTH2\n")
    expect(output.content).not.toMatch(/^mail\.smtp\.password/m)
    const code = classInComments(output.content)
    expect(code.startsWith("import com.microsoft.aad.msal4j.ClientCredentialFactory;")).toBe(true)
    const source = await writeScratch("oauth-javamail/MicrosoftMail.java", `${code}\n`)
    expect(await parseJava(source)).toEqual([
      "class MicrosoftMail",
      "  method <init>",
      "  method token",
      "  method send",
    ])
    expect(code.split("\n")).toEqual(
      expect.arrayContaining([
        "    session = Session.getInstance(properties);",
        '    String authority = System.getenv().getOrDefault("OAUTH_AUTHORITY", "https://login.microsoftonline.com");',
        `            "${APP_ONLY}", // Application (client) ID`,
        '            ClientCredentialFactory.createFromSecret(System.getenv("SMTP_CLIENT_SECRET")))',
        `        .authority(authority + "/${PRACTICE_TENANT_ID}/") // Directory (tenant) ID`,
        '        .instanceDiscovery(authority.equals("https://login.microsoftonline.com"))',
        '            Set.of("https://outlook.office365.com/.default")).build())',
        '      transport.connect(session.getProperty("mail.smtp.user"), token());',
      ])
    )
    expect(code).not.toMatch(/new Authenticator|PasswordAuthentication|Transport\.send\(/)
    expect(output.content).not.toContain(PRACTICE_CLIENT_SECRET)
  })

  test("its send method, twice on one Session, sends both messages through the simulator, each connection signed in with a token it accepts", async () => {
    const tokens: [string, string] = [await appToken(APP_ONLY), await appToken(RBAC_APP)]
    const messages = servers.simulator.messages.length
    const events = servers.simulator.events.length
    await sendTwice(servers.simulator.port, tokens)

    expect(servers.simulator.messages).toHaveLength(messages + 2)
    expect(servers.simulator.messages.slice(-2).map((message) => message.authUser)).toEqual([
      "sender@contoso.com",
      "sender@contoso.com",
    ])
    expect(servers.simulator.events.slice(events).filter((event) => event.type === "auth")).toEqual(
      [
        { type: "auth", detail: "XOAUTH2 sender@contoso.com" },
        { type: "auth", detail: "XOAUTH2 sender@contoso.com" },
      ]
    )
  })

  test("each connection signs in with the token current when it opens: the second with the second token", async () => {
    const tokens: [string, string] = [await appToken(APP_ONLY), await appToken(RBAC_APP)]
    expect(tokens[1]).not.toBe(tokens[0])
    const { signIns, messages } = recorder.server
    const before = { signIns: signIns.length, messages: messages.length }
    await sendTwice(recorder.server.port, tokens)

    expect(messages).toHaveLength(before.messages + 2)
    expect(signIns.slice(before.signIns)).toEqual([
      { method: "XOAUTH2", username: "sender@contoso.com", secret: tokens[0] },
      { method: "XOAUTH2", username: "sender@contoso.com", secret: tokens[1] },
    ])
    expect(verifyAccessToken(tokens[1], TOKEN_KEY)).toMatchObject({ appid: RBAC_APP })
  })

  test("why not an Authenticator: Jakarta Mail saves the first token in the Session and signs the second connection in with it again", async () => {
    const tokens: [string, string] = [await appToken(APP_ONLY), await appToken(RBAC_APP)]
    const content = file("javamail", oauthSetup(recorder.server.port)).content
    const properties = await writeScratch("oauth-javamail/authenticator.properties", content)
    const program = await writeScratch(
      "oauth-javamail/AuthenticatorTwice.java",
      AUTHENTICATOR_TWICE
    )
    const { signIns } = recorder.server
    const before = signIns.length
    await runWithJakartaMail(program, [properties, RECIPIENT], {
      TOKEN_1: tokens[0],
      TOKEN_2: tokens[1],
    })

    expect(signIns.slice(before).map((signIn) => signIn.secret)).toEqual([tokens[0], tokens[0]])
  })
})
