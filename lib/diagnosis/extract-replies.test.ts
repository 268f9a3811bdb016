import { describe, expect, test } from "vitest"

import { extractReplies, type ExtractedReply } from "./extract-replies"

// What admins paste: real client logs and bounces in the named software's own format, with
// Microsoft 365's reply texts verbatim (shared/reference/microsoft-365-smtp.md §4); only host
// details are made up.

/** nodemailer's error object, as console.error prints it. */
const NODEMAILER_ERROR = `Error: Invalid login: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [PH8PR07CA0012.namprd07.prod.outlook.com 2025-03-14T09:21:44.512Z 08DD61A2B7C3E4F5]
    at SMTPConnection._formatError (/srv/app/node_modules/nodemailer/lib/smtp-connection/index.js:809:19)
    at SMTPConnection._actionAUTHComplete (/srv/app/node_modules/nodemailer/lib/smtp-connection/index.js:1588:34)
    at SMTPConnection.<anonymous> (/srv/app/node_modules/nodemailer/lib/smtp-connection/index.js:556:26)
    at SMTPConnection._processResponse (/srv/app/node_modules/nodemailer/lib/smtp-connection/index.js:993:20)
    at SMTPConnection._onData (/srv/app/node_modules/nodemailer/lib/smtp-connection/index.js:774:14)
    at SMTPConnection._onSocketData (/srv/app/node_modules/nodemailer/lib/smtp-connection/index.js:195:44)
    at TLSSocket.emit (node:events:519:28)
    at addChunk (node:internal/streams/readable:559:12)
    at readableAddChunkPushByteMode (node:internal/streams/readable:510:3)
    at Readable.push (node:internal/streams/readable:390:5) {
  code: 'EAUTH',
  response: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [PH8PR07CA0012.namprd07.prod.outlook.com 2025-03-14T09:21:44.512Z 08DD61A2B7C3E4F5]',
  responseCode: 535,
  command: 'AUTH LOGIN'
}`

/** nodemailer's own logger (logger: true), from the greeting to a refused AUTH LOGIN. */
const NODEMAILER_LOG = `[2025-03-14 09:21:43] DEBUG [xYz12AbC] Resolved smtp.office365.com as 52.98.151.66 [cache miss]
[2025-03-14 09:21:43] INFO  [xYz12AbC] Connection established to 52.98.151.66:587
[2025-03-14 09:21:43] DEBUG [xYz12AbC] S: 220 PH8PR07CA0012.outlook.office365.com Microsoft ESMTP MAIL Service ready at Fri, 14 Mar 2025 09:21:43 +0000 [08DD61A2B7C3E4F5]
[2025-03-14 09:21:43] DEBUG [xYz12AbC] C: EHLO app01
[2025-03-14 09:21:43] DEBUG [xYz12AbC] S: 250-PH8PR07CA0012.outlook.office365.com Hello [203.0.113.10]
[2025-03-14 09:21:43] DEBUG [xYz12AbC] S: 250-SIZE 157286400
[2025-03-14 09:21:43] DEBUG [xYz12AbC] S: 250-PIPELINING
[2025-03-14 09:21:43] DEBUG [xYz12AbC] S: 250-DSN
[2025-03-14 09:21:43] DEBUG [xYz12AbC] S: 250-ENHANCEDSTATUSCODES
[2025-03-14 09:21:43] DEBUG [xYz12AbC] S: 250-STARTTLS
[2025-03-14 09:21:43] DEBUG [xYz12AbC] S: 250-8BITMIME
[2025-03-14 09:21:43] DEBUG [xYz12AbC] S: 250-BINARYMIME
[2025-03-14 09:21:43] DEBUG [xYz12AbC] S: 250-CHUNKING
[2025-03-14 09:21:43] DEBUG [xYz12AbC] S: 250 SMTPUTF8
[2025-03-14 09:21:43] DEBUG [xYz12AbC] C: STARTTLS
[2025-03-14 09:21:43] DEBUG [xYz12AbC] S: 220 2.0.0 SMTP server ready
[2025-03-14 09:21:44] INFO  [xYz12AbC] Connection upgraded with STARTTLS
[2025-03-14 09:21:44] DEBUG [xYz12AbC] C: EHLO app01
[2025-03-14 09:21:44] DEBUG [xYz12AbC] S: 250-PH8PR07CA0012.outlook.office365.com Hello [203.0.113.10]
[2025-03-14 09:21:44] DEBUG [xYz12AbC] S: 250-SIZE 157286400
[2025-03-14 09:21:44] DEBUG [xYz12AbC] S: 250-PIPELINING
[2025-03-14 09:21:44] DEBUG [xYz12AbC] S: 250-DSN
[2025-03-14 09:21:44] DEBUG [xYz12AbC] S: 250-ENHANCEDSTATUSCODES
[2025-03-14 09:21:44] DEBUG [xYz12AbC] S: 250-AUTH LOGIN XOAUTH2
[2025-03-14 09:21:44] DEBUG [xYz12AbC] S: 250-8BITMIME
[2025-03-14 09:21:44] DEBUG [xYz12AbC] S: 250-BINARYMIME
[2025-03-14 09:21:44] DEBUG [xYz12AbC] S: 250-CHUNKING
[2025-03-14 09:21:44] DEBUG [xYz12AbC] S: 250 SMTPUTF8
[2025-03-14 09:21:44] DEBUG [xYz12AbC] SMTP handshake finished
[2025-03-14 09:21:44] DEBUG [xYz12AbC] C: AUTH LOGIN
[2025-03-14 09:21:44] DEBUG [xYz12AbC] S: 334 VXNlcm5hbWU6
[2025-03-14 09:21:44] DEBUG [xYz12AbC] C: bm90aWZpY2F0aW9uc0Bjb250b3NvLmNvbQ==
[2025-03-14 09:21:44] DEBUG [xYz12AbC] S: 334 UGFzc3dvcmQ6
[2025-03-14 09:21:44] DEBUG [xYz12AbC] C: /* secret */
[2025-03-14 09:21:44] DEBUG [xYz12AbC] S: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [PH8PR07CA0012.namprd07.prod.outlook.com 2025-03-14T09:21:44.512Z 08DD61A2B7C3E4F5]
[2025-03-14 09:21:44] INFO  [xYz12AbC] User "notifications@contoso.com" failed to authenticate
[2025-03-14 09:21:44] DEBUG [xYz12AbC] Closing connection to the server using "end"
Error: Invalid login: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [PH8PR07CA0012.namprd07.prod.outlook.com 2025-03-14T09:21:44.512Z 08DD61A2B7C3E4F5]`

/** PHPMailer with SMTPDebug = SMTP::DEBUG_SERVER: continuation lines are indented, not prefixed. */
const PHPMAILER_LOG = `2025-03-14 09:21:43	SERVER -> CLIENT: 220 AM0PR02CA0001.outlook.office365.com Microsoft ESMTP MAIL Service ready at Fri, 14 Mar 2025 09:21:43 +0000 [08DD61A2B7C3E4F5]
2025-03-14 09:21:43	CLIENT -> SERVER: EHLO intranet.contoso.com
2025-03-14 09:21:43	SERVER -> CLIENT: 250-AM0PR02CA0001.outlook.office365.com Hello [203.0.113.10]
                   	                  250-SIZE 157286400
                   	                  250-PIPELINING
                   	                  250-DSN
                   	                  250-ENHANCEDSTATUSCODES
                   	                  250-STARTTLS
                   	                  250-8BITMIME
                   	                  250-BINARYMIME
                   	                  250-CHUNKING
                   	                  250 SMTPUTF8
2025-03-14 09:21:43	CLIENT -> SERVER: STARTTLS
2025-03-14 09:21:43	SERVER -> CLIENT: 220 2.0.0 SMTP server ready
2025-03-14 09:21:43	CLIENT -> SERVER: EHLO intranet.contoso.com
2025-03-14 09:21:43	SERVER -> CLIENT: 250-AM0PR02CA0001.outlook.office365.com Hello [203.0.113.10]
                   	                  250-SIZE 157286400
                   	                  250-PIPELINING
                   	                  250-DSN
                   	                  250-ENHANCEDSTATUSCODES
                   	                  250-AUTH LOGIN XOAUTH2
                   	                  250-8BITMIME
                   	                  250-BINARYMIME
                   	                  250-CHUNKING
                   	                  250 SMTPUTF8
2025-03-14 09:21:43	CLIENT -> SERVER: AUTH LOGIN
2025-03-14 09:21:43	SERVER -> CLIENT: 334 VXNlcm5hbWU6
2025-03-14 09:21:43	CLIENT -> SERVER: [credentials hidden]
2025-03-14 09:21:43	SERVER -> CLIENT: 334 UGFzc3dvcmQ6
2025-03-14 09:21:43	CLIENT -> SERVER: [credentials hidden]
2025-03-14 09:21:49	SERVER -> CLIENT: 535 5.7.139 Authentication unsuccessful, the user credentials were incorrect. [AM0PR02CA0001.eurprd02.prod.outlook.com 2025-03-14T09:21:49.102Z 08DD61A2B7C3E4F5]
2025-03-14 09:21:49	SMTP ERROR: Password command failed: 535 5.7.139 Authentication unsuccessful, the user credentials were incorrect. [AM0PR02CA0001.eurprd02.prod.outlook.com 2025-03-14T09:21:49.102Z 08DD61A2B7C3E4F5]
SMTP Error: Could not authenticate.
2025-03-14 09:21:49	CLIENT -> SERVER: QUIT
2025-03-14 09:21:49	SERVER -> CLIENT: 221 2.0.0 Service closing transmission channel
SMTP Error: Could not authenticate.
Message could not be sent. Mailer Error: SMTP Error: Could not authenticate.`

/** Python smtplib: the code and the text arrive as a tuple, the text as bytes. */
const PYTHON_TRACEBACK = `Traceback (most recent call last):
  File "/opt/reports/send_report.py", line 42, in <module>
    server.login("reports@contoso.com", password)
  File "/usr/lib/python3.11/smtplib.py", line 750, in login
    raise last_exception
  File "/usr/lib/python3.11/smtplib.py", line 739, in login
    (code, resp) = self.auth(
                   ^^^^^^^^^^
  File "/usr/lib/python3.11/smtplib.py", line 662, in auth
    raise SMTPAuthenticationError(code, resp)
smtplib.SMTPAuthenticationError: (535, b'5.7.139 Authentication unsuccessful, basic authentication is disabled. [DU2PR04CA0123.eurprd04.prod.outlook.com 2025-03-14T09:21:49.102Z 08DD61A2B7C3E4F5]')`

/** Postfix relaying to the MX endpoint without a matching connector. */
const POSTFIX_LOG = `Mar 14 09:21:43 app01 postfix/pickup[1201]: 5A1B2C3D4E: uid=33 from=<www-data>
Mar 14 09:21:43 app01 postfix/cleanup[1210]: 5A1B2C3D4E: message-id=<20250314092143.5A1B2C3D4E@app01.contoso.com>
Mar 14 09:21:43 app01 postfix/qmgr[1190]: 5A1B2C3D4E: from=<alerts@contoso.com>, size=1043, nrcpt=1 (queue active)
Mar 14 09:21:44 app01 postfix/smtp[1215]: 5A1B2C3D4E: to=<partner@fabrikam.com>, relay=contoso-com.mail.protection.outlook.com[52.101.68.12]:25, delay=1.2, delays=0.05/0.01/0.61/0.53, dsn=5.7.54, status=bounced (host contoso-com.mail.protection.outlook.com[52.101.68.12] said: 550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain (in reply to RCPT TO command))
Mar 14 09:21:44 app01 postfix/bounce[1216]: 5A1B2C3D4E: sender non-delivery notification: 6B2C3D4E5F
Mar 14 09:21:44 app01 postfix/qmgr[1190]: 5A1B2C3D4E: removed`

/** An on-premises Exchange server's NDR after the connector stopped matching. */
const EXCHANGE_NDR = `Delivery has failed to these recipients or groups:

partner@fabrikam.com
Your message wasn't delivered. Despite repeated attempts to deliver your message, the recipient's email system refused to accept a connection from your email system.

Diagnostic information for administrators:

Generating server: EXCH01.contoso.local

partner@fabrikam.com
Remote Server returned '550 5.7.64 TenantAttribution; Relay Access Denied [DB5EUR03FT012.eop-EUR03.prod.protection.outlook.com]'

Original message headers:

Received: from EXCH01.contoso.local (10.0.0.5) by EXCH01.contoso.local
 (10.0.0.5) with Microsoft SMTP Server (version=TLS1_2,
 cipher=TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384) id 15.2.1544.4 via Mailbox
 Transport; Fri, 14 Mar 2025 09:21:44 +0000
From: Scanner <scanner@contoso.com>
To: <partner@fabrikam.com>
Subject: Scanned document
Date: Fri, 14 Mar 2025 09:21:40 +0000
Message-ID: <a1b2c3d4e5f6@EXCH01.contoso.local>
MIME-Version: 1.0`

/** The machine-readable part of a bounce (RFC 3464), with a folded Diagnostic-Code. */
const DELIVERY_STATUS = `--B_3825134504_1234
Content-Type: message/delivery-status

Reporting-MTA: dns;AM6PR02MB4567.eurprd02.prod.outlook.com
Received-From-MTA: dns;AM6PR02MB4567.eurprd02.prod.outlook.com
Arrival-Date: Fri, 14 Mar 2025 09:21:40 +0000

Final-Recipient: rfc822;nobody@contoso.com
Action: failed
Status: 5.1.10
Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP
 address lookup

--B_3825134504_1234--`

/** .NET's SmtpException drops the basic code: only the enhanced code and text remain. */
const DOTNET_EXCEPTION = String.raw`System.Net.Mail.SmtpException: Mailbox unavailable. The server response was: 5.7.60 SMTP; Client does not have permissions to send as this sender [SN6PR04MB4589.namprd04.prod.outlook.com 2025-03-14T09:21:44.512Z 08DD61A2B7C3E4F5]
   at System.Net.Mail.DataStopCommand.CheckResponse(SmtpStatusCode statusCode, String serverResponse)
   at System.Net.Mail.SmtpTransport.SendMail(MailAddress sender, MailAddressCollection recipients, String deliveryNotify, Boolean allowUnicode, SmtpFailedRecipientException& exception)
   at System.Net.Mail.SmtpClient.Send(MailMessage message)
   at Contoso.Notifications.Mailer.Send(String to) in C:\src\Notifications\Mailer.cs:line 57`

/** swaks against the submission endpoint without credentials. */
const SWAKS_LOG = `=== Trying smtp.office365.com:587...
=== Connected to smtp.office365.com.
<-  220 BN9PR03CA0123.outlook.office365.com Microsoft ESMTP MAIL Service ready at Fri, 14 Mar 2025 09:21:43 +0000
 -> EHLO app01.contoso.com
<-  250-BN9PR03CA0123.outlook.office365.com Hello [203.0.113.10]
<-  250-SIZE 157286400
<-  250-PIPELINING
<-  250-DSN
<-  250-ENHANCEDSTATUSCODES
<-  250-STARTTLS
<-  250-8BITMIME
<-  250-BINARYMIME
<-  250-CHUNKING
<-  250 SMTPUTF8
 -> STARTTLS
<-  220 2.0.0 SMTP server ready
=== TLS started with cipher TLS1.3:TLS_AES_256_GCM_SHA384:256
 ~> EHLO app01.contoso.com
<~  250-BN9PR03CA0123.outlook.office365.com Hello [203.0.113.10]
<~  250-SIZE 157286400
<~  250-AUTH LOGIN XOAUTH2
<~  250 SMTPUTF8
 ~> MAIL FROM:<printer@contoso.com>
<~* 530 5.7.57 Client not authenticated to send mail. [BN9PR03CA0123.namprd03.prod.outlook.com 2025-03-14T09:21:44.512Z 08DD61A2B7C3E4F5]
 ~> QUIT
<~  221 2.0.0 Service closing transmission channel
=== Connection closed with remote host.`

const TENANT_DISABLED =
  "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [PH8PR07CA0012.namprd07.prod.outlook.com 2025-03-14T09:21:44.512Z 08DD61A2B7C3E4F5]"

describe("extractReplies in client logs", () => {
  test("finds nodemailer's reply once, although the error prints it twice, with its command", () => {
    expect(extractReplies(NODEMAILER_ERROR)).toEqual<ExtractedReply[]>([
      { code: 535, enhanced: "5.7.139", text: TENANT_DISABLED, line: 1, command: "AUTH" },
    ])
  })

  test("keeps only the error from a whole nodemailer debug log", () => {
    expect(extractReplies(NODEMAILER_LOG)).toEqual<ExtractedReply[]>([
      { code: 535, enhanced: "5.7.139", text: TENANT_DISABLED, line: 35, command: "AUTH" },
    ])
  })

  test("reads PHPMailer's SERVER -> CLIENT lines and its SMTP ERROR line as one reply", () => {
    expect(extractReplies(PHPMAILER_LOG)).toEqual<ExtractedReply[]>([
      {
        code: 535,
        enhanced: "5.7.139",
        text: "535 5.7.139 Authentication unsuccessful, the user credentials were incorrect. [AM0PR02CA0001.eurprd02.prod.outlook.com 2025-03-14T09:21:49.102Z 08DD61A2B7C3E4F5]",
        line: 31,
        command: "AUTH",
      },
    ])
  })

  test("reads PHPMailer's error message, where the reply's text comes before its codes", () => {
    const errorInfo = (detail: string) =>
      `SMTP Error: Could not authenticate. SMTP server error: Password command failed ${detail}`
    expect(
      extractReplies(
        errorInfo(
          "Detail: Authentication unsuccessful [SN4PR0201CA0012.namprd02.prod.outlook.com] SMTP code: 535 Additional SMTP info: 5.7.3"
        )
      )
    ).toStrictEqual<ExtractedReply[]>([
      {
        code: 535,
        enhanced: "5.7.3",
        text: "535 5.7.3 Authentication unsuccessful [SN4PR0201CA0012.namprd02.prod.outlook.com]",
        line: 1,
        command: "AUTH",
      },
    ])
    // PHPMailer reads at most two digits after the last dot: 5.7.139 stays in the detail.
    expect(
      extractReplies(
        errorInfo(
          "Detail: 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [SN4PR0201CA0012.namprd02.prod.outlook.com] SMTP code: 535"
        )
      )
    ).toStrictEqual<ExtractedReply[]>([
      {
        code: 535,
        enhanced: "5.7.139",
        text: "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [SN4PR0201CA0012.namprd02.prod.outlook.com]",
        line: 1,
        command: "AUTH",
      },
    ])
  })

  test("joins Python's split code and bytes text", () => {
    expect(extractReplies(PYTHON_TRACEBACK)).toEqual<ExtractedReply[]>([
      {
        code: 535,
        enhanced: "5.7.139",
        text: "535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [DU2PR04CA0123.eurprd04.prod.outlook.com 2025-03-14T09:21:49.102Z 08DD61A2B7C3E4F5]",
        line: 11,
        command: "AUTH",
      },
    ])
  })

  test("reads Python's refused recipients, multi-line replies included", () => {
    const text = String.raw`smtplib.SMTPRecipientsRefused: {'nobody@contoso.com': (550, b'5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'), 'x@fabrikam.com': (550, b"5.7.54 SMTP; Unable to relay recipient in non-accepted domain\n5.7.54 (it isn't an accepted domain)")}`
    expect(extractReplies(text)).toEqual<ExtractedReply[]>([
      {
        code: 550,
        enhanced: "5.1.10",
        text: "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
        line: 1,
        command: "RCPT TO",
      },
      {
        code: 550,
        enhanced: "5.7.54",
        text: "550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain (it isn't an accepted domain)",
        line: 1,
        command: "RCPT TO",
      },
    ])
  })

  test("cuts Postfix's reply before '(in reply to ... command)' and keeps the command", () => {
    expect(extractReplies(POSTFIX_LOG)).toEqual<ExtractedReply[]>([
      {
        code: 550,
        enhanced: "5.7.54",
        text: "550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain",
        line: 4,
        command: "RCPT TO",
      },
    ])
  })

  test("joins a multi-line reply that Postfix logged on one line", () => {
    const line =
      "Mar 14 09:21:44 app01 postfix/smtp[1215]: 5A1B2C3D4E: to=<a@fabrikam.com>, relay=mx.fabrikam.com[198.51.100.7]:25, dsn=5.7.1, status=bounced (host mx.fabrikam.com[198.51.100.7] said: 550-5.7.1 Message rejected by policy. 550 5.7.1 Contact the recipient's administrator. (in reply to end of DATA command))"
    expect(extractReplies(line)).toEqual<ExtractedReply[]>([
      {
        code: 550,
        enhanced: "5.7.1",
        text: "550 5.7.1 Message rejected by policy. Contact the recipient's administrator.",
        line: 1,
        command: "DATA",
      },
    ])
  })

  test("reads .NET's SmtpException, which drops the basic code", () => {
    expect(extractReplies(DOTNET_EXCEPTION)).toEqual<ExtractedReply[]>([
      {
        enhanced: "5.7.60",
        text: "5.7.60 SMTP; Client does not have permissions to send as this sender [SN6PR04MB4589.namprd04.prod.outlook.com 2025-03-14T09:21:44.512Z 08DD61A2B7C3E4F5]",
        line: 1,
      },
    ])
  })

  // The texts below are copied from the issue threads in test-support/paste-corpus.ts.

  test("reads MailKit's '535: 5.7.3', with a colon after the basic code", () => {
    const text =
      'the exception being "Exception: MailKit.Security.AuthenticationException: 535: 5.7.3 Authentication unsuccessful [VI1PR0902CA0036.eurprd09.prod.outlook.com 2024-03-20T10:27:56.998Z 08DC48BEE95C08E5]".'
    expect(extractReplies(text)).toEqual<ExtractedReply[]>([
      {
        code: 535,
        enhanced: "5.7.3",
        text: "535 5.7.3 Authentication unsuccessful [VI1PR0902CA0036.eurprd09.prod.outlook.com 2024-03-20T10:27:56.998Z 08DC48BEE95C08E5]",
        line: 1,
      },
    ])
  })

  test("reads .NET's 'Message=' field, where MailKit shows only the enhanced code", () => {
    const text = `MailKit.Net.Smtp.SmtpCommandException
  HResult=0x80131500
  Message=5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message Cannot submit message. 0.35250:D8360000, 1.36674:0A000000, 1.61250:00000000`
    expect(extractReplies(text)).toEqual<ExtractedReply[]>([
      {
        enhanced: "5.2.0",
        text: "5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message Cannot submit message. 0.35250:D8360000, 1.36674:0A000000, 1.61250:00000000",
        line: 3,
      },
    ])
  })

  test("reads a Python tuple whose quote a forum made typographic", () => {
    const text =
      "smtplib.SMTPDataError: (550, b\u20195.7.60 SMTP; Client does not have permissions to send as this sender"
    expect(extractReplies(text)).toMatchObject([{ code: 550, enhanced: "5.7.60", line: 1 }])
  })

  test("reads nodemailer's response property when the reply has no code of its own", () => {
    const text = `Error: Mailbox cannot be accessed [CWXP265CA0023.GBRP265.PROD.OUTLOOK.COM]
    at SMTPConnection._formatError (/srv/app/node_modules/nodemailer/lib/smtp-connection/index.js:798:19)
code: 'EAUTH', response: Mailbox cannot be accessed [CWXP265CA0023.GBRP265.PROD.OUTLOOK.COM]', responseCode: 550, command: 'AUTH LOGIN' }`
    expect(extractReplies(text)).toEqual<ExtractedReply[]>([
      {
        code: 550,
        text: "550 Mailbox cannot be accessed [CWXP265CA0023.GBRP265.PROD.OUTLOOK.COM]",
        line: 3,
        command: "AUTH",
      },
    ])
  })

  test("drops the copy a stack trace cut short with '...'", () => {
    const text = `Expected response code 235 but got code "535", with message "535 5.7.3 Authentication unsuccessful [AM0PR07CA0005.eurprd07.prod.outlook.com] " in /var/www/html/vendor/swiftmailer/swiftmailer/lib/classes/Swift/Transport/AbstractSmtpTransport.php:457
#0 AbstractSmtpTransport.php(341): Swift_Transport_AbstractSmtpTransport->assertResponseCode('535 5.7.3 Authe...', Array)`
    expect(extractReplies(text)).toMatchObject([{ code: 535, enhanced: "5.7.3", line: 1 }])
  })

  test("reads swaks' arrows and takes the command from the client line above", () => {
    expect(extractReplies(SWAKS_LOG)).toEqual<ExtractedReply[]>([
      {
        code: 530,
        enhanced: "5.7.57",
        text: "530 5.7.57 Client not authenticated to send mail. [BN9PR03CA0123.namprd03.prod.outlook.com 2025-03-14T09:21:44.512Z 08DD61A2B7C3E4F5]",
        line: 24,
        command: "MAIL FROM",
      },
    ])
  })

  test("joins 535- continuation lines with the final line", () => {
    const text = [
      "S: 535-5.7.8 Username and Password not accepted. For more information, go to",
      "S: 535 5.7.8  https://support.google.com/mail/?p=BadCredentials d2e1a72fcca58-73.38 - gsmtp",
    ].join("\n")
    expect(extractReplies(text)).toEqual<ExtractedReply[]>([
      {
        code: 535,
        enhanced: "5.7.8",
        text: "535 5.7.8 Username and Password not accepted. For more information, go to https://support.google.com/mail/?p=BadCredentials d2e1a72fcca58-73.38 - gsmtp",
        line: 1,
      },
    ])
  })

  test("reads a JSON log line, with escaped line breaks inside the reply", () => {
    const text = String.raw`{"level":"error","time":"2025-03-14T09:21:44.512Z","msg":"send failed","err":{"code":"EENVELOPE","response":"550-5.7.60 SMTP; Client does not have permissions to send as this sender\r\n550 5.7.60 [SN6PR04MB4589.namprd04.prod.outlook.com]","responseCode":550,"command":"DATA"}}`
    expect(extractReplies(text)).toEqual<ExtractedReply[]>([
      {
        code: 550,
        enhanced: "5.7.60",
        text: "550 5.7.60 SMTP; Client does not have permissions to send as this sender [SN6PR04MB4589.namprd04.prod.outlook.com]",
        line: 1,
        command: "DATA",
      },
    ])
  })

  test("returns the successful replies, joined, when the text holds no error", () => {
    const beforeAuth = NODEMAILER_LOG.split("\n").slice(0, 16).join("\n")
    expect(extractReplies(beforeAuth).map(({ text, line }) => ({ text, line }))).toEqual([
      {
        text: "220 PH8PR07CA0012.outlook.office365.com Microsoft ESMTP MAIL Service ready at Fri, 14 Mar 2025 09:21:43 +0000 [08DD61A2B7C3E4F5]",
        line: 3,
      },
      {
        text: "250 PH8PR07CA0012.outlook.office365.com Hello [203.0.113.10] SIZE 157286400 PIPELINING DSN ENHANCEDSTATUSCODES STARTTLS 8BITMIME BINARYMIME CHUNKING SMTPUTF8",
        line: 5,
      },
      { text: "220 2.0.0 SMTP server ready", line: 16 },
    ])
  })

  test("a bare reply line is enough", () => {
    expect(
      extractReplies(
        "  421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls. [BN9PR03CA0123.namprd03.prod.outlook.com]\n"
      )
    ).toEqual<ExtractedReply[]>([
      {
        code: 421,
        enhanced: "4.7.66",
        text: "421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls. [BN9PR03CA0123.namprd03.prod.outlook.com]",
        line: 1,
      },
    ])
  })
})

describe("extractReplies in bounces", () => {
  test("reads the Exchange NDR's 'Remote Server returned' line without its quotes", () => {
    expect(extractReplies(EXCHANGE_NDR)).toEqual<ExtractedReply[]>([
      {
        code: 550,
        enhanced: "5.7.64",
        text: "550 5.7.64 TenantAttribution; Relay Access Denied [DB5EUR03FT012.eop-EUR03.prod.protection.outlook.com]",
        line: 11,
      },
    ])
  })

  test("keeps the apostrophes inside a quoted reply", () => {
    const text =
      "Remote Server returned '550 5.7.193 UnifiedGroupAgent; Delivery failed because the sender isn't a group member or external senders aren't permitted to send to this group.'"
    expect(extractReplies(text)[0]?.text).toBe(
      "550 5.7.193 UnifiedGroupAgent; Delivery failed because the sender isn't a group member or external senders aren't permitted to send to this group."
    )
  })

  test("reads an RFC 3464 delivery status: the folded Diagnostic-Code wins over Status", () => {
    expect(extractReplies(DELIVERY_STATUS)).toEqual<ExtractedReply[]>([
      {
        code: 550,
        enhanced: "5.1.10",
        text: "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
        line: 11,
      },
    ])
  })

  test("joins the reply Postfix's bounce folds onto indented lines after 'said:'", () => {
    const text = `host    outlook-com.olc.protection.outlook.com[104.47.22.161] said: 550 5.7.1
    Unfortunately, messages from [3.21.133.245] weren't sent. Please contact
    your Internet service provider since part of their network is on our block
    list (S3140). You can also refer your provider to
    http://mail.live.com/mail/troubleshooting.aspx#errors.
    [DB8EUR06FT039.eop-eur06.prod.protection.outlook.com] (in reply to MAIL
    FROM command)`
    expect(extractReplies(text)).toEqual<ExtractedReply[]>([
      {
        code: 550,
        enhanced: "5.7.1",
        text: "550 5.7.1 Unfortunately, messages from [3.21.133.245] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3140). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors. [DB8EUR06FT039.eop-eur06.prod.protection.outlook.com]",
        line: 1,
        command: "MAIL FROM",
      },
    ])
  })

  test("drops a bare Status field when a reply with words is in the text", () => {
    const text = `SMTP error from remote mail server after pipelined end of data:
    550 5.7.1 Unfortunately, messages from [185.234.69.116] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3140).
Action: failed
Status: 5.0.0`
    expect(extractReplies(text)).toMatchObject([{ code: 550, enhanced: "5.7.1", line: 1 }])
  })

  test("finds an enhanced code on its own, leaving the basic code undefined", () => {
    expect(extractReplies("Action: failed\nStatus: 5.7.23\n")).toEqual<ExtractedReply[]>([
      { enhanced: "5.7.23", text: "5.7.23", line: 2 },
    ])
    expect(
      extractReplies(
        "Error: 5.7.509 Access denied, sending domain [contoso.com] does not pass DMARC verification"
      )
    ).toEqual<ExtractedReply[]>([
      {
        enhanced: "5.7.509",
        text: "5.7.509 Access denied, sending domain [contoso.com] does not pass DMARC verification",
        line: 1,
      },
    ])
  })

  test("reads the older Exchange format, '<host #5.7.23 smtp;550 5.7.23 ...>'", () => {
    const text =
      "Remote Server returned '<mx.fabrikam.com #5.7.23 smtp;550 5.7.23 The message was rejected because of Sender Policy Framework violation>'"
    expect(extractReplies(text)).toEqual<ExtractedReply[]>([
      {
        code: 550,
        enhanced: "5.7.23",
        text: "550 5.7.23 The message was rejected because of Sender Policy Framework violation",
        line: 1,
      },
    ])
  })

  test("reads Outlook's 'Reported error' line and drops the copy of the same reply", () => {
    const text = [
      "Your message to nobody@contoso.com couldn't be delivered.",
      "nobody wasn't found at contoso.com.",
      "",
      "Error Details",
      "Reported error: 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
      "DSN generated by: AM6PR02MB4567.eurprd02.prod.outlook.com",
      "",
      "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'",
    ].join("\r\n")
    expect(extractReplies(text)).toEqual<ExtractedReply[]>([
      {
        code: 550,
        enhanced: "5.1.10",
        text: "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
        line: 5,
      },
    ])
  })
})

describe("extractReplies on anything else", () => {
  test.each([
    ["empty text", ""],
    ["prose", "The scanner stopped sending mail on Monday. 250 pages were scanned before that."],
    [
      "a stack trace",
      "    at TLSSocket.emit (node:events:519:28)\n    at addChunk (node:internal/streams/readable:559:12)",
    ],
    [
      "version numbers",
      "X-Mailer: nodemailer (4.7.0; +https://nodemailer.com/)\nUser-Agent: PHPMailer 5.2.28",
    ],
    ["a connection error", "Error: connect ECONNREFUSED 52.98.151.66:587"],
    [
      "IP addresses and dates",
      "Received: from 10.5.1.2 by 52.101.68.12 id 15.20.4200.25; 2025-03-14 09:21:44",
    ],
  ])("finds no reply in %s", (_, text) => {
    expect(extractReplies(text)).toEqual([])
  })

  test("never throws, whatever it is given", () => {
    for (const input of [
      "\u0000\uFFFF\uD800",
      "(((((((((('''''''\"\"\"\"\"",
      "535 5.7.139 '",
      "(535, b'",
      "\\n".repeat(10_000),
      undefined as unknown as string,
      42 as unknown as string,
    ]) {
      expect(() => extractReplies(input)).not.toThrow()
    }
  })

  test("stays fast on huge and hostile input, and reads only the first 100,000 characters", () => {
    const hostile = [
      "a".repeat(1_000_000),
      "5.5.5.5.".repeat(100_000),
      "550-".repeat(100_000),
      "S: 250-".repeat(100_000),
      "(535, b'".repeat(50_000),
      `${"x".repeat(64)}@`.repeat(20_000),
      "Diagnostic-Code: smtp;550 5.1.10 x\n ".repeat(20_000),
      `550 5.7.1 ${"(".repeat(50_000)}`,
      `${"Detail: ".repeat(12_000)}SMTP code: 535`,
      "Detail: SMTP code: ".repeat(5_000),
      "response: 'Mailbox cannot be accessed', responseCode: 550, ".repeat(2_000),
      `${"response: '".repeat(9_000)}responseCode: 550`,
      "x said: 550 5.7.1\n    y\n".repeat(10_000),
      "Message=5.2.0 ".repeat(7_000),
    ]
    for (const input of hostile) {
      const started = performance.now()
      extractReplies(input)
      expect(performance.now() - started).toBeLessThan(1_000)
    }
    const late = `${"x".repeat(100_000)}\n550 5.7.64 TenantAttribution; Relay Access Denied`
    expect(extractReplies(late)).toEqual([])
  })

  test("lists a reply repeated thousands of times once", () => {
    const log = Array.from({ length: 3_000 }, () => TENANT_DISABLED).join("\n")
    expect(extractReplies(log)).toHaveLength(1)
  })
})
