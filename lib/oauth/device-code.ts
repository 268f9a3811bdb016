import "server-only"

import { randomBytes } from "node:crypto"
import { setTimeout as sleep } from "node:timers/promises"
import {
  PublicClientApplication,
  type DeviceCodeRequest,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from "@azure/msal-node"

import { sharedStore } from "@/lib/shared-store/connection"
import type { SharedStore } from "@/lib/shared-store/store"
import { SILENT_LOGGER } from "./app-token"
import { authorityOptions } from "./authority"
import { summarizeToken, type TokenSummary } from "./claims"
import { failureFromError, IdentityError, type IdentityFailure } from "./identity-failure"
import { RecordingNetworkClient } from "./network-client"
import { DELEGATED_SMTP_SCOPE, IDENTITY_TIMEOUT_MS } from "./scopes"
import {
  RENEW_MS,
  sharedSignIns,
  type SharedSignIns,
  type SharedSignInState,
} from "./shared-sign-ins"

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
  /** With Redis: the instance running the flow stopped (its lease ran out) before it ended. */
  | { status: "orphaned" }

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
/** With Redis, a poll for a flow another instance runs reads its state this often while it waits. */
const SHARED_POLL_MS = 500

interface Flow {
  id: string
  state: Exclude<DeviceCodeStatus, { status: "unknown" | "orphaned" }>
  accessToken?: string
  settled: Promise<void>
  request: DeviceCodeRequest
  timer: NodeJS.Timeout
  /** The client address that started it, for MAX_PENDING_PER_CLIENT. */
  client: string
  /** Fires when nobody has asked about the flow for idleMs; stopped once a token is issued. */
  idle: NodeJS.Timeout
  idleMs: number
  /** waitForDeviceCode calls waiting on it now: a flow being waited for is never abandoned. */
  waiting: number
  /**
   * With Redis: keeps the flow's record in step (renews the lease while it waits, then publishes
   * its end), every RENEW_MS until the end is published; `sync` orders the updates.
   */
  syncTimer?: NodeJS.Timeout
  sync: Promise<void>
}

// Flows run in this server process, kept across hot reloads in development. With Redis, each is
// also in Redis (shared-sign-ins.ts), where the other instances read it.
const storeKey = Symbol.for("smtp365.deviceCodeFlows")
const store = globalThis as typeof globalThis & { [storeKey]?: Map<string, Flow> }
const flows = (store[storeKey] ??= new Map<string, Flow>())

const signInsOfStore = new WeakMap<SharedStore, SharedSignIns>()

/** The sign-ins every instance shares, when SMTP365_REDIS_URL is set; null otherwise. */
function shared(): SharedSignIns | null {
  const redis = sharedStore()
  if (!redis) return null
  let signIns = signInsOfStore.get(redis)
  if (!signIns) {
    signIns = sharedSignIns(redis, FLOW_TTL_MS)
    signInsOfStore.set(redis, signIns)
    // Back from an outage: renew this instance's leases at once, before a poll finds them run out.
    redis.onReady(() => {
      for (const flow of flows.values()) if (flow.syncTimer) syncShared(flow)
    })
  }
  return signIns
}

/**
 * Starts the device code flow (delegated, scope https://outlook.office.com/SMTP.Send) with msal-node
 * and returns what the user needs to sign in. msal keeps polling the token endpoint in the
 * background, at the interval the identity platform asked for; the token stays on the server,
 * under a random flowId, and never goes to the browser. A client with MAX_PENDING_PER_CLIENT
 * sign-ins waiting is refused, and a sign-in nobody asks about for `abandonAfterMs` is cancelled.
 * With Redis, the flow runs here and its state (the token sealed) goes to Redis for every
 * instance; Redis not answering throws SharedStoreUnavailable, and nothing is started.
 */
export async function startDeviceCode(
  app: DeviceCodeApp,
  identityUrl: string,
  { client, timeoutMs = IDENTITY_TIMEOUT_MS, abandonAfterMs = ABANDON_AFTER_MS }: DeviceCodeOptions
): Promise<DeviceCodeStartResult> {
  const signIns = shared()
  // Checked and counted before the first await, so simultaneous starts see each other; with
  // Redis, the waiting sign-ins of every instance are counted there, atomically.
  const refused = refusal(client, abandonAfterMs, signIns === null)
  if (refused) return { ok: false, failure: { code: SIGN_INS_WAITING, message: refused } }
  const flowId = randomBytes(24).toString("base64url")
  // No await without Redis: the count here holds only while starts run to flows.set unbroken.
  const waiting = signIns ? await signIns.reserve(flowId, client, MAX_PENDING_PER_CLIENT) : null
  if (waiting !== null) {
    const message = waitingRefusal(waiting, abandonAfterMs)
    return { ok: false, failure: { code: SIGN_INS_WAITING, message } }
  }
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
    id: flowId,
    state: { status: "pending", expiresAt: new Date(Date.now() + FLOW_TTL_MS).toISOString() },
    settled: Promise.resolve(),
    request,
    timer: setTimeout(() => void forget(flowId), FLOW_TTL_MS),
    client,
    idle: setTimeout(() => abandon(flowId), abandonAfterMs),
    idleMs: abandonAfterMs,
    waiting: 0,
    sync: Promise.resolve(),
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
    await signIns?.forget(flowId, client).catch(() => undefined)
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
  // With Redis, the end is published as soon as it comes (once the start is).
  void flow.settled.then(() => {
    if (flow.syncTimer) syncShared(flow)
  })

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
    if (signIns) await share(flow, signIns, first.expiresAt)
    return { ok: true, start: first }
  }
  request.cancel = true
  await forget(flowId)
  return { ok: false, failure: first }
}

/**
 * Publishes a started flow in Redis, then keeps it in step there until its end is published. A
 * flow Redis did not take is cancelled, and the start fails with SharedStoreUnavailable: no other
 * instance could answer its polls.
 */
async function share(flow: Flow, signIns: SharedSignIns, expiresAt: string): Promise<void> {
  try {
    await signIns.open(flow.id, flow.client, { status: "pending", expiresAt }, flow.idleMs)
  } catch (error) {
    await forget(flow.id)
    throw error
  }
  flow.syncTimer = setInterval(() => syncShared(flow), RENEW_MS)
  flow.syncTimer.unref()
  // It may have ended while it was being published.
  if (flow.state.status !== "pending") syncShared(flow)
}

/**
 * One update of a flow's record, after the ones before it: while the flow waits, renew the lease
 * (a flow gone from Redis was cancelled on another instance: stop it here too); once it ended,
 * publish the end, and stop. Redis not answering leaves it for the next update.
 */
function syncShared(flow: Flow): void {
  const signIns = shared()
  if (!signIns) return
  flow.sync = flow.sync.then(async () => {
    if (!flow.syncTimer) return
    const state = flow.state
    try {
      if (state.status === "pending") {
        if (!(await signIns.renew(flow.id, flow.client))) await forget(flow.id)
        return
      }
      const end: SharedSignInState =
        state.status === "issued" ? { status: "issued", token: flow.accessToken ?? "" } : state
      await signIns.settle(flow.id, flow.client, end)
      clearInterval(flow.syncTimer)
      flow.syncTimer = undefined
    } catch {
      // Redis does not answer (the store logs it): the next update tries again.
    }
  })
}

/** Why a start by `client` is refused before asking the identity platform, or null. */
function refusal(client: string, abandonAfterMs: number, countHere: boolean): string | null {
  if (flows.size >= MAX_FLOWS) {
    return "Too many sign-ins are waiting on this smtp365. Nothing was started: try again in a minute."
  }
  if (!countHere) return null
  let pending = 0
  for (const flow of flows.values()) {
    if (flow.client === client && flow.state.status === "pending") pending++
  }
  return pending < MAX_PENDING_PER_CLIENT ? null : waitingRefusal(pending, abandonAfterMs)
}

/** The refusal of a client with `pending` sign-ins waiting already. */
function waitingRefusal(pending: number, abandonAfterMs: number): string {
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
  if (!flow) {
    const signIns = shared()
    return signIns ? waitElsewhere(signIns, flowId, mailbox, waitMs) : { status: "unknown" }
  }
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

/**
 * With Redis: where a flow another instance runs stands, read from Redis, waiting up to `waitMs`
 * for it to end. A flow whose instance stopped renewing its lease will never end: it is forgotten
 * and answered "orphaned".
 */
async function waitElsewhere(
  signIns: SharedSignIns,
  flowId: string,
  mailbox: string,
  waitMs: number
): Promise<DeviceCodeStatus> {
  const deadline = Date.now() + Math.min(waitMs, MAX_WAIT_MS)
  for (;;) {
    const found = await signIns.read(flowId)
    if (!found) return { status: "unknown" }
    const { state } = found
    if (state.status === "issued") {
      return { status: "issued", token: summarizeToken(state.token, mailbox) }
    }
    if (state.status === "failed") return state
    if (!found.runnerAlive) {
      await signIns.forget(flowId)
      return { status: "orphaned" }
    }
    const left = deadline - Date.now()
    if (left <= 0) return state
    await sleep(Math.min(SHARED_POLL_MS, left))
  }
}

/**
 * The token of a finished flow, for the SMTP test on this server: from this process, or with
 * Redis from there, opened with the key of SMTP365_SECRET_KEY. Never sent to the browser.
 */
export async function deviceCodeToken(flowId: string): Promise<string | undefined> {
  const flow = flows.get(flowId)
  if (flow) return flow.accessToken
  const found = await shared()?.read(flowId)
  return found?.state.status === "issued" ? found.state.token : undefined
}

/** Stops waiting for a sign-in and forgets the flow (and its token), on every instance. */
export async function cancelDeviceCode(flowId: string): Promise<void> {
  if (flows.has(flowId)) return forget(flowId)
  await shared()?.forget(flowId)
}

/** Stops the flow here and forgets it; with Redis, there too (as well as Redis answers). */
function forget(flowId: string): Promise<void> {
  const flow = flows.get(flowId)
  if (!flow) return Promise.resolve()
  flow.request.cancel = true
  clearTimeout(flow.timer)
  clearTimeout(flow.idle)
  clearInterval(flow.syncTimer)
  flow.syncTimer = undefined
  flows.delete(flowId)
  return (
    shared()
      ?.forget(flowId, flow.client)
      .catch(() => undefined) ?? Promise.resolve()
  )
}

/** Someone asked about the flow: its idle time starts again (a flow with a token has none). */
function askedAbout(flow: Flow) {
  if (flow.state.status !== "issued") idleFor(flow, flow.idleMs)
}

/** The flow is abandoned after `ms` more without a question. */
function idleFor(flow: Flow, ms: number) {
  clearTimeout(flow.idle)
  flow.idle = setTimeout(() => abandon(flow.id), ms)
  flow.idle.unref()
}

/**
 * Nobody asked about the flow here for a while: cancel and forget it, unless someone is waiting on
 * it, or, with Redis, asked about it on another instance. Redis not answering keeps it for now.
 */
function abandon(flowId: string) {
  const flow = flows.get(flowId)
  if (!flow) return
  if (flow.waiting) return idleFor(flow, flow.idleMs)
  const signIns = shared()
  if (!signIns) return void forget(flowId)
  signIns.askedWithin(flowId).then(
    (left) => {
      if (flows.get(flowId) !== flow) return
      if (left > 0) idleFor(flow, left)
      else void forget(flowId)
    },
    () => idleFor(flow, flow.idleMs)
  )
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
