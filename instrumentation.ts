/**
 * Runs once when the server starts: the configuration is checked, Redis (if configured) connected,
 * the checks that run before Next.js put in place, the SMTP session thread started, and practice
 * mode's simulators listen from the start, so the first test doesn't wait for them (and a busy
 * port is reported at boot, not mid-test); then one practice test warms the send path up.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return
  const { checkConfigurationAtStart } = await import("@/lib/start-up")
  await checkConfigurationAtStart()
  const { ignoreClosedLogPipes } = await import("@/lib/closed-log-pipes")
  ignoreClosedLogPipes()
  // The rate limit needs each request's socket address, which Next.js does not pass on.
  const { recordPeerAddresses } = await import("@/lib/security/peer-address")
  recordPeerAddresses()
  // Next.js's own early redirects (repeated slashes) run before its header rules: set them first.
  const { sendFixedHeadersOnEveryResponse } = await import("@/lib/security/response-headers")
  sendFixedHeadersOnEveryResponse()
  // Server actions are checked before Next.js sees them (proxy.ts checks every other request).
  const { checkActionsBeforeNextJs } = await import("@/lib/security/action-gate")
  checkActionsBeforeNextJs()
  // The SMTP session thread boots while the server starts, not during the first test.
  const { startSessionThreadEarly } = await import("@/lib/smtp/session-thread")
  startSessionThreadEarly()
  const { startPracticeServers } = await import("@/lib/practice/practice-server")
  await startPracticeServers()
  // One practice test, so the first admin's test does not run the send path for the first time.
  const { warmUpTestSend } = await import("@/lib/actions/warm-up")
  await warmUpTestSend()
}
