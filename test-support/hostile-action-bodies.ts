// Server action bodies that Next.js 16's decoder answers with a 500, or that cost it seconds, and
// the 4xx smtp365 answers instead (lib/security/action-request.ts, checked by action-gate.ts). Shared by the unit test of
// the check and the end-to-end test that posts them to the built app.

/** Next.js's server action body limit: 1 MB, counted as 1024 * 1024 bytes. */
const LIMIT = 1024 * 1024

const nested = (open: string, inner: string, close: string, depth: number) =>
  open.repeat(depth) + inner + close.repeat(depth)

export interface HostileActionBody {
  name: string
  body: string
  /** The answer smtp365 gives it. */
  status: 400 | 413
  /** Whether React's own decoder throws on it (a 500 from Next.js without smtp365's check). */
  breaksDecoder: boolean
}

export const HOSTILE_ACTION_BODIES: readonly HostileActionBody[] = [
  {
    name: "arrays nested half a megabyte deep",
    body: nested("[", "", "]", LIMIT / 2),
    status: 400,
    breaksDecoder: true,
  },
  {
    name: "arrays nested 5,000 deep in 10 kB",
    body: nested("[", "", "]", 5_000),
    status: 400,
    breaksDecoder: true,
  },
  {
    name: "objects nested 20,000 deep",
    body: `[${nested('{"a":', "1", "}", 20_000)}]`,
    status: 400,
    breaksDecoder: true,
  },
  {
    name: "a bigint of 301 digits",
    body: `[{"n":"$n${"9".repeat(301)}"}]`,
    status: 400,
    breaksDecoder: true,
  },
  {
    name: "a bigint of a megabyte",
    body: `[{"n":"$n${"9".repeat(LIMIT - 20)}"}]`,
    status: 400,
    breaksDecoder: true,
  },
  {
    name: "a bigint that is no number",
    body: '[{"n":"$n12ab"}]',
    status: 400,
    breaksDecoder: true,
  },
  {
    name: "more array slots than React decodes",
    body: `["$$${"a".repeat(1_000_001)}",0]`,
    status: 400,
    breaksDecoder: true,
  },
  {
    name: "1,001 arguments",
    body: JSON.stringify(Array<number>(1001).fill(0)),
    status: 400,
    // Next.js refuses it after decoding, with a 500.
    breaksDecoder: false,
  },
  {
    name: "a number literal of a megabyte",
    body: `[${"9".repeat(LIMIT - 2)}]`,
    status: 400,
    breaksDecoder: false,
  },
  {
    name: "a body one byte over Next.js's limit",
    body: `[{"text":"${"a".repeat(LIMIT - 12)}"}]`,
    status: 413,
    breaksDecoder: false,
  },
]
