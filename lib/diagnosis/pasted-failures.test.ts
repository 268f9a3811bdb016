import { describe, expect, test } from "vitest"

import { findClientFailure, findTokenErrors } from "./pasted-failures"

// The texts are copied from the issue threads in test-support/paste-corpus.ts, which names each
// thread; the corpus test checks the diagnoses, these the reading.

describe("findTokenErrors", () => {
  test("cuts a token endpoint's JSON answer at the end of the message", () => {
    const text = `ClientException
Client error: \`POST https://login.microsoftonline.com/common/oauth2/v2.0/token\` resulted in a \`401 Unauthorized\` response: {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being se (truncated...)`
    const [error, ...others] = findTokenErrors(text)
    expect(others).toEqual([])
    expect(error).toMatchObject({
      text: "AADSTS7000215: Invalid client secret provided. Ensure the secret being se",
      line: 2,
      facts: {
        stage: "token",
        reply: "AADSTS7000215: Invalid client secret provided. Ensure the secret being se",
      },
    })
  })

  test("reads each code once, and stops a message at its Trace ID", () => {
    const message =
      "AADSTS7000222: The provided client secret keys for app '00000000-0000-0000-0000-000000000000' are expired."
    const text = `${message} Trace ID: 1f2e3d4c-0000-0000-0000-000000000000\n${message}\n{"error_description":"${message}"}`
    expect(findTokenErrors(text)).toEqual([expect.objectContaining({ text: message, line: 1 })])
  })

  test("finds nothing in text without AADSTS", () => {
    expect(findTokenErrors("invalid_client: the client secret is wrong")).toEqual([])
  })
})

describe("findClientFailure", () => {
  test.each([
    [
      "OpenSSL's wrong version number, under nodemailer's ESOCKET",
      "SMTPError: connection encountered an error (0008A9C0BE7F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:355",
      { code: "ETLS", cause: "ERR_SSL_WRONG_VERSION_NUMBER", stage: "tls" },
    ],
    [
      "MailKit's handshake error, which also names a port",
      "MailKit.Security.SslHandshakeException: 'An error occurred while attempting to establish an SSL or TLS connection. One possibility is that you are trying to connect to a port which does not support SSL/TLS.",
      { code: "ETLS", cause: "ERR_SSL_WRONG_VERSION_NUMBER", stage: "tls" },
    ],
    [
      "a connection the server closed",
      "System.IO.IOException: An existing connection was forcibly closed by the remote host",
      { code: "ECONNECTION", stage: "ehlo" },
    ],
    [
      "a refused connection",
      "Error: connect ECONNREFUSED 52.98.151.66:587",
      { code: "ESOCKET", cause: "ECONNREFUSED", stage: "connect" },
    ],
  ])("reads %s", (_, text, facts) => {
    expect(findClientFailure(text)).toMatchObject({ line: 1, facts })
  })

  test("shows the line that says it, and counts lines from 1", () => {
    const text = "Sending...\n\n   Error: connect ETIMEDOUT 52.98.151.66:587   \nat Socket"
    expect(findClientFailure(text)).toMatchObject({
      text: "Error: connect ETIMEDOUT 52.98.151.66:587",
      line: 3,
      facts: { code: "ETIMEDOUT", cause: "CONNECT_TIMEOUT" },
    })
  })

  test("finds nothing in prose or in an SMTP reply", () => {
    expect(findClientFailure("The scanner stopped emailing scans last Tuesday.")).toBeUndefined()
    expect(findClientFailure("535 5.7.3 Authentication unsuccessful")).toBeUndefined()
  })
})

test("both stay fast on huge and hostile input", () => {
  const hostile = [
    "AADSTS1234567 ".repeat(7_000),
    Array.from({ length: 10_000 }, (_, index) => `AADSTS${1000 + index}`).join(""),
    `AADSTS7000215: ${"\\".repeat(100_000)}`,
    "a".repeat(100_000),
    "certificate ".repeat(8_000),
    "Connection ".repeat(9_000),
    "\n".repeat(100_000),
  ]
  for (const input of hostile) {
    const started = performance.now()
    findTokenErrors(input)
    findClientFailure(input)
    expect(performance.now() - started).toBeLessThan(1_000)
  }
})
