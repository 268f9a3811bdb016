// The six scenarios of "time to a verdict", as data. Each one names the simulator it talks to
// and what a correct verdict looks like, so a figure measured on a wrong outcome is flagged.

/** Where a scenario connects: the in-process simulators and ports started by run.mjs. */
export const TARGETS = {
  // Like smtp.office365.com:587 (STARTTLS, AUTH LOGIN after it).
  submission: "submission",
  // Like contoso-com.mail.protection.outlook.com:25 (Direct Send, no sign-in).
  mx: "mx",
  // A loopback port nothing listens on.
  closed: "closed",
  // Accepts TCP and never greets (simulator option `silent`).
  silent: "silent",
}

export const SCENARIOS = [
  {
    id: "success",
    label: "success",
    target: TARGETS.submission,
    security: "starttls",
    user: "sender@contoso.com",
    from: "sender@contoso.com",
    to: "it-team@contoso.com",
    expect: { ok: true },
  },
  {
    id: "auth-disabled",
    label: "535 5.7.139",
    target: TARGETS.submission,
    security: "starttls",
    // Practice mailbox with SMTP AUTH turned off (lib/practice/accounts.ts).
    user: "auth-disabled-mailbox@contoso.com",
    from: "auth-disabled-mailbox@contoso.com",
    to: "it-team@contoso.com",
    expect: { ok: false, reply: /^535 5\.7\.139/ },
  },
  {
    id: "relay-denied",
    label: "relay denied",
    target: TARGETS.mx,
    security: "starttls",
    // Direct Send to a domain the tenant does not accept.
    from: "scanner@contoso.com",
    to: "someone@fabrikam.example",
    expect: { ok: false, reply: /^550 5\.7\.54/ },
  },
  {
    id: "refused",
    label: "connection refused",
    target: TARGETS.closed,
    security: "starttls",
    user: "sender@contoso.com",
    from: "sender@contoso.com",
    to: "it-team@contoso.com",
    expect: { ok: false, failure: /ECONNREFUSED|Connection refused/i },
  },
  {
    id: "silent",
    label: "silent port",
    target: TARGETS.silent,
    security: "starttls",
    user: "sender@contoso.com",
    from: "sender@contoso.com",
    to: "it-team@contoso.com",
    // The simulator itself hangs up after 30 s, which a client waiting as long may see first.
    expect: { ok: false, failure: /TIMEDOUT|TIMEOUT|closed/i },
  },
  {
    id: "tls-mismatch",
    label: "TLS mode mismatch",
    target: TARGETS.submission,
    // Implicit TLS against the STARTTLS port.
    security: "tls",
    user: "sender@contoso.com",
    from: "sender@contoso.com",
    to: "it-team@contoso.com",
    expect: { ok: false, failure: /SSL|TLS/ },
  },
]

/** Every client connects by address: "localhost" may resolve to ::1, where nothing listens. */
export const HOST = "127.0.0.1"

/** The practice mailboxes' password (DEFAULT_PRACTICE_PASSWORD in lib/practice/accounts.ts). */
export const PRACTICE_PASSWORD = "practice"

/** Whether a verdict ({ ok, reply?, failure? }) is the one the scenario should produce. */
export function isExpectedVerdict(scenario, verdict) {
  const { expect } = scenario
  if (verdict.ok !== expect.ok) return false
  if (expect.reply && !expect.reply.test(verdict.reply ?? "")) return false
  if (expect.failure && !expect.failure.test(verdict.failure ?? "")) return false
  return true
}

/** The wizard's values for a scenario, as the form submits them (see test-support/setup-values.ts). */
export function wizardValues(scenario, port) {
  const signsIn = Boolean(scenario.user)
  return {
    method: { method: signsIn ? "smtp-auth" : "direct-send" },
    server: {
      practice: false,
      domain: signsIn ? "" : "contoso.com",
      host: HOST,
      port: String(port),
      security: scenario.security,
    },
    account: signsIn ? { user: scenario.user, pass: PRACTICE_PASSWORD } : { user: "", pass: "" },
    sender: { fromAddress: scenario.from, fromName: signsIn ? "Bench" : "" },
    test: { to: scenario.to },
  }
}
