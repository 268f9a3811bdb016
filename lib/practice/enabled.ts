import "server-only"

import { env } from "@/lib/env"

/** Whether practice mode (the built-in Microsoft 365 simulator) is offered: SMTP365_PRACTICE isn't "off". */
export function practiceModeEnabled(): boolean {
  return env().SMTP365_PRACTICE
}
