import type { SessionEnd, SessionRequest } from "./session"
import type { SessionEvent } from "./types"

/** The parent asks the session thread to run one session; `id` ties its replies to it. */
export interface SessionThreadRequest {
  id: number
  request: SessionRequest
}

/** A reply about one session: one of its stage and transcript events, or its end. */
export type SessionThreadReply =
  { id: number; event: SessionEvent } | { id: number; end: SessionEnd }

/**
 * What the thread posts: every reply of one turn of its event loop, in order. Many sessions at
 * once make many events a turn, and one message for them all costs far less than one each.
 */
export type SessionThreadMessage = SessionThreadReply[]
