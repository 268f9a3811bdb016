import { phpString as php } from "../literals"
import type { SettingsTarget } from "../types"
import {
  PASSWORD_VARIABLE,
  connectionFacts,
  secretNote,
  testSubject,
  type ConnectionFacts,
} from "../values"

/** PHPMailer's SMTPSecure: STARTTLS or SMTPS make TLS required; empty lets it upgrade when offered. */
function smtpSecure(security: ConnectionFacts["security"]) {
  return security === "tls"
    ? "PHPMailer::ENCRYPTION_SMTPS; // implicit TLS"
    : security === "starttls"
      ? "PHPMailer::ENCRYPTION_STARTTLS; // required: fails rather than send in plain text"
      : "''; // no encryption required (PHPMailer still upgrades when the server offers STARTTLS)"
}

export const phpmailerTarget: SettingsTarget = {
  id: "phpmailer",
  title: "PHP (PHPMailer)",
  group: "Frameworks and languages",
  filename: "send-mail.php",
  language: "php",
  render(values) {
    const facts = connectionFacts(values)
    const content = [
      "<?php",
      "use PHPMailer\\PHPMailer\\PHPMailer;",
      "",
      "require 'vendor/autoload.php';",
      "",
      "$mail = new PHPMailer(true); // throws on errors",
      "$mail->isSMTP();",
      `$mail->Host = ${php(facts.host)};`,
      `$mail->Port = ${facts.port};`,
      `$mail->SMTPSecure = ${smtpSecure(facts.security)}`,
      ...(facts.signsIn
        ? [
            "$mail->SMTPAuth = true;",
            `$mail->Username = ${php(facts.user)};`,
            `$mail->Password = getenv(${php(PASSWORD_VARIABLE)});`,
          ]
        : ["$mail->SMTPAuth = false;"]),
      `$mail->setFrom(${php(facts.fromAddress)}, ${php(facts.fromName)});`,
      `$mail->addAddress(${php(facts.to)});`,
      `$mail->Subject = ${php(testSubject(facts))};`,
      "$mail->Body = 'It works.';",
      "$mail->send();",
      "",
    ].join("\n")
    return {
      content,
      secretNote: secretNote(
        facts,
        `The password is read from the ${PASSWORD_VARIABLE} environment variable with getenv().`
      ),
    }
  },
}
