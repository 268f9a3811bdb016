// Forces a garbage collection in the server and reads its V8 heap, or records a CPU profile of its
// threads, through the inspector protocol (the Chrome DevTools Protocol Node.js speaks when started
// with --inspect). The bench opens the inspector on its own server through NODE_OPTIONS: no code
// path of the product is involved, and nothing in the product can do it. ws is the WebSocket
// client Lighthouse brings (Node 20 has none).
import WebSocket from "ws"

const COMMAND_TIMEOUT_MS = 30_000

/** The WebSocket address that `node --inspect=127.0.0.1:0` prints to stderr when it starts. */
export function inspectorUrlFrom(output) {
  return /Debugger listening on (ws:\/\/\S+)/.exec(output)?.[1] ?? null
}

/** One protocol connection: send(method, params) resolves with the result; on(event, listener). */
function connect(url) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url)
    const pending = new Map()
    const listeners = new Map()
    let nextId = 1
    socket.once("error", reject)
    socket.on("message", (data) => {
      const message = JSON.parse(String(data))
      if (message.id === undefined) {
        for (const listener of listeners.get(message.method) ?? []) listener(message.params)
        return
      }
      const waiting = pending.get(message.id)
      pending.delete(message.id)
      if (message.error) waiting?.reject(new Error(`${waiting.method}: ${message.error.message}`))
      else waiting?.resolve(message.result)
    })
    socket.once("open", () =>
      resolve({
        send(method, params = {}) {
          const id = nextId++
          return withTimeout(
            new Promise((resolveCommand, rejectCommand) => {
              pending.set(id, { method, resolve: resolveCommand, reject: rejectCommand })
              socket.send(JSON.stringify({ id, method, params }))
            }),
            method
          )
        },
        on(event, listener) {
          listeners.set(event, [...(listeners.get(event) ?? []), listener])
        },
        close: () =>
          new Promise((resolveClose) => {
            socket.once("close", resolveClose)
            socket.close()
          }),
      })
    )
  })
}

function withTimeout(promise, what) {
  let timer
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what}: no answer in ${COMMAND_TIMEOUT_MS} ms`)),
      COMMAND_TIMEOUT_MS
    )
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/**
 * A session on one of the process's worker threads, through the NodeWorker domain: commands go
 * in sendMessageToWorker and come back in receivedMessageFromWorker events.
 */
function workerSession(main, sessionId) {
  const pending = new Map()
  let nextId = 1
  main.on("NodeWorker.receivedMessageFromWorker", (params) => {
    if (params.sessionId !== sessionId) return
    const message = JSON.parse(params.message)
    const waiting = pending.get(message.id)
    if (!waiting) return
    pending.delete(message.id)
    if (message.error) waiting.reject(new Error(`${waiting.method}: ${message.error.message}`))
    else waiting.resolve(message.result)
  })
  return {
    send(method, params = {}) {
      const id = nextId++
      return withTimeout(
        new Promise((resolve, reject) => {
          pending.set(id, { method, resolve, reject })
          main
            .send("NodeWorker.sendMessageToWorker", {
              sessionId,
              message: JSON.stringify({ id, method, params }),
            })
            .catch(reject)
        }),
        method
      )
    },
  }
}

/**
 * A full collection as V8 makes when memory runs low (it also hands the pages it frees back to the
 * system, so the resident memory read after it is what the process holds on to), then the heap
 * still in use, in bytes.
 */
async function usedAfterCollection(session) {
  await session.send("HeapProfiler.collectGarbage")
  const { usedSize } = await session.send("Runtime.getHeapUsage")
  return usedSize
}

/**
 * Runs `work(sessions)` with a session on every thread of the process: the main one first (the
 * web server's), then its worker threads (each its own V8 heap), the SMTP session thread among them.
 */
async function withThreads(url, work) {
  const main = await connect(url)
  try {
    const attached = []
    main.on("NodeWorker.attachedToWorker", (params) => attached.push(params.sessionId))
    // The attachedToWorker events of the threads already running arrive before enable's answer.
    await main.send("NodeWorker.enable", { waitForDebuggerOnStart: false })
    const workers = attached.map((sessionId) => workerSession(main, sessionId))
    return await work([main, ...workers])
  } finally {
    await main.close()
  }
}

/**
 * Forces a full garbage collection in every thread of the process and resolves with the bytes each
 * heap still uses, { main, workers: [bytes…], total }, and the process's memoryUsage() after them.
 * Connects for the reading only.
 */
export async function heapAfterCollection(url) {
  const { used, memoryUsage } = await withThreads(url, async (sessions) => {
    const used = []
    for (const session of sessions) used.push(await usedAfterCollection(session))
    // The process's own account, after the collections: its Buffers and other memory V8 does not
    // hold (external, arrayBuffers) are part of the resident memory too.
    const { result } = await sessions[0].send("Runtime.evaluate", {
      expression: "JSON.stringify(process.memoryUsage())",
    })
    return { used, memoryUsage: JSON.parse(result.value) }
  })
  const [main, ...workers] = used
  return { main, workers, total: main + workers.reduce((sum, n) => sum + n, 0), memoryUsage }
}

/**
 * Starts a CPU profile of every thread of the process; resolves with stop(), which resolves with
 * the profiles ([main, ...workers], .cpuprofile data for Chrome's DevTools).
 */
export async function profileThreads(url) {
  let stop
  const stopped = new Promise((resolve) => (stop = resolve))
  let started
  const running = new Promise((resolve, reject) => (started = { resolve, reject }))
  const profiles = withThreads(url, async (sessions) => {
    for (const session of sessions) {
      await session.send("Profiler.enable")
      await session.send("Profiler.start")
    }
    started.resolve()
    await stopped
    const results = []
    for (const session of sessions) results.push((await session.send("Profiler.stop")).profile)
    return results
  })
  // A failure before the profiles start is this call's.
  profiles.catch(started.reject)
  await running
  return () => {
    stop()
    return profiles
  }
}
