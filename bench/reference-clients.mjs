// The same scenario through two reference clients at their defaults: swaks (Debian) and
// nodemailer's createTransport + sendMail. Only a short verdict is kept from either: their
// output carries the AUTH exchange.
import { spawn } from "node:child_process"
import nodemailer from "nodemailer"

import { HOST, PRACTICE_PASSWORD } from "./scenarios.mjs"

/**
 * swaks with its defaults (30 s timeout), certificate checked against the test CA. Resolves with
 * { ms, verdict } or { ms: capMs, capped: true } when it runs past the cap.
 */
export function runSwaks(scenario, port, caFile, capMs) {
  const args = ["--server", HOST, "--port", String(port), "--from", scenario.from]
  args.push("--to", scenario.to, "--tls-verify", "--tls-ca-path", caFile)
  args.push(scenario.security === "tls" ? "--tls-on-connect" : "--tls")
  if (scenario.user) {
    args.push("--auth", "LOGIN", "--auth-user", scenario.user, "--auth-password", PRACTICE_PASSWORD)
  }
  return new Promise((resolve) => {
    const start = performance.now()
    const child = spawn("swaks", args, { stdio: ["ignore", "pipe", "pipe"] })
    const replies = []
    const errors = []
    let partial = ""
    const collect = (chunk) => {
      const text = partial + chunk
      const parts = text.split("\n")
      partial = parts.pop() ?? ""
      for (const line of parts) {
        // "<** " (or "<~* " inside TLS) is a server reply swaks treats as an error, "*** " its own.
        if (/^<[*~]\* /.test(line)) replies.push(line.slice(4))
        else if (line.startsWith("*** ")) errors.push(line.slice(4))
      }
    }
    child.stdout.on("data", collect)
    child.stderr.on("data", collect)
    const timer = setTimeout(() => child.kill("SIGKILL"), capMs)
    child.on("close", (code, signal) => {
      clearTimeout(timer)
      const ms = performance.now() - start
      if (signal === "SIGKILL") return resolve({ ms: capMs, capped: true })
      const reply = replies.at(-1)
      resolve({
        ms,
        verdict:
          code === 0
            ? { ok: true }
            : { ok: false, reply, failure: `exit ${code}: ${errors.at(-1) ?? reply ?? ""}` },
      })
    })
  })
}

/**
 * nodemailer's createTransport at its default timeouts (connection 2 min, greeting 30 s, socket
 * 10 min), trusting the test CA. Resolves like runSwaks.
 */
export async function runNodemailer(scenario, port, ca, capMs) {
  const transport = nodemailer.createTransport({
    host: HOST,
    port,
    secure: scenario.security === "tls",
    ...(scenario.user ? { auth: { user: scenario.user, pass: PRACTICE_PASSWORD } } : {}),
    tls: { ca },
  })
  const start = performance.now()
  let timer
  const cap = new Promise((resolve) => (timer = setTimeout(() => resolve("capped"), capMs)))
  const send = transport
    .sendMail({ from: scenario.from, to: scenario.to, subject: "bench", text: "bench" })
    .then(
      (info) => ({ ok: true, reply: info.response }),
      (error) => ({
        ok: false,
        reply: error.response,
        failure: [error.code, error.originalCode ?? error.timeoutType].filter(Boolean).join(" "),
      })
    )
  const verdict = await Promise.race([send, cap])
  clearTimeout(timer)
  const ms = performance.now() - start
  // A capped send keeps its socket until nodemailer's own timeout; run.mjs exits when done.
  transport.close()
  return verdict === "capped" ? { ms: capMs, capped: true } : { ms, verdict }
}
