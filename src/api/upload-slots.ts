import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INBANK_MODULE } from "../modules/inbank"
import type InbankModuleService from "../modules/inbank/service"
import { storeRefusal } from "./messages/refusal"
import { gatedIncomeProof } from "./income-proof-gate"
import { refuseUnread } from "./refuse-unread"

/** A typical upload of a few MB takes seconds. */
const RETRY_AFTER_SECONDS = 5

/**
 * Who may upload now, in this process: one upload at a time per cart and per application, and at
 * most the `maxConcurrentUploads` plugin option of uploads in all. Runs after
 * requireIncomeProofStep (it reads the cart and application the gate found) and before the body
 * is read; a refused request's body is never read (refuseUnread closes its connection).
 *
 * - A second upload for a cart or application that has one in progress: 409 `upload_in_progress`
 *   (no `Retry-After`: the storefront waits for its first upload's answer). So holding N of the
 *   process's slots takes N applications that await income proof, each a credit application the
 *   abuse limits count per identity, phone, cart and client address.
 * - One more than `maxConcurrentUploads`: 503 `too_many_uploads` with `Retry-After` (5 s).
 *
 * Both are held until the response closes (answered, cut by incomeProofUpload, or the client gone).
 * Counters, not p-limit: p-limit queues callers, and a queued upload would still hold its
 * connection; here the excess is refused at once. Per process: with several Medusa processes, one
 * application can hold one slot in each process its requests reach.
 */
export function uploadSlots() {
  let inProgress = 0
  const busyKeys = new Set<string>()
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void => {
    const { maxConcurrentUploads } = req.scope.resolve<InbankModuleService>(INBANK_MODULE).settings
    const { cartId, applicationId } = gatedIncomeProof(req)
    const keys = [`cart:${cartId}`, `application:${applicationId}`]
    if (keys.some((key) => busyKeys.has(key))) {
      return refuseUnread(res, next, storeRefusal("upload_in_progress", { field: "files" }))
    }
    if (inProgress >= maxConcurrentUploads) {
      return refuseUnread(
        res,
        next,
        storeRefusal("too_many_uploads", { field: "files", retryAfterSeconds: RETRY_AFTER_SECONDS }),
      )
    }
    inProgress += 1
    keys.forEach((key) => busyKeys.add(key))
    res.once("close", () => {
      inProgress -= 1
      keys.forEach((key) => busyKeys.delete(key))
    })
    next()
  }
}
