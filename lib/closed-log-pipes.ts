import "server-only"

let installed = false

/**
 * Keeps the server serving, and at rest, when whatever reads its stdout or stderr goes away (a
 * supervisor, `| tee`, a script that started it and died). A write to a closed pipe fails with
 * EPIPE; without a listener, the stream's error is an uncaught exception, which Next.js logs to the
 * same closed pipe: a loop that holds a core and never lets SIGTERM's handler run. With a listener,
 * lines written after the pipe closed are lost, and nothing else changes. Called once from
 * instrumentation.ts.
 */
export function ignoreClosedLogPipes(): void {
  if (installed) return
  installed = true
  // No one reads these streams' errors: the log is the only place they could go.
  for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {})
}
