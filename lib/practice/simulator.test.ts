import SMTPConnection, {
  type SMTPConnectionOptions,
  type SMTPConnectionSendInfo,
} from "nodemailer/lib/smtp-connection"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { PRACTICE_ACCOUNTS, PRACTICE_MX_SENDERS, type PracticeStage } from "@/lib/practice/accounts"
import { createCertificateAuthority, issueServerCertificate } from "@/lib/practice/certificates"
import { fillReply, startSimulator, type RunningSimulator } from "@/lib/practice/simulator"

const SUBMISSION_HOST = "PH7PR17MB1234.namprd17.prod.outlook.com"
const MX_HOST = "DM6NAM12FT034.mail.protection.outlook.com"
const PASSWORD = "practice"
const DAY_MS = 24 * 60 * 60 * 1000

let tls: { key: string; cert: string }
let ca: string

beforeAll(async () => {
  const authority = await createCertificateAuthority()
  tls = await issueServerCertificate(authority, { names: ["localhost"], ips: ["127.0.0.1"] })
  ca = authority.cert
})

/** A connected nodemailer client, and every reply it received (multi-line replies joined by \n). */
async function connect(sim: RunningSimulator, options: SMTPConnectionOptions = {}) {
  const replies: string[] = []
  const ignore = () => undefined
  const connection = new SMTPConnection({
    host: sim.host,
    port: sim.port,
    tls: { ca },
    transactionLog: true,
    logger: {
      debug: (entry: { tnx?: string }, message: string) => {
        if (entry.tnx === "server") replies.push(message)
      },
      trace: ignore,
      info: ignore,
      warn: ignore,
      error: ignore,
      fatal: ignore,
    },
    ...options,
  })
  // Failures while connecting (a greeting timeout) are emitted, not passed to the callback.
  connection.on("error", ignore)
  await new Promise<void>((resolve, reject) => {
    connection.once("error", reject)
    connection.connect((err) => {
      connection.off("error", reject)
      if (err) reject(err)
      else resolve()
    })
  })
  return { connection, replies }
}

function login(connection: SMTPConnection, user: string, pass = PASSWORD) {
  return new Promise<void>((resolve, reject) =>
    connection.login({ user, pass }, (err) => (err ? reject(err) : resolve()))
  )
}

function send(connection: SMTPConnection, from: string, to: string[]) {
  const message = `From: ${from}\r\nTo: ${to.join(", ")}\r\nSubject: practice\r\n\r\nHello.\r\n`
  return new Promise<SMTPConnectionSendInfo>((resolve, reject) =>
    connection.send({ from, to }, message, (err, info) =>
      err || !info ? reject(err) : resolve(info)
    )
  )
}

/** The reply line of a rejected step, as nodemailer reports it. */
async function replyOf(step: Promise<unknown>): Promise<string | undefined> {
  return (await failureOf(step))?.response
}

/** How a step failed: the reply, and the command nodemailer was waiting on. */
async function failureOf(
  step: Promise<unknown>
): Promise<{ response?: string; command?: string; code?: string } | undefined> {
  return step.then(
    () => undefined,
    (err: unknown) => err as { response?: string; command?: string; code?: string }
  )
}

/** The command whose reply carries a scenario's answer, as nodemailer names it. */
const COMMAND_OF_STAGE: Record<PracticeStage, string> = {
  auth: "AUTH LOGIN",
  mail: "MAIL FROM",
  rcpt: "RCPT TO",
  data: "DATA",
}

async function submit(sim: RunningSimulator, user: string, from: string, to: string[]) {
  const { connection } = await connect(sim)
  try {
    await login(connection, user)
    return await send(connection, from, to)
  } finally {
    connection.close()
  }
}

describe("submission role (smtp.office365.com:587)", () => {
  let sim: RunningSimulator
  beforeAll(async () => {
    sim = await startSimulator({ role: "submission", tls })
  })
  afterAll(() => sim.close())

  it("greets like Exchange Online and offers AUTH only after STARTTLS", async () => {
    const plain = await connect(sim, { ignoreTLS: true })
    plain.connection.close()
    expect(plain.replies[0]).toMatch(
      /^220 PH7PR17MB1234\.namprd17\.prod\.outlook\.com Microsoft ESMTP MAIL Service ready at (Mon|Tue|Wed|Thu|Fri|Sat|Sun), [1-9]\d? [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d \+0000$/
    )
    expect(plain.connection.allowsAuth).toBe(false)
    expect(plain.replies[1]).toContain(`250-${SUBMISSION_HOST} Hello [127.0.0.1]`)
    expect(plain.replies[1]).toMatch(/^250[ -]STARTTLS$/m)
    expect(plain.replies[1]).not.toMatch(/AUTH/)

    const secure = await connect(sim)
    secure.connection.close()
    const ehloAfterTls = secure.replies.at(-1)
    expect(ehloAfterTls).toMatch(/^250[ -]AUTH LOGIN XOAUTH2$/m)
    expect(ehloAfterTls).toMatch(/^250[ -]SIZE 157286400$/m)
    expect(ehloAfterTls).not.toMatch(/STARTTLS|PLAIN/)
  })

  it("accepts sender@contoso.com sending as itself and records the message", async () => {
    const info = await submit(sim, "sender@contoso.com", "sender@contoso.com", [
      "someone@fabrikam.com",
    ])
    expect(info.accepted).toEqual(["someone@fabrikam.com"])
    const message = sim.messages.at(-1)
    expect(message).toMatchObject({
      from: "sender@contoso.com",
      to: ["someone@fabrikam.com"],
      authUser: "sender@contoso.com",
    })
    expect(message?.raw).toContain("Subject: practice")
  })

  // Each case opens its own connection, so they run side by side.
  it.concurrent.for([
    [
      "auth-disabled-tenant",
      `535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [${SUBMISSION_HOST}]`,
    ],
    [
      "auth-disabled-mailbox",
      "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.",
    ],
    [
      "basic-auth-disabled",
      `535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [${SUBMISSION_HOST}]`,
    ],
    [
      "security-defaults",
      "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.",
    ],
    [
      "conditional-access",
      "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.",
    ],
    ["legacy-auth-blocked", `535 5.7.3 Authentication unsuccessful [${SUBMISSION_HOST}]`],
    [
      "basic-auth-retired",
      "550 5.7.30 Basic authentication is not supported for Client Submission.",
    ],
  ])(
    "answers AUTH LOGIN for %s@contoso.com with the exact reply",
    async ([mailbox, reply], { expect }) => {
      const { connection } = await connect(sim)
      expect(await replyOf(login(connection, `${mailbox}@contoso.com`))).toBe(reply)
      connection.close()
    }
  )

  it("answers a wrong password and an unknown mailbox alike", async () => {
    const reply = `535 5.7.139 Authentication unsuccessful, the user credentials were incorrect. [${SUBMISSION_HOST}]`
    const first = await connect(sim)
    expect(await replyOf(login(first.connection, "sender@contoso.com", "wrong"))).toBe(reply)
    first.connection.close()
    const second = await connect(sim)
    expect(await replyOf(login(second.connection, "nobody@contoso.com"))).toBe(reply)
    second.connection.close()
  })

  it("refuses MAIL FROM before STARTTLS with 451 5.7.3", async () => {
    const { connection } = await connect(sim, { ignoreTLS: true })
    const reply = await replyOf(send(connection, "sender@contoso.com", ["someone@fabrikam.com"]))
    expect(reply).toBe(`451 5.7.3 STARTTLS is required to send mail [${SUBMISSION_HOST}]`)
    connection.close()
  })

  it("refuses MAIL FROM without AUTH with 530 5.7.57", async () => {
    const { connection } = await connect(sim)
    const reply = await replyOf(send(connection, "sender@contoso.com", ["someone@fabrikam.com"]))
    expect(reply).toBe(`530 5.7.57 Client not authenticated to send mail. [${SUBMISSION_HOST}]`)
    connection.close()
  })

  it.concurrent.for([
    ["thread-limit", "432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded"],
    ["quota-exceeded", "554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException"],
    [
      "mailbox-full",
      "554 5.2.2 mailbox full; STOREDRV.Submission.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded",
    ],
    ["bad-outbound-sender", "550 5.1.8 Access denied, bad outbound sender"],
  ])(
    "answers a send from %s@contoso.com with the exact reply",
    async ([mailbox, reply], { expect }) => {
      const address = `${mailbox}@contoso.com`
      expect(await replyOf(submit(sim, address, address, ["someone@fabrikam.com"]))).toBe(reply)
    }
  )

  it("refuses a MAIL FROM other than the mailbox unless it has Send As", async () => {
    const denied = await replyOf(
      submit(sim, "sender@contoso.com", "ceo@contoso.com", ["someone@fabrikam.com"])
    )
    expect(denied).toBe(
      "554 5.2.252 SendAsDenied; sender@contoso.com not allowed to send as ceo@contoso.com; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message Cannot submit message."
    )

    await submit(sim, "send-as@contoso.com", "ceo@contoso.com", ["someone@fabrikam.com"])
    expect(sim.messages.at(-1)).toMatchObject({
      from: "ceo@contoso.com",
      authUser: "send-as@contoso.com",
    })
  })

  // Every rejecting mailbox of accounts.ts, at the command its scenario names.
  it.concurrent.for(
    Object.entries(PRACTICE_ACCOUNTS).flatMap(([mailbox, scenario]) =>
      scenario.outcome === "rejected" ? [[mailbox, scenario.stage, scenario.reply] as const] : []
    )
  )("%s@contoso.com answers at %s with its reply", async ([mailbox, stage, reply], { expect }) => {
    const address = `${mailbox}@contoso.com`
    const failure = await failureOf(submit(sim, address, address, ["someone@fabrikam.com"]))
    expect(failure?.response).toBe(fillReply(reply, SUBMISSION_HOST))
    expect(failure?.command).toBe(COMMAND_OF_STAGE[stage])
  })

  it.concurrent.for(
    Object.entries(PRACTICE_ACCOUNTS).flatMap(([mailbox, scenario]) =>
      scenario.outcome === "accepted" && "sendAsDeniedReply" in scenario
        ? [[mailbox, scenario.sendAsDeniedReply] as const]
        : []
    )
  )(
    "%s@contoso.com sends as itself, and gets its own Send As wording for another From",
    async ([mailbox, reply], { expect }) => {
      const address = `${mailbox}@contoso.com`
      await submit(sim, address, address, ["someone@fabrikam.com"])
      const failure = await failureOf(
        submit(sim, address, "ceo@contoso.com", ["someone@fabrikam.com"])
      )
      expect(failure?.response).toBe(reply)
      expect(failure?.command).toBe("DATA")
    }
  )
})

describe("mx role (contoso-com.mail.protection.outlook.com:25)", () => {
  const sims: RunningSimulator[] = []
  afterAll(() => Promise.all(sims.map((sim) => sim.close())))

  async function mx(options: { connector?: boolean; rejectDirectSend?: boolean } = {}) {
    const sim = await startSimulator({ role: "mx", tls, ...options })
    sims.push(sim)
    return sim
  }

  async function directSend(sim: RunningSimulator, from: string, to: string) {
    const { connection, replies } = await connect(sim)
    try {
      return { info: await send(connection, from, [to]), replies }
    } finally {
      connection.close()
    }
  }

  it("offers STARTTLS and no AUTH, and delivers to an accepted domain without signing in", async () => {
    const sim = await mx()
    const { info, replies } = await directSend(sim, "scanner@contoso.com", "user@contoso.com")
    expect(replies[0]).toMatch(new RegExp(`^220 ${MX_HOST} Microsoft ESMTP MAIL Service ready at `))
    expect(replies[1]).toMatch(/^250[ -]STARTTLS$/m)
    expect(replies.join("\n")).not.toMatch(/AUTH/)
    expect(info.accepted).toEqual(["user@contoso.com"])
    expect(sim.messages).toEqual([
      expect.objectContaining({ from: "scanner@contoso.com", to: ["user@contoso.com"] }),
    ])
    expect(sim.events.map((event) => event.type)).toEqual([
      "connect",
      "starttls",
      "mail",
      "rcpt",
      "data",
    ])
  })

  it("refuses to relay to another domain without a connector, and relays with one", async () => {
    const reply = await replyOf(directSend(await mx(), "scanner@contoso.com", "someone@gmail.com"))
    expect(reply).toBe("550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain")

    const relay = await mx({ connector: true })
    const { info } = await directSend(relay, "scanner@contoso.com", "someone@gmail.com")
    expect(info.accepted).toEqual(["someone@gmail.com"])
  })

  it("refuses a recipient missing from the directory", async () => {
    const reply = await replyOf(
      directSend(await mx(), "scanner@contoso.com", "no-such-user@contoso.com")
    )
    expect(reply).toBe("550 5.4.1 Recipient address rejected: Access denied")
  })

  it.concurrent.for(
    Object.entries(PRACTICE_MX_SENDERS).map(
      ([localPart, scenario]) => [localPart, scenario.stage, scenario.reply] as const
    )
  )(
    "MAIL FROM %s@contoso.com is answered at %s with its reply",
    async ([localPart, stage, reply], { expect }) => {
      const failure = await failureOf(
        directSend(await mx(), `${localPart}@contoso.com`, "user@contoso.com")
      )
      expect(failure?.response).toBe(fillReply(reply, MX_HOST, { clientIp: "127.0.0.1" }))
      expect(failure?.command).toBe(COMMAND_OF_STAGE[stage])
    }
  )

  it("fills the client's address into an IP block reply", async () => {
    const reply = await replyOf(
      directSend(await mx(), "blocklisted-ip@contoso.com", "user@contoso.com")
    )
    expect(reply).toBe(
      "550 5.7.1 Service unavailable; Client host [127.0.0.1] blocked using Blocklist 1; To request removal from this list please forward this message to delist@messaging.microsoft.com"
    )
  })

  it("refuses Direct Send from an accepted domain when RejectDirectSend is on", async () => {
    const reply = await replyOf(
      directSend(await mx({ rejectDirectSend: true }), "scanner@contoso.com", "user@contoso.com")
    )
    expect(reply).toBe(
      "550 5.7.68 TenantInboundAttribution; Direct Send not allowed for this organization from unauthorized sources"
    )
  })
})

describe("simulator lifecycle and records", () => {
  it("records the username of a sign-in but never its password", async () => {
    const secret = "c0rrect-h0rse-battery"
    const sim = await startSimulator({ role: "submission", tls, password: secret })
    try {
      const { connection } = await connect(sim)
      await login(connection, "sender@contoso.com", secret)
      await send(connection, "sender@contoso.com", ["someone@fabrikam.com"])
      connection.close()
      expect(sim.events).toContainEqual({ type: "auth", detail: "LOGIN sender@contoso.com" })
      expect(JSON.stringify([sim.events, sim.messages])).not.toContain(secret)
      expect(JSON.stringify([sim.events, sim.messages])).not.toContain(
        Buffer.from(secret).toString("base64")
      )
    } finally {
      await sim.close()
    }
  })

  it("keeps no message or event when told not to record, and still answers as Microsoft 365", async () => {
    const sim = await startSimulator({ role: "submission", tls, record: false })
    try {
      const info = await submit(sim, "sender@contoso.com", "sender@contoso.com", [
        "someone@fabrikam.com",
      ])
      expect(info.response).toMatch(/^250 /)
      expect(sim.messages).toHaveLength(0)
      expect(sim.events).toHaveLength(0)
    } finally {
      await sim.close()
    }
  })

  it("closes quickly while a client is still connected", async () => {
    const sim = await startSimulator({ role: "submission", tls })
    const { connection } = await connect(sim)
    const ended = new Promise((resolve) => connection.once("end", resolve))
    const started = Date.now()
    await sim.close()
    expect(Date.now() - started).toBeLessThan(1000)
    await ended
  })

  it("presents an expired certificate when given one", async () => {
    const authority = await createCertificateAuthority()
    const expired = await issueServerCertificate(authority, {
      names: ["localhost"],
      ips: ["127.0.0.1"],
      validFrom: new Date(Date.now() - 2 * DAY_MS),
      validTo: new Date(Date.now() - DAY_MS),
    })
    const sim = await startSimulator({ role: "submission", tls: expired })
    try {
      const error = await connect(sim, { tls: { ca: authority.cert } }).then(
        () => undefined,
        (err: unknown) => err
      )
      expect(error).toMatchObject({ code: "ESOCKET", originalCode: "CERT_HAS_EXPIRED" })
    } finally {
      await sim.close()
    }
  })

  it("closes the connection in the middle of DATA when told to", async () => {
    const sim = await startSimulator({ role: "submission", tls, dropInData: true })
    try {
      const failure = await failureOf(
        submit(sim, "sender@contoso.com", "sender@contoso.com", ["someone@fabrikam.com"])
      )
      expect(failure).toMatchObject({ code: "ECONNECTION" })
      expect(failure?.response).toBeUndefined()
      expect(sim.messages).toEqual([])
      expect(sim.events.map((event) => event.type)).toContain("rcpt")
    } finally {
      await sim.close()
    }
  })

  it("never greets when silent", async () => {
    const sim = await startSimulator({ role: "submission", tls, silent: true })
    try {
      const error = await connect(sim, { greetingTimeout: 300 }).then(
        () => undefined,
        (err: unknown) => err
      )
      expect(error).toMatchObject({ code: "ETIMEDOUT", timeoutType: "GREETING_TIMEOUT" })
      expect(sim.events).toEqual([{ type: "connect", detail: "127.0.0.1" }])
    } finally {
      await sim.close()
    }
  })
})
