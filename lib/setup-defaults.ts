import { SMTP_AUTH_HOST, guessMxHost } from "@/lib/microsoft365/endpoints"
import { methodInfo } from "@/lib/microsoft365/methods"
import type { SendingMethod, SetupValues } from "@/lib/schemas/setup"

/** The wizard's starting values for a method: its server, port and security, and nothing else. */
export function defaultSetupValues(method: SendingMethod = "smtp-auth", domain = ""): SetupValues {
  const { defaults } = methodInfo(method)
  return {
    method: { method },
    server: {
      practice: false,
      domain,
      host: method === "smtp-auth" ? SMTP_AUTH_HOST : guessMxHost(domain),
      port: defaults.port,
      security: defaults.security,
    },
    account: { user: "", pass: "" },
    sender: { fromAddress: "", fromName: "" },
    test: { to: "" },
  }
}
