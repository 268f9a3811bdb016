import { defaultHost, methodInfo } from "@/lib/microsoft365/methods"
import type { SetupValues } from "@/lib/schemas/setup"
import type { SendingMethod } from "@/lib/schemas/setup-fields"

/** The wizard's starting values for a method: its server, port and security, and nothing else. */
export function defaultSetupValues(method: SendingMethod = "smtp-auth", domain = ""): SetupValues {
  const { defaults } = methodInfo(method)
  return {
    method: { method },
    server: {
      practice: false,
      domain,
      host: defaultHost(method, domain),
      port: defaults.port,
      security: defaults.security,
    },
    account: { user: "", pass: "" },
    sender: { fromAddress: "", fromName: "" },
    test: { to: "" },
  }
}
