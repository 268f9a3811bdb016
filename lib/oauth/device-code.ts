import "server-only"

import { randomBytes } from "node:crypto"
import {
  PublicClientApplication,
  type DeviceCodeRequest,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from "@azure/msal-node"

import { SILENT_LOGGER } from "./app-token"
import { authorityOptions } from "./authority"
import { summarizeToken, type TokenSummary } from "./claims"
import { failureFromError, IdentityError, type IdentityFailure } from "./identity-failure"
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

/**
 * The failure code of a start refused here, before the identity platform was asked: too many
 * sign-ins are waiting (its message says what to do).
 */
export const SIGN_INS_WAITING = "EBUSY"

export type DeviceCodeStartResult =
  | { ok: true; start: DeviceCodeStart }
  /** The identity platform refused, could not be asked, or SIGN_INS_WAITING. */
  | { ok: false; failure: IdentityFailure }

export interface DeviceCodeOptions {
  /** Who starts the sign-in: the client address, as the abuse limits count it. */
  client: string
  /** Each request to the identity platform gets at most this long. */
  timeoutMs?: number
  /** A sign-in not asked about (waitForDeviceCode) for this long is cancelled and forgotten. */
  abandonAfterMs?: number
}

/** A flow is forgotten 15 minutes after it starts (Microsoft's codes live 15 minutes too). */
const FLOW_TTL_MS = 15 * 60 * 1000
/** At most this many flows at once on one server, so a flood of starts cannot exhaust memory. */
const MAX_FLOWS = 200
/**
 * At most this many sign-ins waiting at once per client address: each keeps a slot of MAX_FLOWS
 * and polls the identity platform, and one person signs in once at a time.
 */
export const MAX_PENDING_PER_CLIENT = 3
/**
 * A sign-in that nobody has asked about for this long is cancelled and forgotten: the wizard asks
 * again as soon as each wait ends, so only a closed tab, or a start never followed up, goes quiet.
 */
export const ABANDON_AFTER_MS = 60_000
/** A poll waits at most this long for the sign-in before answering "pending". */
export const MAX_WAIT_MS = 20_000
/**
 * Seconds between token requests when the device code answer names no usable interval: RFC 8628
 * (3.2 and 3.5) says 5. Microsoft names one (SOURCES.deviceCodeFlow), 5 s today.
 */
const DEFAULT_POLL_INTERVAL_S = 5

interface Flow {
  state: DeviceCodeStatus
  accessToken?: string
  settled: Promise<void>
  request: DeviceCodeRequest
  timer: NodeJS.Timeout
  /** The client address that started it, for MAX_PENDING_PER_CLIENT. */
  client: string
  /** Fires when nobody has asked about the flow for abandonAfterMs; stopped once a token is issued. */
  idle: NodeJS.Timeout
  /** waitForDeviceCode calls waiting on it now: a flow being waited for is never abandoned. */
  waiting: number
}

// Pending flows live in this server process only, kept across hot reloads in development.
const storeKey = Symbol.for("smtp365.deviceCodeFlows")
const store = globalThis as typeof globalThis & { [storeKey]?: Map<string, Flow> }
const flows = (store[storeKey] ??= new Map<string, Flow>())

/**
 * Starts the device code flow (delegated, scope https://outlook.office.com/SMTP.Send) with msal-node
 * and returns what the user needs to sign in. msal keeps polling the token endpoint in the
 * background, at the interval the identity platform asked for; the token stays here, under a
 * random flowId, and never goes to the browser. A client with MAX_PENDING_PER_CLIENT sign-ins
 * waiting is refused, and a sign-in nobody asks about for `abandonAfterMs` is cancelled.
 */
export async function startDeviceCode(
  app: DeviceCodeApp,
  identityUrl: string,
  { client, timeoutMs = IDENTITY_TIMEOUT_MS, abandonAfterMs = ABANDON_AFTER_MS }: DeviceCodeOptions
): Promise<DeviceCodeStartResult> {
  // Checked and counted before the first await, so simultaneous starts see each other.
  const refused = refusal(client, abandonAfterMs)
  if (refused) return { ok: false, failure: { code: SIGN_INS_WAITING, message: refused } }
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
    client,
    idle: setTimeout(() => abandon(flowId), abandonAfterMs),
    waiting: 0,
  }
  flow.timer.unref()
  flow.idle.unref()
  const network = new RecordingNetworkClient(timeoutMs)

  let msal: PublicClientApplication
  try {
    msal = new PublicClientApplication({
      auth: { clientId: app.clientId, ...authorityOptions(identityUrl, app.tenant) },
      system: {
        networkClient: new PacedPolls(network, () => request.cancel === true),
        disableInternalRetries: true,
        loggerOptions: SILENT_LOGGER,
      },
    })
  } catch (error) {
    clearTimeout(flow.timer)
    clearTimeout(flow.idle)
    return { ok: false, failure: failureFromError(error) }
  }
  flows.set(flowId, flow)
  flow.settled = msal.acquireTokenByDeviceCode(request).then(
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
      // The token waits for the test (and later tests on this visit) until FLOW_TTL_MS.
      clearTimeout(flow.idle)
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
  if ("flowId" in first) {
    // The wizard's first question comes once the browser has the code.
    askedAbout(flow)
    return { ok: true, start: first }
  }
  request.cancel = true
  forget(flowId)
  return { ok: false, failure: first }
}

/** Why a start by `client` is refused before asking the identity platform, or null. */
function refusal(client: string, abandonAfterMs: number): string | null {
  if (flows.size >= MAX_FLOWS) {
    return "Too many sign-ins are waiting on this smtp365. Nothing was started: try again in a minute."
  }
  let pending = 0
  for (const flow of flows.values()) {
    if (flow.client === client && flow.state.status === "pending") pending++
  }
  if (pending < MAX_PENDING_PER_CLIENT) return null
  const seconds = Math.ceil(abandonAfterMs / 1000)
  return `${pending} device code sign-ins from your address are already waiting (${MAX_PENDING_PER_CLIENT} at a time on this smtp365). Nothing was started: finish or cancel one of them; one nobody waits for ends after ${seconds} second${seconds === 1 ? "" : "s"}.`
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
  askedAbout(flow)
  if (flow.state.status === "pending") {
    let timer: NodeJS.Timeout | undefined
    flow.waiting++
    await Promise.race([
      flow.settled,
      new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.min(waitMs, MAX_WAIT_MS)))),
    ])
    clearTimeout(timer)
    flow.waiting--
    askedAbout(flow)
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
  clearTimeout(flow.idle)
  flows.delete(flowId)
}

/** Someone asked about the flow: its idle time starts again (a flow with a token has none). */
function askedAbout(flow: Flow) {
  if (flow.state.status !== "issued") flow.idle.refresh()
}

/** Nobody asked about the flow for a while: cancel and forget it, unless someone is waiting on it. */
function abandon(flowId: string) {
  const flow = flows.get(flowId)
  if (flow?.waiting) flow.idle.refresh()
  else forget(flowId)
}

/**
 * msal's network client for one device code flow, keeping its token requests at least the
 * interval apart that the device code answer asked for. msal-node (7.2) already waits `interval`
 * seconds after each "authorization_pending", but uses the number as it comes: an answer without
 * one (RFC 8628 makes it optional) would have it poll with no pause at all. Once the flow is
 * cancelled, no further request goes out.
 */
class PacedPolls implements INetworkModule {
  private intervalMs = DEFAULT_POLL_INTERVAL_S * 1000
  private nextPollAt = 0

  constructor(
    private readonly network: INetworkModule,
    private readonly cancelled: () => boolean
  ) {}

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions) {
    return this.network.sendGetRequestAsync<T>(url, options)
  }

  async sendPostRequestAsync<T>(
    url: string,
    options?: NetworkRequestOptions
  ): Promise<NetworkResponse<T>> {
    const asksForCode = new URL(url).pathname.endsWith("/devicecode")
    if (!asksForCode) {
      const wait = this.nextPollAt - Date.now()
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait).unref())
      if (this.cancelled()) {
        throw new IdentityError({ code: "EIDENTITY", message: "The sign-in was cancelled" })
      }
      this.nextPollAt = Date.now() + this.intervalMs
    }
    const response = await this.network.sendPostRequestAsync<T>(url, options)
    if (asksForCode) this.intervalMs = pollIntervalMs(response.body)
    return response
  }
}

/** The device code answer's `interval` in milliseconds, when it is a number of seconds ≥ 1. */
function pollIntervalMs(body: unknown): number {
  const interval = (body as { interval?: unknown } | null)?.interval
  const seconds =
    typeof interval === "number" && Number.isFinite(interval) && interval >= 1
      ? interval
      : DEFAULT_POLL_INTERVAL_S
  return seconds * 1000
}
