import { describe, expect, test } from "vitest"

import { CATALOG } from "@/lib/diagnosis/catalog"
import { classify } from "@/lib/diagnosis/classify"
import { GUIDES, guideFor } from "./guides"

describe("guides", () => {
  test("link only to diagnoses that exist, and each diagnosis to one guide at most", () => {
    const ids = new Set(CATALOG.map((entry) => entry.id))
    const linked = Object.values(GUIDES).flatMap((guide) => guide.diagnoses)
    for (const id of linked) expect(ids, id).toContain(id)
    expect(new Set(linked).size).toBe(linked.length)
  })

  test("every section cites a source", () => {
    for (const guide of Object.values(GUIDES)) {
      for (const section of guide.sections) {
        expect(section.sources.length, section.heading).toBeGreaterThan(0)
        for (const source of section.sources) expect(source.url).toMatch(/^https:\/\//)
      }
    }
  })

  test("the MFA and Basic auth guide is reachable from every 5.7.139 variant, relay from relay denials", () => {
    // The federation (AD FS) variants are about the on-premises sign-in service, not SMTP AUTH.
    const signInVariants = CATALOG.filter(
      (e) => e.match.enhanced?.includes("5.7.139") && !e.id.startsWith("federated-")
    )
    expect(signInVariants.length).toBeGreaterThanOrEqual(6)
    for (const entry of signInVariants) {
      expect(guideFor(entry.id)?.id, entry.id).toBe("basic-auth")
    }
    const diagnosis = classify(
      {
        stage: "rcpt",
        code: "EENVELOPE",
        reply: "550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain",
        responseCode: 550,
        message: "Recipient command failed",
      },
      {
        mailbox: "scanner@contoso.com",
        from: "scanner@contoso.com",
        host: "contoso-com.mail.protection.outlook.com",
        port: 25,
      }
    )
    expect(diagnosis.guide).toEqual({ title: GUIDES.relay.title, url: "/guide/relay" })
  })
})
