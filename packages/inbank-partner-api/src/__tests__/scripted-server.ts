import { createServer, Server } from "node:http"
import { AddressInfo } from "node:net"

export type Step = { status: number; body?: unknown; headers?: Record<string, string> } | "reset"

/**
 * A real local HTTP server answering each request with the next step. Used for connection
 * resets: nock's replyWithError escapes as an unhandled socket error once two spec files
 * have loaded nock in one jest process.
 */
export async function scriptedServer(
  steps: Step[],
): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let served = 0
  const server: Server = createServer((req, res) => {
    const step = steps[served++] ?? { status: 599 }
    req.resume()
    if (step === "reset") {
      req.socket.destroy()
      return
    }
    res.writeHead(step.status, { "Content-Type": "application/json", ...step.headers })
    res.end(step.body === undefined ? "" : JSON.stringify(step.body))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => served,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
