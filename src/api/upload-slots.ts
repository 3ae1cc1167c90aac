import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INBANK_MODULE } from "../modules/inbank"
import type InbankModuleService from "../modules/inbank/service"
import { PluginHttpError } from "./http-error"
import { refuseUnread } from "./refuse-unread"

/** A typical upload of a few MB takes seconds. */
const RETRY_AFTER_SECONDS = 5

/**
 * At most the `maxConcurrentUploads` plugin option of uploads in progress in this process; one more
 * is answered 503 `too_many_uploads` with `Retry-After`, its body unread. A slot is held until the
 * answer is sent or the client goes away. A counter, not p-limit: p-limit queues callers, and a
 * queued upload would still hold its connection; here the excess is refused at once.
 */
export function uploadSlots() {
  let inProgress = 0
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void => {
    const { maxConcurrentUploads } = req.scope.resolve<InbankModuleService>(INBANK_MODULE).options
    if (inProgress >= maxConcurrentUploads) {
      const busy = new PluginHttpError(503, "too_many_uploads", "Serwer przyjmuje teraz inne pliki. Spróbuj ponownie za chwilę.", {
        field: "files",
        retryAfterSeconds: RETRY_AFTER_SECONDS,
      })
      return refuseUnread(res, next, busy)
    }
    inProgress += 1
    res.once("close", () => {
      inProgress -= 1
    })
    next()
  }
}
