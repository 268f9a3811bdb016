import type { SessionEnd, SessionRequest } from "./session"
import type { StageResult, TranscriptLine } from "./types"

/** The parent asks the session thread to run one session; `id` ties its replies to it. */
export interface SessionThreadRequest {
  id: number
  request: SessionRequest
}

/**
 * A reply about one session: its stages that changed, as their latest states (the browser shows
 * them as they happen), and at its end the whole transcript too, which the browser gets with the
 * outcome. `at` in the lines counts from when the thread took the session up.
 */
export type SessionThreadReply =
  | { id: number; stages: StageResult[] }
  | { id: number; stages: StageResult[]; end: SessionEnd; transcript: TranscriptLine[] }

/**
 * What the thread posts: the replies gathered since its last message (lib/smtp/
 * session-thread-outbox.ts). Many sessions at once make many changes, and one message for them
 * all costs the receiving thread far less than one each.
 */
export type SessionThreadMessage = SessionThreadReply[]
