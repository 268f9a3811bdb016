import { stringLiteral } from "../literals"
import type { SettingsTarget } from "../types"
import { PASSWORD_VARIABLE, connectionFacts, secretNote } from "../values"

const js = stringLiteral

export const nodemailerTarget: SettingsTarget = {
  id: "nodemailer",
  title: "Node.js (nodemailer)",
  group: "Frameworks and languages",
  filename: "send-mail.mjs",
  language: "javascript",
  render(values) {
    const facts = connectionFacts(values)
    const tlsLines =
      facts.security === "tls"
        ? ["  secure: true, // implicit TLS from the first byte"]
        : facts.security === "starttls"
          ? [
              "  secure: false, // starts in plain text, then upgrades with STARTTLS",
              "  requireTLS: true, // stop if the upgrade fails instead of sending in plain text",
            ]
          : ["  secure: false, // no encryption is required; STARTTLS is still used when offered"]
    const authLines = facts.signsIn
      ? [
          "  auth: {",
          `    user: ${js(facts.user)},`,
          `    pass: process.env.${PASSWORD_VARIABLE}, // from the environment, never in code`,
          "  },",
        ]
      : []
    const from = facts.fromName
      ? `{ name: ${js(facts.fromName)}, address: ${js(facts.fromAddress)} }`
      : js(facts.fromAddress)
    const content = [
      'import nodemailer from "nodemailer"',
      "",
      "const transporter = nodemailer.createTransport({",
      `  host: ${js(facts.host)},`,
      `  port: ${facts.port},`,
      ...tlsLines,
      ...authLines,
      "})",
      "",
      "await transporter.sendMail({",
      `  from: ${from},`,
      `  to: ${js(facts.to)},`,
      '  subject: "Hello from Microsoft 365",',
      '  text: "It works.",',
      "})",
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
