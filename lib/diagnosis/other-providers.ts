/**
 * Mail services other than Microsoft 365, as their hosts and replies show them in a pasted text.
 * A reply or a connection error that belongs to one of them gets no Microsoft 365 fix: smtp365
 * explains Microsoft 365's failures only.
 */
export interface OtherProvider {
  name: string
  /** Its SMTP hosts, or how an app's settings name it (nodemailer's service: "Gmail"). */
  named: RegExp
  /** What only its own replies carry ("- gsmtp" at the end of every Gmail reply). */
  replySignature?: RegExp
}

export const OTHER_PROVIDERS: readonly OtherProvider[] = [
  {
    name: "Gmail (Google)",
    named:
      /\bsmtp\.gmail\.com\b|\bsmtp-relay\.gmail\.com\b|\baspmx\.l\.google\.com\b|\bservice['"]?\s*[:=]\s*['"]gmail['"]/i,
    replySignature: /\bgsmtp\b|support\.google\.com\/mail/i,
  },
  { name: "Yahoo Mail", named: /\bsmtp\.mail\.yahoo\.com\b/i },
  { name: "QQ Mail", named: /\bsmtp\.(?:exmail\.)?qq\.com\b/i },
  { name: "NetEase (163.com)", named: /\bsmtp\.(?:163|126)\.com\b/i },
  { name: "SendGrid", named: /\bsmtp\.sendgrid\.net\b/i },
  { name: "Mailgun", named: /\bsmtp\.(?:eu\.)?mailgun\.org\b/i },
  { name: "Amazon SES", named: /\bemail-smtp\.[a-z0-9-]+\.amazonaws\.com\b/i },
  { name: "Zoho Mail", named: /\bsmtp(?:pro)?\.zoho\.(?:com|eu|in)\b/i },
  { name: "Brevo", named: /\bsmtp-relay\.(?:brevo|sendinblue)\.com\b/i },
  { name: "Proton Mail", named: /\bsmtp\.protonmail\.ch\b/i },
]

/** Microsoft's own mail hosts, in any of the names a setup or a reply shows them by. */
const MICROSOFT_HOSTS =
  /\b(?:office365\.com|outlook\.com|outlook\.office\.com|protection\.outlook\.com|mx\.microsoft|azurecomm\.net|hotmail\.com|live\.com)\b/i

/**
 * The other provider a text is about: it names one, and no Microsoft host. A reply in a log that
 * also names Microsoft's hosts is read as Microsoft's.
 */
export function otherProviderIn(text: string): OtherProvider | undefined {
  if (MICROSOFT_HOSTS.test(text)) return undefined
  return OTHER_PROVIDERS.find((provider) => provider.named.test(text))
}

/** The provider whose signature a reply carries, whatever else the text names. */
export function otherProviderOfReply(reply: string): OtherProvider | undefined {
  return OTHER_PROVIDERS.find((provider) => provider.replySignature?.test(reply))
}
