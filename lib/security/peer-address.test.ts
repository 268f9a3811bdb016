import http from "node:http"
import type { AddressInfo } from "node:net"
import { afterAll, beforeAll, expect, test } from "vitest"

import { PEER_ADDRESS_HEADER, recordPeerAddresses } from "./peer-address"

// A real HTTP server, as `next start` runs one, answering with the header its handler saw.
let server: http.Server
let port: number

beforeAll(async () => {
  recordPeerAddresses()
  server = http.createServer((request, response) => {
    response.end(String(request.headers[PEER_ADDRESS_HEADER]))
  })
  port = await new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port))
  )
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

test("records the socket's address, replacing the value a client sends under that name", async () => {
  const response = await fetch(`http://127.0.0.1:${port}/`, {
    headers: { [PEER_ADDRESS_HEADER]: "203.0.113.50", "X-Forwarded-For": "203.0.113.51" },
  })
  expect(await response.text()).toBe("127.0.0.1")
})
