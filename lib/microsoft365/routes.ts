import type { OAuthSignIn, SendingMethod } from "@/lib/schemas/setup-fields"
import { BASIC_AUTH_TIMELINE } from "./basic-auth-timeline"
import * as SOURCES from "./sources"
import type { Source } from "./sources"

/**
 * The route a sender should take after Basic authentication, from what the admin knows about it.
 * The questions are the wizard's first step's "Which route fits this sender?"; the answer names
 * the method, why, the dates that decide it, and the other methods that would also work.
 */

/** How the sender can sign in: OAuth 2.0, only a username and password, or not at all. */
export type SenderSignIn = "oauth" | "password" | "none"

export interface SenderFacts {
  signIn?: SenderSignIn
  /** Mails people outside the organisation. */
  external?: boolean
  /** Sends from a static public IP address of the organisation's. */
  staticIp?: boolean
  /** Security defaults are on in the tenant ("unknown": the admin doesn't know). */
  securityDefaults?: "on" | "off" | "unknown"
}

export interface RouteAdvice {
  method: SendingMethod
  /** The Account step's sign-in to prefill, where the route signs in with OAuth. */
  oauth?: OAuthSignIn
  /** Why, one sentence each. */
  reasons: string[]
  /** The dates that decide it, as "when: what". */
  dates: { when: string; what: string }[]
  /** What the admin must check or know before relying on it. */
  caveat?: string
  /** Other methods that fit too, with why one might take them instead. */
  alternatives: { method: SendingMethod; why: string }[]
  sources: Source[]
}

const [, SWITCH_OFF, , FINAL_DATE] = BASIC_AUTH_TIMELINE.milestones

/** SMTP AUTH's Basic authentication, as Microsoft's timeline dates it. */
const SMTP_AUTH_DATES = [SWITCH_OFF, FINAL_DATE].filter((milestone) => milestone !== undefined)

/** HVE accounts keep Basic authentication longer (SOURCES.hveInternalOnly). */
const HVE_DATE = {
  when: "September 2028",
  what: "Basic authentication for HVE accounts is supported until then.",
}

/** Reject Direct Send is the tenant's own opt-in (SOURCES.rejectDirectSend). */
const REJECT_DIRECT_SEND =
  "If your tenant has turned on Reject Direct Send (Set-OrganizationConfig -RejectDirectSend $true), Direct Send is refused with 550 5.7.68: then use a connector instead."

/** The questions that must be answered before any route can be named. */
export function readyForAdvice(facts: SenderFacts): boolean {
  return facts.signIn !== undefined && facts.external !== undefined
}

/**
 * The route for a sender, or null until it is known how it signs in and whom it mails. Every
 * method stays one click away: this explains, the admin chooses.
 */
export function recommendRoute(facts: SenderFacts): RouteAdvice | null {
  const { signIn, external, staticIp, securityDefaults } = facts
  if (!signIn || external === undefined) return null

  if (signIn === "oauth") {
    return {
      method: "smtp-auth",
      oauth: "oauth-app",
      reasons: [
        "It can sign in with OAuth 2.0: SMTP AUTH with an OAuth token is what Microsoft 365 supports once Basic authentication is off, and app-only (client credentials) needs no user to sign in.",
      ],
      dates: [...SMTP_AUTH_DATES],
      alternatives: external
        ? [
            {
              method: "acs",
              why: "For large volumes to people outside the organisation.",
            },
          ]
        : [
            {
              method: "hve",
              why: "For large volumes to staff: HVE accounts take OAuth with an app you allow, and need no licence.",
            },
          ],
      sources: [SOURCES.oauth, BASIC_AUTH_TIMELINE.source],
    }
  }

  if (signIn === "password") {
    if (external) {
      return {
        method: "acs",
        reasons: [
          "It must mail people outside the organisation and knows only a username and password: Azure Communication Services takes an Entra app's ID in the username and its client secret as the password, and signs in to Entra for the sender.",
          "SMTP AUTH with the mailbox's password stops at the switch-off below unless an admin turns Basic authentication back on.",
        ],
        dates: [...SMTP_AUTH_DATES],
        alternatives: [
          ...(staticIp
            ? [
                {
                  method: "relay" as const,
                  why: "It has a static public IP: an inbound connector relays its mail to anyone without any sign-in.",
                },
              ]
            : []),
          {
            method: "smtp-auth",
            why: "Works with the mailbox's password until Basic authentication is off for your tenant.",
          },
        ],
        sources: [SOURCES.acsSmtp, BASIC_AUTH_TIMELINE.source],
      }
    }
    if (securityDefaults === "on") {
      return {
        method: "direct-send",
        reasons: [
          "It mails only staff, and security defaults block Basic authentication sign-ins, so its password cannot sign in: Direct Send delivers to your own mailboxes without signing in.",
        ],
        dates: [...SMTP_AUTH_DATES],
        caveat: REJECT_DIRECT_SEND,
        alternatives: [
          {
            method: "hve",
            why: "Only if security defaults are turned off: they block an HVE account's password too (535 5.7.139, as Microsoft's HVE troubleshooting page says).",
          },
        ],
        sources: [
          SOURCES.securityDefaults,
          SOURCES.hveTroubleshoot,
          SOURCES.mfd,
          SOURCES.rejectDirectSend,
        ],
      }
    }
    return {
      method: "hve",
      reasons: [
        "It mails only staff and knows only a username and password: an HVE account signs in with a password for longer than SMTP AUTH will, needs no licence, and delivers inside the organisation only.",
      ],
      dates: [...SMTP_AUTH_DATES, HVE_DATE],
      ...(securityDefaults === "unknown"
        ? {
            caveat:
              "Check security defaults first (Microsoft Entra admin center → Entra ID → Overview → Properties): they block an HVE account's password too, as does an authentication policy without AllowBasicAuthSmtp.",
          }
        : {}),
      alternatives: [
        {
          method: "direct-send",
          why: "If it can also send without signing in: no account at all, to your own mailboxes.",
        },
        {
          method: "smtp-auth",
          why: "With a licensed mailbox's password, until Basic authentication is off for your tenant.",
        },
      ],
      sources: [
        SOURCES.hve,
        SOURCES.hveInternalOnly,
        ...(securityDefaults === "unknown" ? [SOURCES.hveTroubleshoot] : []),
        BASIC_AUTH_TIMELINE.source,
      ],
    }
  }

  // It cannot sign in.
  if (!external) {
    return {
      method: "direct-send",
      reasons: [
        "It cannot sign in and mails only staff: Direct Send delivers to your own mailboxes from any network without signing in.",
      ],
      dates: [],
      caveat: REJECT_DIRECT_SEND,
      alternatives: staticIp
        ? [
            {
              method: "relay",
              why: "It has a static public IP: a connector also works, and keeps working if Direct Send is rejected.",
            },
          ]
        : [],
      sources: [SOURCES.mfd, SOURCES.rejectDirectSend],
    }
  }
  return {
    method: "relay",
    reasons: staticIp
      ? [
          "It cannot sign in and must mail people outside: only a connector lets Microsoft 365 relay such mail, recognising the sender by its static public IP.",
        ]
      : [
          "It cannot sign in and must mail people outside: only a connector lets Microsoft 365 relay such mail, and a connector recognises a sender by a static public IP or a certificate.",
        ],
    dates: [],
    ...(staticIp
      ? {}
      : {
          caveat:
            "Without a static IP, point the sender at a relay of your own that does sign in (for example Postfix as a smart-host client, among the Settings step's files), or give it a static IP.",
        }),
    alternatives: [],
    sources: [SOURCES.mfd],
  }
}
