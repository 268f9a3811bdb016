import { readFileSync } from "node:fs"
import path from "node:path"
import type { APIRequestContext } from "@playwright/test"
import fc from "fast-check"

import { HOSTILE_ACTION_BODIES } from "../test-support/hostile-action-bodies"
import { SETUP_FIELD_PATHS, withFieldReplaced } from "../test-support/setup-fuzz"
import { expect, test } from "./fixtures"

// Random and malformed requests against the built app (`next start`): whatever arrives, the answer
// is never a 500 and never a hang. Server actions are reached the way the browser reaches them: a
// POST to their page with the action's id in the Next-Action header, read from the build's manifest.

interface ActionEntry {
  filename?: string
  exportedName?: string
}

function actionId(exportedName: string): string {
  const manifest = JSON.parse(
    readFileSync(
      path.join(__dirname, "..", ".next", "server", "server-reference-manifest.json"),
      "utf8"
    )
  ) as { node: Record<string, ActionEntry> }
  const id = Object.entries(manifest.node).find(
    ([, entry]) => entry.exportedName === exportedName
  )?.[0]
  if (!id) throw new Error(`No server action ${exportedName} in the build`)
  return id
}

const ACTIONS = [
  { name: "sendTestEmail", page: "/" },
  { name: "diagnosePastedText", page: "/diagnose" },
] as const

/** Each request must be answered within this; a hang fails the property. */
const REQUEST_TIMEOUT_MS = 15_000
const RUNS = 40

// Values that pass the schema never reach a network: the host is neither Microsoft's nor allowed.
const wellFormed = {
  method: { method: "smtp-auth" },
  server: {
    practice: false,
    domain: "",
    host: "mail.example.invalid",
    port: "587",
    security: "starttls",
  },
  account: { user: "sender@contoso.com", pass: "Fuzz-not-a-secret" },
  sender: { fromAddress: "sender@contoso.com", fromName: "Fuzz" },
  test: { to: "it-team@contoso.com" },
}

/** The well-formed values with one field replaced by anything at all, or one step removed. */
const mutatedValues = fc.oneof(
  fc
    .record({ at: fc.constantFrom(...SETUP_FIELD_PATHS), value: fc.anything() })
    .map(({ at, value }) => withFieldReplaced(wellFormed, at, value)),
  fc.constantFrom(...Object.keys(wellFormed)).map((step) => {
    const copy: Record<string, unknown> = structuredClone(wellFormed)
    delete copy[step]
    return copy
  }),
  fc.anything()
)

/** A request body: an argument list as React encodes it, or bytes that are no encoding at all. */
const actionBody = fc.oneof(
  mutatedValues.map((value) => JSON.stringify([value])),
  fc.anything().map((value) => JSON.stringify(value) ?? "null"),
  fc.string({ unit: "binary", maxLength: 2000 }),
  fc.constantFrom("", "[", "[]", "{}", '["$K1"]', '["$@0"]', '["$Q0"]', '"$T"', "[null]")
)

const contentType = fc.constantFrom(
  "text/plain;charset=UTF-8",
  "application/json",
  "multipart/form-data; boundary=----smtp365fuzz",
  "multipart/form-data",
  "application/x-www-form-urlencoded",
  "application/octet-stream",
  ""
)

const headerName = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/)
const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,80}$/)
const extraHeaders = fc.dictionary(headerName, headerValue, { maxKeys: 4 }).map((headers) => {
  // Headers the HTTP client must own, or that would turn the request into something else.
  for (const reserved of ["host", "content-length", "transfer-encoding", "connection", "expect"]) {
    delete headers[reserved]
  }
  return headers
})

test.describe("Bad input", () => {
  // Properties run one request at a time; give the whole property room, each request its limit.
  test.describe.configure({ timeout: 180_000 })

  for (const action of ACTIONS) {
    test(`${action.name}: random bodies and headers get an answer, never a 500 or a hang`, async ({
      request,
    }) => {
      const id = actionId(action.name)
      await fc.assert(
        fc.asyncProperty(
          actionBody,
          contentType,
          extraHeaders,
          // The real id, another id, any header value, or no header (a plain POST to the page).
          fc.option(fc.oneof(fc.constant(id), fc.stringMatching(/^[0-9a-f]{0,44}$/), headerValue)),
          async (body, type, headers, nextAction) => {
            const response = await request.post(action.page, {
              headers: {
                ...headers,
                ...(nextAction === null ? {} : { "Next-Action": nextAction }),
                Accept: "text/x-component",
                ...(type ? { "Content-Type": type } : {}),
              },
              data: body,
              timeout: REQUEST_TIMEOUT_MS,
              failOnStatusCode: false,
              maxRedirects: 0,
            })
            expect(
              response.status(),
              `${response.status()} for ${JSON.stringify(body).slice(0, 200)}`
            ).toBeLessThan(500)
          }
        ),
        { numRuns: RUNS }
      )
    })
  }

  test("the test-send action answers malformed values with a structured error", async ({
    request,
  }) => {
    const response = await request.post("/", {
      headers: {
        "Next-Action": actionId("sendTestEmail"),
        Accept: "text/x-component",
        "Content-Type": "text/plain;charset=UTF-8",
      },
      data: JSON.stringify([{ ...wellFormed, test: { to: "a@contoso.com, b@contoso.com" } }]),
      failOnStatusCode: false,
    })
    expect(response.status()).toBe(200)
    const payload = await response.text()
    // The RSC payload carries the action's result: invalid, with the recipient field's message.
    expect(payload).toContain('"ok":false')
    expect(payload).toMatch(/"fieldErrors":\{"test\.to":"/)
    expect(payload).not.toContain("Fuzz-not-a-secret")
  })

  for (const page of ["/", "/sheet", "/diagnose", "/entra-checklist"]) {
    test(`${page}: random query strings get a page, never a 500 or a hang`, async ({ request }) => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.webQueryParameters(),
            fc.string({ maxLength: 300 }).map(encodeURIComponent),
            fc
              .dictionary(
                fc.constantFrom(
                  "method",
                  "host",
                  "port",
                  "security",
                  "user",
                  "from",
                  "to",
                  "s",
                  "v",
                  "d",
                  "flow",
                  "tenant",
                  "clientId",
                  "mailbox"
                ),
                fc.string({ unit: "grapheme", maxLength: 200 })
              )
              .map((params) => new URLSearchParams(params).toString())
          ),
          async (query) => {
            const response = await request.get(`${page}?${query}`, {
              timeout: REQUEST_TIMEOUT_MS,
              failOnStatusCode: false,
              maxRedirects: 0,
            })
            expect(response.status(), `${response.status()} for ?${query}`).toBeLessThan(500)
          }
        ),
        { numRuns: RUNS }
      )
    })
  }
})

test.describe("Hostile action bodies", () => {
  const post = (request: APIRequestContext, page: string, id: string, body: string) =>
    request.post(page, {
      headers: {
        "Next-Action": id,
        Accept: "text/x-component",
        "Content-Type": "text/plain;charset=UTF-8",
      },
      data: body,
      timeout: REQUEST_TIMEOUT_MS,
      failOnStatusCode: false,
      maxRedirects: 0,
    })

  for (const hostile of HOSTILE_ACTION_BODIES) {
    test(`${hostile.name}: ${hostile.status} from both actions, before Next.js decodes it`, async ({
      request,
    }) => {
      for (const action of ACTIONS) {
        const response = await post(request, action.page, actionId(action.name), hostile.body)
        expect(response.status(), action.name).toBe(hostile.status)
      }
    })
  }

  test("four concurrent megabyte-deep bodies leave pages answering quickly", async ({
    request,
  }) => {
    const deep = HOSTILE_ACTION_BODIES.find((hostile) => hostile.name.includes("half a megabyte"))
    const id = actionId("diagnosePastedText")
    let settled = false
    const posts = Promise.all(
      Array.from({ length: 4 }, () => post(request, "/diagnose", id, deep?.body ?? ""))
    ).finally(() => (settled = true))
    // Pages asked for while the bodies arrive and are refused: each answers well within this (a
    // decoder busy with them once held pages for 4 to 9 seconds).
    const latencies: number[] = []
    do {
      const started = Date.now()
      const page = await request.get("/", { timeout: REQUEST_TIMEOUT_MS })
      expect(page.status()).toBe(200)
      latencies.push(Date.now() - started)
    } while (!settled)
    for (const response of await posts) expect(response.status()).toBe(400)
    expect(Math.max(...latencies)).toBeLessThan(3_000)
  })
})
