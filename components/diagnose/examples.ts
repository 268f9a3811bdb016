/**
 * Samples the diagnose page can fill in, in the named software's own output format. Reply texts
 * are Microsoft 365's, verbatim (shared/reference/microsoft-365-smtp.md §4); hosts are made up.
 */
export const PASTE_EXAMPLES = [
  {
    id: "nodemailer",
    label: "nodemailer: 535 5.7.139",
    text: `[2025-03-14 09:21:44] DEBUG [xYz12AbC] C: AUTH LOGIN
[2025-03-14 09:21:44] DEBUG [xYz12AbC] S: 334 VXNlcm5hbWU6
[2025-03-14 09:21:44] DEBUG [xYz12AbC] C: bm90aWZpY2F0aW9uc0Bjb250b3NvLmNvbQ==
[2025-03-14 09:21:44] DEBUG [xYz12AbC] S: 334 UGFzc3dvcmQ6
[2025-03-14 09:21:44] DEBUG [xYz12AbC] C: /* secret */
[2025-03-14 09:21:44] DEBUG [xYz12AbC] S: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [PH8PR07CA0012.namprd07.prod.outlook.com 2025-03-14T09:21:44.512Z 08DD61A2B7C3E4F5]
[2025-03-14 09:21:44] INFO  [xYz12AbC] User "notifications@contoso.com" failed to authenticate
Error: Invalid login: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [PH8PR07CA0012.namprd07.prod.outlook.com 2025-03-14T09:21:44.512Z 08DD61A2B7C3E4F5]
    at SMTPConnection._formatError (/srv/app/node_modules/nodemailer/lib/smtp-connection/index.js:809:19)
    at SMTPConnection._actionAUTHComplete (/srv/app/node_modules/nodemailer/lib/smtp-connection/index.js:1588:34) {
  code: 'EAUTH',
  response: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [PH8PR07CA0012.namprd07.prod.outlook.com 2025-03-14T09:21:44.512Z 08DD61A2B7C3E4F5]',
  responseCode: 535,
  command: 'AUTH LOGIN'
}`,
  },
  {
    id: "ndr",
    label: "Bounce (NDR): 5.7.64",
    text: `Delivery has failed to these recipients or groups:

partner@fabrikam.com
Your message wasn't delivered. Despite repeated attempts to deliver your message, the recipient's email system refused to accept a connection from your email system.

Diagnostic information for administrators:

Generating server: EXCH01.contoso.local

partner@fabrikam.com
Remote Server returned '550 5.7.64 TenantAttribution; Relay Access Denied [DB5EUR03FT012.eop-EUR03.prod.protection.outlook.com]'

Original message headers:

From: Scanner <scanner@contoso.com>
To: <partner@fabrikam.com>
Subject: Scanned document
Date: Fri, 14 Mar 2025 09:21:40 +0000`,
  },
  {
    id: "postfix",
    label: "Postfix log: 5.7.54",
    text: `Mar 14 09:21:43 app01 postfix/qmgr[1190]: 5A1B2C3D4E: from=<alerts@contoso.com>, size=1043, nrcpt=1 (queue active)
Mar 14 09:21:44 app01 postfix/smtp[1215]: 5A1B2C3D4E: to=<partner@fabrikam.com>, relay=contoso-com.mail.protection.outlook.com[52.101.68.12]:25, delay=1.2, delays=0.05/0.01/0.61/0.53, dsn=5.7.54, status=bounced (host contoso-com.mail.protection.outlook.com[52.101.68.12] said: 550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain (in reply to RCPT TO command))
Mar 14 09:21:44 app01 postfix/qmgr[1190]: 5A1B2C3D4E: removed`,
  },
] as const
