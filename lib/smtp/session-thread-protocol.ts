import type { SessionEnd, SessionRequest } from "./session"
import type { SessionEvent } from "./types"

/** The parent asks the session thread to run one session; `id` ties its replies to it. */
export interface SessionThreadRequest {
  id: number
  request: SessionRequest
}

/** The thread's replies: every stage and transcript event as it happens, then the end. */
export type SessionThreadReply =
  { id: number; event: SessionEvent } | { id: number; end: SessionEnd }
