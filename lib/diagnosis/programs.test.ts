import { describe, expect, test } from "vitest"

import { CATALOG } from "./catalog"
import { SENDING_PROGRAMS, programIn } from "./programs"

describe("programIn", () => {
  test.each([
    ["MailKit.Security.AuthenticationException: 535: 5.7.3 Authentication unsuccessful", "mailkit"],
    [
      "at SMTPConnection._formatError (/app/node_modules/nodemailer/lib/smtp-connection/index.js)",
      "nodemailer",
    ],
    ["2024-01-01 10:00:00 SERVER -> CLIENT: 535 5.7.3 Authentication unsuccessful", "phpmailer"],
    ["smtplib.SMTPAuthenticationError: (535, b'5.7.3 Authentication unsuccessful')", "smtplib"],
    ["javax.mail.AuthenticationFailedException: 535 5.7.3 Authentication unsuccessful", "javamail"],
    ["System.Net.Mail.SmtpException: The SMTP server requires a secure connection", "dotnet"],
    ["Net::SMTPAuthenticationError: 504 5.7.4 Unrecognized authentication type", "ruby"],
  ])("names the program of %s", (text, id) => {
    expect(programIn(text)?.id).toBe(id)
  })

  test("names MailKit, not .NET, in a MailKit trace with .NET frames", () => {
    expect(
      programIn("MailKit.Net.Smtp.SmtpCommandException\n   at System.Net.Mail.SmtpClient.Send")?.id
    ).toBe("mailkit")
  })

  test("names no program in a bare reply", () => {
    expect(programIn("535 5.7.3 Authentication unsuccessful")).toBeUndefined()
  })
})

describe("SENDING_PROGRAMS", () => {
  test("every setting an entry asks for is worded by some program, and every wording is used", () => {
    const asked = new Set(CATALOG.flatMap((entry) => entry.programSettings ?? []))
    const worded = new Set(SENDING_PROGRAMS.flatMap((program) => Object.keys(program.settings)))
    expect([...worded].sort()).toEqual([...asked].sort())
  })

  test("every program has a source, and its words end as a sentence or a statement", () => {
    for (const program of SENDING_PROGRAMS) {
      expect(program.sources.length, program.id).toBeGreaterThan(0)
      for (const words of Object.values(program.settings)) expect(words).toMatch(/[.;)]$/)
    }
  })
})
