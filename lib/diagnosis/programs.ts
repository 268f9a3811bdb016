import * as SOURCES from "@/lib/microsoft365/sources"
import type { DiagnosisSource } from "@/lib/smtp/types"

/**
 * The settings that fix the failures a client causes itself. A catalog entry lists the ones that
 * fix it (CatalogEntry.programSettings); a program says them in its own words below.
 */
export type ProgramSetting =
  /** Connect in plain text on port 587 and upgrade with STARTTLS before signing in. */
  | "starttls"
  /** Sign in with AUTH LOGIN, which smtp.office365.com offers (PLAIN, CRAM-MD5 and NTLM it does not). */
  | "authLogin"
  /** Offer TLS 1.2 or later. */
  | "tls12"

/** A program that sends mail, how a pasted text shows it, and its words for each setting. */
export interface SendingProgram {
  id: string
  name: string
  /** What in a pasted text names the program: its name, its exception classes, its log format. */
  shownBy: RegExp
  settings: Partial<Record<ProgramSetting, string>>
  sources: readonly DiagnosisSource[]
}

/**
 * The programs whose settings a pasted text can be answered with, most specific first (a PHP app
 * may print PHPMailer's log and mention nodemailer nowhere, but a MailKit trace holds .NET frames).
 * One place for them: the diagnosis reads this list, it has no conditionals of its own.
 */
export const SENDING_PROGRAMS: readonly SendingProgram[] = [
  {
    id: "mailkit",
    name: "MailKit",
    shownBy: /\bMailKit\b/,
    settings: {
      starttls:
        "connect with client.Connect(host, 587, SecureSocketOptions.StartTls), not with true or SecureSocketOptions.SslOnConnect (those are for port 465).",
    },
    sources: [SOURCES.mailkitSecureSocketOptions],
  },
  {
    id: "nodemailer",
    name: "nodemailer",
    shownBy:
      /\bnodemailer\b|\bSMTPConnection\.|smtp-connection|code:\s*['"]E(?:AUTH|SOCKET|CONNECTION)['"]/i,
    settings: {
      starttls:
        "in createTransport set port: 587, secure: false and requireTLS: true (secure: true starts TLS at once, which is for port 465).",
      authLogin:
        "add authMethod: 'LOGIN' to the createTransport options, so that nodemailer does not try AUTH PLAIN.",
    },
    sources: [SOURCES.nodemailerSmtpOptions, SOURCES.nodemailerAuthMethodLogin],
  },
  {
    id: "phpmailer",
    name: "PHPMailer",
    shownBy: /PHPMailer|CLIENT -> SERVER:|SERVER -> CLIENT:|SMTP ERROR: |SMTP connect\(\) failed/,
    settings: {
      starttls:
        "set $mail->SMTPSecure = PHPMailer::ENCRYPTION_STARTTLS; and $mail->Port = 587; (ENCRYPTION_SMTPS is for port 465).",
      authLogin: "set $mail->AuthType = 'LOGIN';",
    },
    sources: [SOURCES.phpMailerProperties],
  },
  {
    id: "smtplib",
    name: "Python smtplib",
    // Ruby's Net::SMTPAuthenticationError is not Python's SMTPAuthenticationError.
    shownBy:
      /\bsmtplib\b|(?<!::)\bSMTP(?:Authentication|Sender|Recipients|Data|Connect|Helo)(?:Error|Refused)\b/,
    settings: {
      starttls:
        "connect with smtplib.SMTP(host, 587) and call starttls() before login(); smtplib.SMTP_SSL is for port 465.",
    },
    sources: [SOURCES.pythonSmtplib],
  },
  {
    id: "javamail",
    name: "JavaMail (Jakarta Mail)",
    shownBy: /\bjavax\.mail\b|\bjakarta\.mail\b|\bcom\.sun\.mail\b|\bJavaMail\b/,
    settings: {
      starttls:
        "set mail.smtp.starttls.enable=true and mail.smtp.starttls.required=true with mail.smtp.port=587, and leave mail.smtp.ssl.enable off.",
      authLogin: "set mail.smtp.auth.mechanisms=LOGIN.",
      tls12: "set mail.smtp.ssl.protocols=TLSv1.2 (on an old Java runtime, update it as well).",
    },
    sources: [SOURCES.jakartaMailSmtp],
  },
  {
    id: "dotnet",
    name: ".NET SmtpClient",
    shownBy: /\bSystem\.Net\.Mail\b/,
    settings: {
      starttls: "set EnableSsl = true with Port = 587: SmtpClient then upgrades with STARTTLS.",
      tls12:
        "make TLS 1.2 available to the app: .NET Framework 4.7 or later on a supported Windows, or ServicePointManager.SecurityProtocol including Tls12.",
    },
    sources: [SOURCES.dotnetEnableSsl, SOURCES.dotnetTlsBestPractices],
  },
  {
    id: "ruby",
    name: "Ruby (Net::SMTP, the mail gem, Action Mailer)",
    shownBy: /\bNet::SMTP|net\/smtp\.rb|\bActionMailer\b|delivery_method :smtp|\bMail\.defaults\b/,
    settings: {
      starttls: "set enable_starttls_auto: true with port: 587.",
      authLogin: "set authentication: :login in the SMTP settings.",
    },
    sources: [SOURCES.railsActionMailerSmtp],
  },
]

/** The sending program a pasted text names, if any. */
export function programIn(text: string): SendingProgram | undefined {
  return SENDING_PROGRAMS.find((program) => program.shownBy.test(text))
}
