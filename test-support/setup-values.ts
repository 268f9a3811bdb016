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
  return signInValues("smtp-auth", endpoint, account, account.user, server)
}

/**
 * Wizard values for a method that signs in with a username and a password (SMTP AUTH, High Volume
 * Email, Azure Communication Services) against a test server, sending from `from`.
 */
export function signInValues(
  method: SetupValues["method"]["method"],
  endpoint: Endpoint,
  account: { user: string; pass: string },
  from: string,
  server: Partial<SetupValues["server"]> = {}
): SetupValues {
  return {
    method: { method },
    server: {
      practice: false,
      domain: "",
      host: endpoint.host ?? "localhost",
      port: String(endpoint.port),
      security: "starttls",
      ...server,
    },
    account,
    sender: { fromAddress: from, fromName: "Scanner" },
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
