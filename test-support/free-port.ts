import net from "node:net"

/**
 * A TCP port on 127.0.0.1 that was free a moment ago, for a server a test starts in another process
 * (which cannot be handed a listening socket). Another process may take it in between: rare enough
 * on a test machine, and the server then fails to start, loudly.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once("error", reject)
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}
