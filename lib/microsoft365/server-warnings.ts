import { isIpAddress, type SecurityMode, type SendingMethod } from "@/lib/schemas/setup-fields"
import { SMTP_AUTH_HOST, findMicrosoftEndpoint, isMxEndpoint, normalizeHost } from "./endpoints"
import { methodInfo, sendsToMx } from "./methods"
import * as SOURCES from "./sources"

export interface ServerWarning {
  id:
    | "port-465"
    | "implicit-tls-587"
    | "no-tls-credentials"
    | "ip-address"
    | "mx-port"
    | "wrong-host"
    | "not-microsoft"
  /** The field the warning is shown under (and tied to with aria-describedby). */
  field: "host" | "port" | "security"
  text: string
  source: { title: string; url: string }
}

interface ServerChoice {
  method: SendingMethod
  host: string
  port: string
  security: SecurityMode
}

/** Where a submission method signs in, in one sentence: "SMTP AUTH signs in at smtp.office365.com." */
function signsInAt(method: SendingMethod): string {
  const { shortName, endpoint } = methodInfo(method)
  return endpoint.kind === "submission" ? `${shortName} signs in at ${endpoint.host}.` : ""
}

/**
 * Combinations that cannot work with Microsoft 365, in the words an admin needs. Warnings inform:
 * they never block a test (credentials without TLS are stopped by the test itself, before AUTH).
 */
export function serverWarnings({ method, host, port, security }: ServerChoice): ServerWarning[] {
  const warnings: ServerWarning[] = []
  const toMx = sendsToMx(method)
  const name = normalizeHost(host)
  const endpoint = name ? findMicrosoftEndpoint(name) : undefined
  if (port === "465") {
    warnings.push({
      id: "port-465",
      field: "port",
      text: "Microsoft 365 does not offer port 465 (implicit TLS). A device that only offers 465 cannot use SMTP AUTH client submission: use 587 with STARTTLS.",
      source: SOURCES.mfd,
    })
  }
  if (security === "tls" && (port === "587" || port === "25")) {
    warnings.push({
      id: "implicit-tls-587",
      field: "security",
      text: `Port ${port} starts in plain text and upgrades with STARTTLS. Implicit TLS here fails with "wrong version number": choose STARTTLS.`,
      source: SOURCES.nodemailerWrongVersion,
    })
  }
  if (security === "none" && methodInfo(method).signIns[0] !== "none") {
    warnings.push({
      id: "no-tls-credentials",
      field: "security",
      text: "SMTP AUTH needs TLS: Microsoft 365 only accepts credentials over an encrypted connection, and smtp365 never sends them in plain text. The test will stop before AUTH.",
      source: SOURCES.fix,
    })
  }
  if (name && isIpAddress(name)) {
    warnings.push({
      id: "ip-address",
      field: "host",
      text: "Use the host name, not an IP address: Microsoft 365's addresses change, IP addresses are not supported, and the certificate cannot be checked against an address.",
      source: SOURCES.mfd,
    })
  } else if (name && !toMx && isMxEndpoint(name)) {
    warnings.push({
      id: "wrong-host",
      field: "host",
      text: `This is an MX endpoint, used by Direct Send and relay without signing in. ${signsInAt(method)}`,
      source: SOURCES.mfd,
    })
  } else if (name && !toMx && endpoint?.method && endpoint.method !== method) {
    warnings.push({
      id: "wrong-host",
      field: "host",
      text: `${name} is for ${endpoint.purpose}. ${signsInAt(method)}`,
      source: endpoint.source,
    })
  } else if (name && toMx && name === SMTP_AUTH_HOST) {
    warnings.push({
      id: "wrong-host",
      field: "host",
      text: `${SMTP_AUTH_HOST} only accepts mail from a signed-in mailbox (530 5.7.57 otherwise). Direct Send and relay go to your domain's MX endpoint.`,
      source: SOURCES.ndr5757,
    })
  } else if (name && toMx && endpoint && !isMxEndpoint(name)) {
    warnings.push({
      id: "wrong-host",
      field: "host",
      text: `${name} is not an MX endpoint (it is for ${endpoint.purpose}). Direct Send and relay go to your domain's MX endpoint.`,
      source: SOURCES.mfd,
    })
  } else if (name && !endpoint) {
    warnings.push({
      id: "not-microsoft",
      field: "host",
      text: "This is not a Microsoft 365 SMTP endpoint. smtp365 only connects to it if the administrator allowed it (SMTP365_ALLOWED_HOSTS).",
      source: SOURCES.mfd,
    })
  }
  if (toMx && port !== "25" && port !== "") {
    warnings.push({
      id: "mx-port",
      field: "port",
      text: "Direct Send and relay use port 25 on the MX endpoint.",
      source: SOURCES.mfd,
    })
  }
  return warnings
}
