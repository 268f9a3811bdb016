/**
 * The status codes of an SMTP reply, and what the standards say they mean: the basic reply code
 * (RFC 5321: 2xx success, 4xx transient, 5xx permanent) and the enhanced status code class.subject.detail
 * (RFC 3463). Used to read a reply the catalog does not know, and by the catalog's matchers.
 */

export interface EnhancedStatus {
  /** "5.7.139" */
  code: string
  class: number
  subject: number
  detail: number
}

export interface StatusCodes {
  /** The three-digit reply code, for example 535. */
  basic?: number
  enhanced?: EnhancedStatus
}

// An enhanced code is three dot-separated numbers that are not part of a longer dotted number
// (an IP address such as 10.5.7.1 must not read as 5.7.1).
const ENHANCED = String.raw`(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?!\.?\d)`
const BASIC_THEN_ENHANCED = new RegExp(String.raw`(?<![\d.])([245]\d\d)[ -]` + ENHANCED)
const LEADING_BASIC = /^\s*([245]\d\d)(?:[ -]|$)/
const ENHANCED_ANYWHERE = new RegExp(ENHANCED)

function enhanced(cls: string, subject: string, detail: string): EnhancedStatus {
  return {
    code: `${Number(cls)}.${Number(subject)}.${Number(detail)}`,
    class: Number(cls),
    subject: Number(subject),
    detail: Number(detail),
  }
}

/**
 * The codes of a reply as a server sent it ("535 5.7.139 Authentication unsuccessful…") or as a
 * bounce quotes it ("Remote server returned '550 5.1.10 …'", "5.7.57 SMTP; Client was not…").
 * `responseCode` (the code the client library saw) wins over the text for the basic code.
 */
export function parseStatusCodes(reply: string | undefined, responseCode?: number): StatusCodes {
  const text = reply ?? ""
  const pair = BASIC_THEN_ENHANCED.exec(text)
  const lone = pair ? null : ENHANCED_ANYWHERE.exec(text)
  const basicText = pair?.[1] ?? LEADING_BASIC.exec(text)?.[1]
  const basic = responseCode ?? (basicText ? Number(basicText) : undefined)
  const status = pair
    ? enhanced(pair[2]!, pair[3]!, pair[4]!)
    : lone
      ? enhanced(lone[1]!, lone[2]!, lone[3]!)
      : undefined
  return { ...(basic ? { basic } : {}), ...(status ? { enhanced: status } : {}) }
}

/** RFC 3463 §3.1: the class says whether the failure is permanent. */
const CLASSES: Record<number, string> = {
  2: "success",
  4: "persistent transient failure: the same message may go through if sent again later",
  5: "permanent failure: sending the same message again will fail the same way",
}

/** RFC 3463 §3.2 (subjects) and §3.3-3.9 (details), in the RFC's own words. */
const SUBJECTS: Record<number, { name: string; details: Record<number, string> }> = {
  0: { name: "Other or undefined status", details: { 0: "Other undefined status" } },
  1: {
    name: "Addressing status",
    details: {
      0: "Other address status",
      1: "Bad destination mailbox address",
      2: "Bad destination system address",
      3: "Bad destination mailbox address syntax",
      4: "Destination mailbox address ambiguous",
      5: "Destination address valid",
      6: "Destination mailbox has moved, no forwarding address",
      7: "Bad sender's mailbox address syntax",
      8: "Bad sender's system address",
    },
  },
  2: {
    name: "Mailbox status",
    details: {
      0: "Other or undefined mailbox status",
      1: "Mailbox disabled, not accepting messages",
      2: "Mailbox full",
      3: "Message length exceeds administrative limit",
      4: "Mailing list expansion problem",
    },
  },
  3: {
    name: "Mail system status",
    details: {
      0: "Other or undefined mail system status",
      1: "Mail system full",
      2: "System not accepting network messages",
      3: "System not capable of selected features",
      4: "Message too big for system",
      5: "System incorrectly configured",
    },
  },
  4: {
    name: "Network and routing status",
    details: {
      0: "Other or undefined network or routing status",
      1: "No answer from host",
      2: "Bad connection",
      3: "Directory server failure",
      4: "Unable to route",
      5: "Mail system congestion",
      6: "Routing loop detected",
      7: "Delivery time expired",
    },
  },
  5: {
    name: "Mail delivery protocol status",
    details: {
      0: "Other or undefined protocol status",
      1: "Invalid command",
      2: "Syntax error",
      3: "Too many recipients",
      4: "Invalid command arguments",
      5: "Wrong protocol version",
    },
  },
  6: {
    name: "Message content or media status",
    details: {
      0: "Other or undefined media error",
      1: "Media not supported",
      2: "Conversion required and prohibited",
      3: "Conversion required but not supported",
      4: "Conversion with loss performed",
      5: "Conversion failed",
    },
  },
  7: {
    name: "Security or policy status",
    details: {
      0: "Other or undefined security status",
      1: "Delivery not authorized, message refused",
      2: "Mailing list expansion prohibited",
      3: "Security conversion required but not possible",
      4: "Security features not supported",
      5: "Cryptographic failure",
      6: "Cryptographic algorithm not supported",
      7: "Message integrity failure",
    },
  },
}

/** RFC 3463's name for a subject (the middle number), for example "Security or policy status". */
export function subjectName(subject: number): string | undefined {
  return SUBJECTS[subject]?.name
}

export interface GenericReading {
  codes: StatusCodes
  /** true for 4xx / 4.x.x, false for 5xx / 5.x.x, undefined when the reply carries no code. */
  transient?: boolean
  /** One sentence per code that was present, in plain words. */
  lines: string[]
}

/**
 * What a reply means by its codes alone, without knowing who sent it. The reading is the
 * standards' (RFC 5321 for the basic code, RFC 3463 for the enhanced code), not Microsoft 365's.
 */
export function readStatusCodes(reply: string | undefined, responseCode?: number): GenericReading {
  const codes = parseStatusCodes(reply, responseCode)
  const lines: string[] = []
  const basicClass = codes.basic ? Math.floor(codes.basic / 100) : undefined
  if (codes.basic && basicClass === 4) {
    lines.push(
      `${codes.basic} is a temporary (4xx) refusal: the server expects the client to try again later.`
    )
  } else if (codes.basic && basicClass === 5) {
    lines.push(`${codes.basic} is a permanent (5xx) refusal: trying again unchanged will not help.`)
  }
  const status = codes.enhanced
  if (status) {
    const subject = SUBJECTS[status.subject]
    const detail = subject?.details[status.detail]
    lines.push(
      `${status.code}: class ${status.class} is a ${CLASSES[status.class] ?? "class RFC 3463 does not define"}; subject ${status.class}.${status.subject} is "${subject?.name ?? "not defined by RFC 3463"}"${
        detail
          ? `; detail ${status.code} is "${detail}".`
          : `; detail ${status.detail} is not one RFC 3463 defines (servers add their own).`
      }`
    )
  }
  // The basic code decides; a bounce that quotes only the enhanced code falls back to its class.
  const transientBy = basicClass ?? status?.class
  return {
    codes,
    ...(transientBy === 4 ? { transient: true } : transientBy === 5 ? { transient: false } : {}),
    lines,
  }
}
