import type { SetupValues } from "@/lib/schemas/setup"

/** The name of the environment variable every output reads the password from. */
export const PASSWORD_VARIABLE = "SMTP_PASSWORD"

/** Facts every generator needs, derived once from the wizard's values. */
export function connectionFacts(values: SetupValues) {
  const signsIn = values.method.method === "smtp-auth"
  return {
    host: values.server.host,
    port: Number(values.server.port),
    security: values.server.security,
    signsIn,
    user: signsIn ? values.account.user : "",
    fromAddress: values.sender.fromAddress,
    fromName: values.sender.fromName,
    to: values.test.to,
  }
}

export type ConnectionFacts = ReturnType<typeof connectionFacts>

/** The note every output carries on where the password goes. */
export function secretNote(facts: ConnectionFacts, where: string): string {
  return facts.signsIn ? where : "Direct Send and relay need no password."
}
