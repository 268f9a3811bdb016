import type { SetupValues } from "../lib/schemas/setup"

interface Endpoint {
  host?: string
  port: number
}

/** Wizard values for SMTP AUTH against a test server, as the form would submit them. */
export function smtpAuthValues(
  endpoint: Endpoint,
  account: { user: string; pass: string },
  server: Partial<SetupValues["server"]> = {}
): SetupValues {
  return {
    method: { method: "smtp-auth" },
    server: {
      practice: false,
      domain: "",
      host: endpoint.host ?? "localhost",
      port: String(endpoint.port),
      security: "starttls",
      ...server,
    },
    account,
    sender: { fromAddress: account.user, fromName: "Scanner" },
    test: { to: "it-team@contoso.com" },
  }
}

/** Wizard values for Direct Send (no sign-in) to a test MX endpoint. */
export function directSendValues(endpoint: Endpoint, to: string): SetupValues {
  return {
    method: { method: "direct-send" },
    server: {
      practice: false,
      domain: "contoso.com",
      host: endpoint.host ?? "localhost",
      port: String(endpoint.port),
      security: "starttls",
    },
    account: { user: "", pass: "" },
    sender: { fromAddress: "scanner@contoso.com", fromName: "" },
    test: { to },
  }
}
