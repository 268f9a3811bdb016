import "server-only"

import { randomBytes } from "node:crypto"
import { PublicClientApplication, type DeviceCodeRequest } from "@azure/msal-node"

import { SILENT_LOGGER } from "./app-token"
import { authorityOptions } from "./authority"
import { summarizeToken, type TokenSummary } from "./claims"
import { failureFromError, type IdentityFailure } from "./identity-failure"
import { RecordingNetworkClient } from "./network-client"
import { DELEGATED_SMTP_SCOPE, IDENTITY_TIMEOUT_MS } from "./scopes"

export interface DeviceCodeApp {
  /** Directory (tenant) ID, or a domain of the tenant. */
  tenant: string
  /** Application (client) ID of a public client app registration. */
  clientId: string
}

/** What the wizard shows while it waits for the sign-in. */
export interface DeviceCodeStart {
  flowId: string
  userCode: string
  verificationUri: string
  /** Microsoft's own sentence with the address and the code. */
  message: string
  expiresAt: string
}

export type DeviceCodeStatus =
  | { status: "pending"; expiresAt: string }
  | { status: "issued"; token: TokenSummary | null }
  | { status: "failed"; failure: IdentityFailure }
  /** No such flow: never started, already expired and forgotten, or cancelled. */
  | { status: "unknown" }

/** A flow is forgotten 15 minutes after it starts (Microsoft's codes live 15 minutes too). */
const FLOW_TTL_MS = 15 * 60 * 1000
/** At most this many flows at once on one server, so a flood of starts cannot exhaust memory. */
const MAX_FLOWS = 200
/** A poll waits at most this long for the sign-in before answering "pending". */
export const MAX_WAIT_MS = 20_000

interface Flow {
  state: DeviceCodeStatus
  accessToken?: string
  settled: Promise<void>
  request: DeviceCodeRequest
  timer: NodeJS.Timeout
}

// Pending flows live in this server process only, kept across hot reloads in development.
const storeKey = Symbol.for("smtp365.deviceCodeFlows")
const store = globalThis as typeof globalThis & { [storeKey]?: Map<string, Flow> }
const flows = (store[storeKey] ??= new Map<string, Flow>())

/**
 * Starts the device code flow (delegated, scope https://outlook.office.com/SMTP.Send) with msal-node
 * and returns what the user needs to sign in. msal keeps polling the token endpoint in the
 * background; the token stays here, under a random flowId, and never goes to the browser.
 */
export async function startDeviceCode(
  app: DeviceCodeApp,
  identityUrl: string,
  timeoutMs = IDENTITY_TIMEOUT_MS
): Promise<{ ok: true; start: DeviceCodeStart } | { ok: false; failure: IdentityFailure }> {
  if (flows.size >= MAX_FLOWS) {
    return {
      ok: false,
      failure: {
        code: "EBUSY",
        message: "Too many sign-ins are waiting; try again in a few minutes",
      },
    }
  }
  const network = new RecordingNetworkClient(timeoutMs)
  const flowId = randomBytes(24).toString("base64url")
  let announce: (start: DeviceCodeStart | IdentityFailure) => void = () => {}
  const announced = new Promise<DeviceCodeStart | IdentityFailure>(
    (resolve) => (announce = resolve)
  )

  const request: DeviceCodeRequest = {
    scopes: [DELEGATED_SMTP_SCOPE],
    deviceCodeCallback: (response) => {
      if (!response.userCode || !response.verificationUri) {
        // The device authorization endpoint answered with an error: stop msal's polling.
        request.cancel = true
        announce(network.lastError ?? { code: "EIDENTITY", message: "No device code was issued" })
        return
      }
      const expiresAt = new Date(Date.now() + Number(response.expiresIn) * 1000).toISOString()
      flow.state = { status: "pending", expiresAt }
      announce({
        flowId,
        userCode: response.userCode,
        verificationUri: response.verificationUri,
        message: response.message,
        expiresAt,
      })
    },
  }
  const flow: Flow = {
    state: { status: "pending", expiresAt: new Date(Date.now() + FLOW_TTL_MS).toISOString() },
    settled: Promise.resolve(),
    request,
    timer: setTimeout(() => forget(flowId), FLOW_TTL_MS),
  }
  flow.timer.unref()

  let client: PublicClientApplication
  try {
    client = new PublicClientApplication({
      auth: { clientId: app.clientId, ...authorityOptions(identityUrl, app.tenant) },
      system: {
        networkClient: network,
        disableInternalRetries: true,
        loggerOptions: SILENT_LOGGER,
      },
    })
  } catch (error) {
    clearTimeout(flow.timer)
    return { ok: false, failure: failureFromError(error) }
  }
  flows.set(flowId, flow)
  flow.settled = client.acquireTokenByDeviceCode(request).then(
    (result) => {
      if (!result?.accessToken) {
        flow.state = {
          status: "failed",
          failure: { code: "EIDENTITY", message: "No token was issued" },
        }
        return
      }
      flow.accessToken = result.accessToken
      flow.state = { status: "issued", token: null }
    },
    (error: unknown) => {
      const failure = failureFromError(error, network.lastError)
      flow.state = { status: "failed", failure }
      announce(failure)
    }
  )

  const first = await Promise.race([
    announced,
    new Promise<IdentityFailure>((resolve) =>
      setTimeout(
        () => resolve({ code: "ETIMEDOUT", message: "No device code arrived in time" }),
        timeoutMs
      ).unref()
    ),
  ])
  if ("flowId" in first) return { ok: true, start: first }
  request.cancel = true
  forget(flowId)
  return { ok: false, failure: first }
}

/**
 * Where a flow stands, waiting up to `waitMs` for the sign-in to finish first (a long poll: the
 * wizard calls again while the answer is "pending"). `mailbox` is the address the test will sign in
 * as, for the token's warnings.
 */
export async function waitForDeviceCode(
  flowId: string,
  mailbox: string,
  waitMs = MAX_WAIT_MS
): Promise<DeviceCodeStatus> {
  const flow = flows.get(flowId)
  if (!flow) return { status: "unknown" }
  if (flow.state.status === "pending") {
    let timer: NodeJS.Timeout | undefined
    await Promise.race([
      flow.settled,
      new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.min(waitMs, MAX_WAIT_MS)))),
    ])
    clearTimeout(timer)
  }
  if (flow.state.status === "issued" && flow.accessToken) {
    return { status: "issued", token: summarizeToken(flow.accessToken, mailbox) }
  }
  return flow.state
}

/** The token of a finished flow, for the SMTP test on this server. Never sent to the browser. */
export function deviceCodeToken(flowId: string): string | undefined {
  return flows.get(flowId)?.accessToken
}

/** Stops waiting for a sign-in and forgets the flow (and its token). */
export function cancelDeviceCode(flowId: string): void {
  forget(flowId)
}

function forget(flowId: string) {
  const flow = flows.get(flowId)
  if (!flow) return
  flow.request.cancel = true
  clearTimeout(flow.timer)
  flows.delete(flowId)
}
