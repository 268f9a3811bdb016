// No "server-only": the simulator runs in vitest and Playwright support code too (Node only).
import { domainOfAddress, localPartOfAddress } from "@/lib/email-address"
import { verifyAccessToken, type AccessTokenClaims } from "./access-tokens"
import {
  ACS_AUTH_METHODS,
  ACS_REPLIES,
  ACS_SIGNED_IN,
  PRACTICE_ACS_APPS,
  PRACTICE_ACS_LINKED_DOMAINS,
  PRACTICE_ACS_RESOURCE,
  PRACTICE_ACS_SMTP_USERNAMES,
  PRACTICE_ACS_TENANT,
  type AcsApp,
} from "./acs-accounts"
import { PRACTICE_ACCOUNTS, SIMULATOR_REPLIES, type PracticeScenario } from "./accounts"
import { HVE_REPLIES, PRACTICE_HVE_ACCOUNTS, type HveAccount } from "./hve-accounts"
import {
  EXCHANGE_AUDIENCE,
  PRACTICE_DELEGATED_MAILBOXES,
  findPracticeApp,
} from "./identity-scenarios"

/**
 * The sign-in endpoints the simulator stands in for, each with its own accounts and rules: SMTP
 * AUTH (smtp.office365.com), High Volume Email (smtp.hve.mx.microsoft) and Azure Communication
 * Services (smtp.azurecomm.net). The data is in accounts.ts, hve-accounts.ts and acs-accounts.ts;
 * this module decides which scenario applies. simulator.ts speaks SMTP and asks the route.
 */
export type RouteId = "smtp-auth" | "hve" | "acs"

/** Placeholder values of a reply template (see accounts.ts). */
export interface ReplyValues {
  authUser?: string
  from?: string
  clientIp?: string
}

/** A route's refusal: a reply template of the data modules, and its placeholder values. */
export interface Refusal {
  reply: string
  values?: ReplyValues
}

/** Who signed in, and how their account behaves after AUTH. */
export interface SignedInUser {
  username: string
  scenario: PracticeScenario
}

export interface RouteOptions {
  /** Password of every SMTP AUTH mailbox and HVE account. */
  password: string
  /** Lower-case accepted domains of the tenant. */
  acceptedDomains: readonly string[]
  /** HS256 key of the practice identity server; without it every token is refused. */
  tokenKey?: string
}

export interface SubmissionRoute {
  /** AUTH mechanisms offered after STARTTLS, in order. */
  authMethods: readonly ("LOGIN" | "PLAIN" | "XOAUTH2")[]
  /**
   * Greets and words its AUTH replies as Exchange Online does ("Microsoft ESMTP MAIL Service ready",
   * "235 2.7.0"). Azure Communication Services' own wording is not published, so it keeps
   * smtp-server's.
   */
  exchangeOnline: boolean
  /** AUTH LOGIN or PLAIN. */
  signIn(username: string, password: string): SignedInUser | Refusal
  /** AUTH XOAUTH2. */
  signInWithToken(username: string, accessToken: string): SignedInUser | Refusal
  /** The route's own check of MAIL FROM, after the account's scenario. */
  mailFrom(user: SignedInUser, from: string): Refusal | undefined
  /** The route's own check of a recipient, after the account's scenario. */
  recipient(user: SignedInUser, to: string): Refusal | undefined
  /** The route's own check once the message is in (Send As), after the account's scenario. */
  message(user: SignedInUser, from: string): Refusal | undefined
}

/** Exchange Online's audiences: app-only tokens are for outlook.office365.com, SMTP.Send ones for outlook.office.com. */
const EXCHANGE_AUDIENCES = new Set([EXCHANGE_AUDIENCE, "https://outlook.office.com"])

export function isSignedIn(result: SignedInUser | Refusal): result is SignedInUser {
  return "scenario" in result
}

export function createRoute(id: RouteId, options: RouteOptions): SubmissionRoute {
  switch (id) {
    case "smtp-auth":
      return smtpAuthRoute(options)
    case "hve":
      return hveRoute(options)
    case "acs":
      return acsRoute(options)
  }
}

/** What differs between two Exchange Online sign-in routes. */
interface ExchangeAccounts<Account extends PracticeScenario> {
  /** Local part → account, in every accepted domain. */
  accounts: Readonly<Record<string, Account>>
  /**
   * After a valid, unexpired token for Exchange Online: the account it signs in as, or undefined
   * when Exchange Online refuses it (`refused`).
   */
  tokenAccount(claims: AccessTokenClaims, address: string): Account | undefined
  /** The reply to a token Exchange Online refuses. */
  refused: string
  /** Refuses a recipient the route does not deliver to. */
  recipient?(to: string): Refusal | undefined
}

/**
 * An Exchange Online sign-in route: accounts by local part with one password, XOAUTH2 tokens from
 * the practice identity server, and Send As once the message is in. SMTP AUTH and HVE are two.
 */
function exchangeRoute<Account extends PracticeScenario>(
  options: RouteOptions,
  route: ExchangeAccounts<Account>
): SubmissionRoute {
  const isAccepted = (address: string) => accepts(options, address)
  const account = (address: string) => accountOf(route.accounts, options, address)

  return {
    authMethods: ["LOGIN", "XOAUTH2"],
    exchangeOnline: true,
    signIn(username, password) {
      const scenario = account(username)
      // The password is checked first, so a typo always reads as a typo, whatever the account.
      if (!scenario || password !== options.password) {
        return { reply: SIMULATOR_REPLIES.badCredentials.reply }
      }
      if (scenario.outcome === "rejected" && scenario.stage === "auth") {
        return { reply: scenario.reply }
      }
      return { username, scenario }
    },
    signInWithToken(username, accessToken) {
      const refused = { reply: route.refused }
      const claims = options.tokenKey ? verifyAccessToken(accessToken, options.tokenKey) : undefined
      if (!claims || claims.exp * 1000 <= Date.now()) return refused
      if (!EXCHANGE_AUDIENCES.has(String(claims.aud))) return refused
      const scenario = route.tokenAccount(claims, username.toLowerCase())
      if (!scenario) return refused
      if (scenario.outcome === "rejected" && "refusesOAuth" in scenario && scenario.refusesOAuth) {
        return { reply: scenario.reply }
      }
      return { username, scenario }
    },
    mailFrom: () => undefined,
    recipient: (_user, to) => route.recipient?.(to),
    message(user, from) {
      const { scenario } = user
      const maySendAs =
        scenario.outcome === "accepted" && scenario.sendAs
          ? isAccepted(from)
          : from.toLowerCase() === user.username.toLowerCase()
      if (maySendAs) return undefined
      return {
        reply:
          (scenario.outcome === "accepted" && scenario.sendAsDeniedReply) ||
          SIMULATOR_REPLIES.sendAsDenied.reply,
        values: { authUser: user.username, from },
      }
    },
  }
}

/** Whether an address is in one of the tenant's accepted domains. */
function accepts(options: RouteOptions, address: string): boolean {
  return options.acceptedDomains.includes(domainOfAddress(address).toLowerCase())
}

/** The account of an address: its local part in the list, in any accepted domain. */
function accountOf<Account>(
  accounts: Readonly<Record<string, Account>>,
  options: RouteOptions,
  address: string
): Account | undefined {
  if (!accepts(options, address)) return undefined
  const localPart = localPartOfAddress(address).toLowerCase()
  return Object.hasOwn(accounts, localPart) ? accounts[localPart] : undefined
}

const roles = (claims: AccessTokenClaims) => (Array.isArray(claims.roles) ? claims.roles : [])

/**
 * SMTP AUTH (reference §3): for an app-only token a service principal registered with the right
 * object ID, the SMTP.SendAsApp role (or RBAC for Applications) and FullAccess to the mailbox; for a
 * delegated token the SMTP.Send scope and the user's own mailbox or one it has FullAccess to.
 * Exchange Online gives all of these the same reply, 535 5.7.3.
 */
function smtpAuthRoute(options: RouteOptions): SubmissionRoute {
  return exchangeRoute<PracticeScenario>(options, {
    accounts: PRACTICE_ACCOUNTS,
    refused: SIMULATOR_REPLIES.oauthRejected.reply,
    tokenAccount(claims, mailbox) {
      if (claims.idtyp === "app") {
        const app = findPracticeApp(String(claims.appid ?? ""))
        if (!app || app.servicePrincipal !== "registered") return undefined
        if (!roles(claims).includes("SMTP.SendAsApp") && !app.rbac) return undefined
        if (!app.mailboxes.includes(mailbox)) return undefined
      } else {
        const scopes = String(claims.scp ?? "").split(" ")
        const user = String(claims.upn ?? "").toLowerCase()
        if (!scopes.includes("SMTP.Send")) return undefined
        if (mailbox !== user && !PRACTICE_DELEGATED_MAILBOXES[user]?.includes(mailbox)) {
          return undefined
        }
      }
      // A mailbox outside the practice list (a shared mailbox) sends like "sender".
      return (
        accountOf<PracticeScenario>(PRACTICE_ACCOUNTS, options, mailbox) ??
        (accepts(options, mailbox) ? PRACTICE_ACCOUNTS.sender : undefined)
      )
    },
  })
}

/**
 * High Volume Email (SOURCES.hveOAuth): an app-only token with the Mail.Send application
 * permission, from an app on the HVE account's Allowed Apps list; internal recipients only.
 */
function hveRoute(options: RouteOptions): SubmissionRoute {
  return exchangeRoute<HveAccount>(options, {
    accounts: PRACTICE_HVE_ACCOUNTS,
    refused: HVE_REPLIES.appNotAllowed.reply,
    tokenAccount(claims, address) {
      if (claims.idtyp !== "app" || !roles(claims).includes("Mail.Send")) return undefined
      const account = accountOf<HveAccount>(PRACTICE_HVE_ACCOUNTS, options, address)
      return account?.allowedApps?.includes(String(claims.appid ?? "")) ? account : undefined
    },
    recipient: (to) =>
      accepts(options, to) ? undefined : { reply: HVE_REPLIES.externalRecipient.reply },
  })
}

/**
 * Azure Communication Services (SOURCES.acsSmtp): the username names the resource, an Entra app and
 * its tenant (or is an SMTP Username linked to the app), the password is one of the app's client
 * secrets, the app has a role on the resource, and MAIL FROM is in a linked domain. The service
 * refuses every sign-in failure with the same reply.
 */
function acsRoute(_options: RouteOptions): SubmissionRoute {
  const refused = { reply: ACS_REPLIES.authenticationUnsuccessful.reply }

  function appOf(username: string): AcsApp | undefined {
    const smtpUsername = Object.hasOwn(PRACTICE_ACS_SMTP_USERNAMES, username)
      ? PRACTICE_ACS_SMTP_USERNAMES[username as keyof typeof PRACTICE_ACS_SMTP_USERNAMES]
      : undefined
    const [resource, clientId = "", tenant] = smtpUsername
      ? [PRACTICE_ACS_RESOURCE, smtpUsername.app, PRACTICE_ACS_TENANT]
      : username.split("|")
    if (resource !== PRACTICE_ACS_RESOURCE || tenant?.toLowerCase() !== PRACTICE_ACS_TENANT) {
      return undefined
    }
    const id = clientId.toLowerCase()
    return Object.hasOwn(PRACTICE_ACS_APPS, id)
      ? PRACTICE_ACS_APPS[id as keyof typeof PRACTICE_ACS_APPS]
      : undefined
  }

  return {
    authMethods: ACS_AUTH_METHODS,
    exchangeOnline: false,
    signIn(username, password) {
      const app = appOf(username)
      if (!app || !app.secrets.some((secret) => secret === password) || !app.hasRole) {
        return refused
      }
      return { username, scenario: ACS_SIGNED_IN }
    },
    signInWithToken: () => refused,
    mailFrom: (_user, from) =>
      (PRACTICE_ACS_LINKED_DOMAINS as readonly string[]).includes(
        domainOfAddress(from).toLowerCase()
      )
        ? undefined
        : { reply: ACS_REPLIES.senderDomainNotLinked.reply },
    recipient: () => undefined,
    message: () => undefined,
  }
}
