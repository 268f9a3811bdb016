import { describe, expect, test } from "vitest"

import { PASTE_CORPUS, type PastedText } from "@/test-support/paste-corpus"
import { diagnoseText } from "./diagnose-text"

// The corpus is real pasted text (test-support/paste-corpus.ts). The texts set aside before the
// reader was tuned are scored apart: their accuracy is what the reader does on text no one here
// has seen.

/** What the page shows for a text: one id per distinct diagnosis, in order. */
function read(entry: PastedText) {
  const result = diagnoseText(entry.text)
  if (result.outcome !== "errors") return { ids: [result.outcome], fix: "" }
  const ids = [...new Set(result.replies.map(({ diagnosis }) => diagnosis.id))]
  const fix = result.replies.flatMap(({ diagnosis }) => diagnosis.fix).join("\n")
  return { ids, fix }
}

function isRight(entry: PastedText) {
  const { ids, fix } = read(entry)
  const sameIds = ids.length === entry.expect.length && ids.every((id, i) => id === entry.expect[i])
  return sameIds && (!entry.fixMentions || fix.includes(entry.fixMentions))
}

const tuned = PASTE_CORPUS.filter((entry) => !entry.heldOut)
const heldOut = PASTE_CORPUS.filter((entry) => entry.heldOut)

describe("the corpus of pasted texts", () => {
  test("is broad: at least 60 texts, several of each kind, a fifth held out", () => {
    expect(PASTE_CORPUS.length).toBeGreaterThanOrEqual(60)
    const perKind = new Map<string, number>()
    for (const entry of PASTE_CORPUS) perKind.set(entry.kind, (perKind.get(entry.kind) ?? 0) + 1)
    for (const [, count] of perKind) expect(count).toBeGreaterThanOrEqual(2)
    expect(heldOut.length).toBeGreaterThanOrEqual(Math.floor(PASTE_CORPUS.length / 5))
    expect(new Set(PASTE_CORPUS.map((entry) => entry.id)).size).toBe(PASTE_CORPUS.length)
  })

  test.each(tuned.map((entry) => [entry.id, entry] as const))("diagnoses %s", (_, entry) => {
    const { ids, fix } = read(entry)
    expect(ids).toEqual(entry.expect)
    if (entry.fixMentions) expect(fix).toContain(entry.fixMentions)
  })

  test("diagnoses the held-out texts right at least 95% of the time", () => {
    const wrong = heldOut.filter((entry) => !isRight(entry))
    const accuracy = (heldOut.length - wrong.length) / heldOut.length
    expect(
      { accuracy, wrong: wrong.map((entry) => ({ id: entry.id, got: read(entry).ids })) },
      `held-out accuracy ${(accuracy * 100).toFixed(1)}%`
    ).toMatchObject({ wrong: [] })
    expect(accuracy).toBeGreaterThanOrEqual(0.95)
  })
})
