import type { MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { PluginHttpError } from "./http-error"

/**
 * Answers a request whose body has not been read and must not be. `Connection: close` makes Node
 * close the socket once the answer is written; on a kept-alive connection it would instead read
 * (and discard) the whole body to reach the next request. Errors other than PluginHttpError go to
 * Medusa's error handler, still with the header.
 */
export function refuseUnread(res: MedusaResponse, next: MedusaNextFunction, error: unknown): void {
  res.setHeader("Connection", "close")
  if (error instanceof PluginHttpError) return error.send(res)
  next(error)
}
