// Shared by the settings-export tests: the simulator to send to, wizard values, and a scratch
// folder where generated files are written before a real parser or runtime reads them.
import { execFile, spawn } from "node:child_process"
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises"
import type { AddressInfo } from "node:net"
import path from "node:path"
import { promisify } from "node:util"
import { SMTPServer } from "smtp-server"
import { afterAll, beforeAll, expect } from "vitest"

import { startIdentityServer, type RunningIdentityServer } from "@/lib/practice/identity-server"
import {
  PRACTICE_CLIENT_SECRET,
  PRACTICE_TENANT_ID,
  type PracticeAppId,
} from "@/lib/practice/identity-scenarios"
import { startSimulator, type RunningSimulator } from "@/lib/practice/simulator"
import type { SetupValues } from "@/lib/schemas/setup"
import type { OAuthSignIn } from "@/lib/schemas/setup-fields"
import { buildSettingsFiles, renderTarget } from "@/lib/settings-export"
import type { SettingsFile, SettingsTarget } from "@/lib/settings-export/types"
import { directSendValues, smtpAuthValues } from "./setup-values"
import { testServerTls } from "./test-ca"

/** The password the simulator accepts; a test fails if it ever appears in an output. */
export const PASSWORD = "Qu1et-Harbour#settings"

/** A From name with quotes and a # to prove every target escapes it. */
export const AWKWARD_FROM_NAME = 'Scan "Floor 2" #1'

export const run = promisify(execFile)

/** Where generated files go: inside node_modules so that a script's imports resolve as in an app. */
export const SCRATCH = path.join(process.cwd(), "node_modules", ".cache", "smtp365-settings-test")

/** The test CA, standing in for the system's trusted CAs in every client that verifies. */
export const TEST_CA_FILE = path.join(process.cwd(), ".test-ca", "ca.pem")

/** Environment for clients that check the certificate against a CA file. */
export const caEnv: NodeJS.ProcessEnv = {
  ...process.env,
  SSL_CERT_FILE: TEST_CA_FILE,
  CURL_CA_BUNDLE: TEST_CA_FILE,
}

export async function writeScratch(name: string, content: string): Promise<string> {
  await mkdir(SCRATCH, { recursive: true })
  const target = path.join(SCRATCH, name)
  await mkdir(path.dirname(target), { recursive: true })
  await writeFile(target, content)
  return target
}

/**
 * postmap with a configuration directory of the test's own (an empty main.cf), not /etc/postfix,
 * which a machine with Postfix installed as "No configuration" does not have.
 */
export async function postmap(...args: string[]) {
  const config = path.dirname(await writeScratch("postfix/postmap-config/main.cf", ""))
  return run("postmap", ["-c", config, ...args], { timeout: 15_000 })
}

/** What a command printed, and its exit code (null when a signal ended it). */
export interface CommandRun {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs a command to its end, whatever its exit code (unlike `run`), with exactly `env`, and kills it
 * after `timeoutMs`. `onStdout` sees its standard output so far each time more arrives.
 */
export function runToEnd(
  command: string,
  args: string[],
  options: {
    env: NodeJS.ProcessEnv
    cwd?: string
    timeoutMs?: number
    onStdout?: (stdout: string) => void
  }
): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env })
    const result: CommandRun = { code: null, stdout: "", stderr: "" }
    const timer = setTimeout(() => child.kill(), options.timeoutMs ?? 30_000)
    child.stdout.on("data", (chunk: Buffer) => {
      result.stdout += chunk.toString()
      options.onStdout?.(result.stdout)
    })
    child.stderr.on("data", (chunk: Buffer) => (result.stderr += chunk.toString()))
    child.on("error", reject)
    child.on("close", (code) => {
      clearTimeout(timer)
      resolve({ ...result, code })
    })
  })
}

/** The practice app that signs in as itself (client credentials) and may send as sender@contoso.com. */
export const PRACTICE_APP_ONLY: PracticeAppId = "3f2b8c41-0a6e-4d6b-9c1e-000000000001"

/**
 * SMTP AUTH values as the wizard submits them for an OAuth 2.0 sign-in of a practice app, to the
 * server on `port`: the app's client secret with an app-only sign-in, none with the device code.
 */
export function oauthSmtpAuthSetup(
  port: number,
  authType: OAuthSignIn,
  clientId: string,
  server: Partial<SetupValues["server"]> = {}
): SetupValues {
  return {
    ...smtpAuthSetup(port, server),
    account: {
      authType,
      user: "sender@contoso.com",
      pass: "",
      tenant: PRACTICE_TENANT_ID,
      clientId,
      clientSecret: authType === "oauth-app" ? PRACTICE_CLIENT_SECRET : "",
    },
  }
}

/**
 * The practice identity server and a submission simulator that accepts its tokens (both signed
 * with `tokenKey`) and PASSWORD, started for the file's tests and closed after them.
 */
export function oauthServersForFile(tokenKey: string): {
  readonly identity: RunningIdentityServer
  readonly simulator: RunningSimulator
} {
  const holder = {} as { identity: RunningIdentityServer; simulator: RunningSimulator }
  beforeAll(async () => {
    holder.identity = await startIdentityServer({ tls: testServerTls(), tokenKey })
    holder.simulator = await startSimulator({
      role: "submission",
      tls: testServerTls(),
      password: PASSWORD,
      tokenKey,
    })
  })
  afterAll(async () => {
    await Promise.all([holder.identity.close(), holder.simulator.close()])
  })
  return holder
}

/** Starts a submission simulator (STARTTLS, AUTH) for the file's tests and closes it after them. */
export function submissionSimulatorForFile(): { readonly server: RunningSimulator } {
  const holder = {} as { server: RunningSimulator }
  beforeAll(async () => {
    holder.server = await startSimulator({
      role: "submission",
      tls: testServerTls(),
      password: PASSWORD,
    })
  })
  afterAll(() => holder.server.close())
  return holder
}

/** SMTP AUTH values as tested against `port`, with an awkward From name. */
export function smtpAuthSetup(
  port: number,
  server: Partial<SetupValues["server"]> = {}
): SetupValues {
  const setup = smtpAuthValues({ port }, { user: "sender@contoso.com", pass: PASSWORD }, server)
  return { ...setup, sender: { ...setup.sender, fromName: AWKWARD_FROM_NAME } }
}

/** Direct Send values (no sign-in, port 25 unless given). */
export function directSendSetup(port = 25): SetupValues {
  return directSendValues({ port }, "it-team@contoso.com")
}

/** A target's file for these values, whether or not it is in the registry yet. */
export function render(target: SettingsTarget, setup: SetupValues): SettingsFile {
  return renderTarget(target, setup)
}

/** The output of a registered target for these values. */
export function outputOf(id: string, setup: SetupValues): SettingsFile {
  const found = buildSettingsFiles(setup).find((f) => f.id === id)
  if (!found) throw new Error(`no ${id} output`)
  return found
}

/**
 * An Azure Communication Services username as the Account step composes it: the resource's name,
 * the app's ID and the tenant ID joined by | (a shell pipe, a URL delimiter, a YAML block marker).
 */
export const ACS_USER =
  "contoso-acs|8f3c1a2b-0d4e-4f5a-9b6c-7d8e9f0a1b2c|7d5c3f0e-6a1b-4c2d-9e8f-0a1b2c3d4e5f"

/**
 * A client secret with what shells, URLs, .env and INI files treat specially: an Entra secret's own
 * ~ . _ -, then | $ ' " \ # ; & % and a space.
 */
export const AWKWARD_SECRET = `Q8~x.y_z-|$HOME 'it"s' \\n#;&%41`

/** Azure Communication Services values as tested against `port`: the username with |, a MailFrom address. */
export function acsSetup(port: number, server: Partial<SetupValues["server"]> = {}): SetupValues {
  const setup = smtpAuthValues({ port }, { user: ACS_USER, pass: AWKWARD_SECRET }, server)
  return {
    ...setup,
    method: { method: "acs" },
    sender: { fromAddress: "donotreply@contoso.com", fromName: AWKWARD_FROM_NAME },
  }
}

/** The HVE account the High Volume Email values sign in as. */
export const HVE_USER = "hve-scanner@contoso.com"

/** High Volume Email values as tested against `port`, with the HVE account's password. */
export function hveSetup(port: number, server: Partial<SetupValues["server"]> = {}): SetupValues {
  const setup = smtpAuthValues({ port }, { user: HVE_USER, pass: PASSWORD }, server)
  return {
    ...setup,
    method: { method: "hve" },
    sender: { fromAddress: HVE_USER, fromName: AWKWARD_FROM_NAME },
  }
}

/** What the recording server saw a client sign in with, decoded. */
export interface RecordedSignIn {
  method: string
  username: string
  /** The password (LOGIN, PLAIN) or the access token (XOAUTH2). */
  secret: string
}

/** A plain SMTP server (no Microsoft behaviour) that records who signed in and what was sent. */
export interface RecordingServer {
  port: number
  signIns: RecordedSignIn[]
  messages: { from: string; authUser: string | undefined; raw: string }[]
}

/**
 * Starts, for the file's tests, an smtp-server on 127.0.0.1 with the test CA's certificate and
 * STARTTLS, offering `authMethods`; it records each sign-in as decoded and accepts the one with
 * `secret` (any token for XOAUTH2: the test checks it). Stands in for services the practice
 * simulator has no accounts for, to prove a username reaches a server as it was written.
 */
export function recordingServerForFile(
  secret: string,
  authMethods: string[] = ["LOGIN", "PLAIN"]
): { readonly server: RecordingServer } {
  const holder = {} as { server: RecordingServer }
  let smtp: SMTPServer
  beforeAll(async () => {
    const signIns: RecordedSignIn[] = []
    const messages: RecordingServer["messages"] = []
    smtp = new SMTPServer({
      ...testServerTls(),
      authMethods,
      disableReverseLookup: true,
      logger: false,
      onAuth(auth, _session, callback) {
        const given = auth.method === "XOAUTH2" ? (auth.accessToken ?? "") : (auth.password ?? "")
        signIns.push({ method: auth.method, username: auth.username ?? "", secret: given })
        if (auth.method !== "XOAUTH2" && given !== secret) {
          return callback(Object.assign(new Error("Authentication failed"), { responseCode: 535 }))
        }
        callback(null, { user: auth.username })
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = []
        stream.on("data", (chunk: Buffer) => chunks.push(chunk))
        stream.on("end", () => {
          messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            authUser: typeof session.user === "string" ? session.user : undefined,
            raw: Buffer.concat(chunks).toString("utf8"),
          })
          callback()
        })
      },
    })
    smtp.on("error", () => undefined)
    const port = await new Promise<number>((resolve) => {
      smtp.server.listen(0, "127.0.0.1", () => resolve((smtp.server.address() as AddressInfo).port))
    })
    holder.server = { port, signIns, messages }
  })
  afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())))
  return holder
}

/**
 * That exactly one more message reached the recording server since `before`, from a client that
 * signed in as the ACS username with the awkward secret, both as written; returns that sign-in.
 */
export function expectAcsSignIn(
  server: RecordingServer,
  before: number
): RecordedSignIn | undefined {
  expect(server.messages).toHaveLength(before + 1)
  const signIn = server.signIns.at(-1)
  expect(signIn).toMatchObject({ username: ACS_USER, secret: AWKWARD_SECRET })
  expect(server.messages.at(-1)?.authUser).toBe(ACS_USER)
  return signIn
}

/** Sends with Jakarta Mail from the generated properties, the password from the environment. */
const JAKARTA_SEND = `
import jakarta.mail.*;
import jakarta.mail.internet.*;
import java.io.FileReader;
import java.util.Properties;
public class Send {
  public static void main(String[] args) throws Exception {
    Properties properties = new Properties();
    try (FileReader reader = new FileReader(args[0])) { properties.load(reader); }
    Session session = Session.getInstance(properties, new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication(getDefaultUserName(), System.getenv("SMTP_PASSWORD"));
      }
    });
    MimeMessage message = new MimeMessage(session);
    message.setFrom();
    message.setRecipients(Message.RecipientType.TO, args[1]);
    message.setSubject("Jakarta Mail test");
    message.setText("It works.");
    Transport.send(message);
  }
}
`

const JAKARTA_CLASSPATH = "/usr/share/java/jakarta-mail.jar:/usr/share/java/jakarta-activation.jar"

/**
 * Runs a single-file Java program with Jakarta Mail on the class path; the test CA, in a truststore
 * made for this run (test files run at once), stands in for Java's trusted CAs.
 */
export async function runWithJakartaMail(
  program: string,
  args: string[],
  env: Record<string, string> = {}
) {
  await mkdir(SCRATCH, { recursive: true })
  const folder = await mkdtemp(path.join(SCRATCH, "truststore-"))
  const truststore = path.join(folder, "truststore.p12")
  try {
    await run(
      "keytool",
      [
        "-importcert",
        "-noprompt",
        "-alias",
        "smtp365-test-ca",
        "-file",
        TEST_CA_FILE,
        "-keystore",
        truststore,
        "-storetype",
        "PKCS12",
        "-storepass",
        "changeit",
      ],
      { timeout: 30_000 }
    )
    return await run(
      "java",
      [
        `-Djavax.net.ssl.trustStore=${truststore}`,
        "-Djavax.net.ssl.trustStorePassword=changeit",
        "-cp",
        JAKARTA_CLASSPATH,
        program,
        ...args,
      ],
      { env: { ...process.env, ...env }, timeout: 60_000 }
    )
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

/** Sends one message with Jakarta Mail (JAKARTA_SEND) from generated properties, SMTP_PASSWORD set. */
export async function sendWithJakartaMail(properties: string, password: string) {
  const program = await writeScratch("frameworks/Send.java", JAKARTA_SEND)
  await runWithJakartaMail(program, [properties, "it-team@contoso.com"], {
    SMTP_PASSWORD: password,
  })
}

/**
 * Parses Java source with the JDK's own compiler (the Compiler Tree API's JavacTask.parse): syntax
 * only, as the imports (Spring, MSAL4J) are not here to resolve. Prints each syntax error, then
 * the top-level classes and their members.
 */
const PARSE_JAVA = `
import com.sun.source.tree.*;
import com.sun.source.util.JavacTask;
import javax.tools.*;
import java.util.List;
public class ParseJava {
  public static void main(String[] args) throws Exception {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
      JavacTask task = (JavacTask) compiler.getTask(null, files, diagnostics, null, null,
          files.getJavaFileObjects(args[0]));
      for (CompilationUnitTree unit : task.parse()) {
        for (Tree type : unit.getTypeDecls()) {
          ClassTree declared = (ClassTree) type;
          System.out.println("class " + declared.getSimpleName());
          for (Tree member : declared.getMembers()) {
            if (member instanceof ClassTree inner) System.out.println("  class " + inner.getSimpleName());
            if (member instanceof MethodTree method) System.out.println("  method " + method.getName());
          }
        }
      }
    }
    for (Diagnostic<?> diagnostic : diagnostics.getDiagnostics()) {
      System.out.println("ERROR " + diagnostic.getLineNumber() + ": " + diagnostic.getMessage(null));
    }
  }
}
`

/**
 * The JDK's parse of a Java source file in the scratch folder (PARSE_JAVA, written next to it):
 * "class X", "  method m", "  class Inner" lines, then "ERROR line: message" for each syntax error.
 */
export async function parseJava(source: string): Promise<string[]> {
  const folder = path.relative(SCRATCH, path.dirname(source))
  const parser = await writeScratch(path.join(folder, "ParseJava.java"), PARSE_JAVA)
  const { stdout } = await run("java", [parser, source], { timeout: 60_000 })
  return stdout.trim().split("\n")
}
