import { STEP_IDS, type SendingMethod, type StepId } from "@/lib/schemas/setup-fields"

/** Step headings; the stepper uses the same words. */
export const STEP_TITLES: Record<StepId, string> = {
  method: "Sending method",
  server: "Server",
  account: "Account",
  sender: "Sender",
  domain: "Domain",
  test: "Test",
  settings: "Settings",
}

/** The steps a method goes through: Direct Send and relay send without signing in, so no Account. */
export function activeSteps(method: SendingMethod): StepId[] {
  return STEP_IDS.filter((id) => id !== "account" || method === "smtp-auth")
}
