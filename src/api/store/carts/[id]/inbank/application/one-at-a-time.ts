import { randomUUID } from "node:crypto"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { storeRefusal } from "../../../../../messages/refusal"

/** Longest an application submission may hold its cart (s): Inbank's create answers within the client's timeout. */
const HOLD_SECONDS = 120

/**
 * One application submission per cart at a time, across instances (Medusa's locking module, a
 * try-lock: no queue). A second submission while the first runs answers 409
 * `application_in_progress` and sends nothing to Inbank: two at once would create two applications
 * (two inquiries in the applicant's name) and two sessions, one of them left live.
 */
export function oneApplicationAtATime<Req extends MedusaRequest>(
  handler: (req: Req, res: MedusaResponse) => Promise<void>,
) {
  return async (req: Req, res: MedusaResponse): Promise<void> => {
    const locking = req.scope.resolve(Modules.LOCKING)
    const key = `inbank-application-submission:${req.params.id}`
    const ownerId = randomUUID()
    try {
      await locking.acquire(key, { ownerId, expire: HOLD_SECONDS })
    } catch {
      throw storeRefusal("application_in_progress", { field: "cart_id" })
    }
    try {
      await handler(req, res)
    } finally {
      await locking.release(key, { ownerId })
    }
  }
}
