import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PluginHttpError } from "../http-error"
import { refuseCaptureOfCancelledOrder } from "./inbank/capture-refusal"

/** Medusa's `POST /admin/payments/:id/capture`: an Inbank payment of a cancelled order is not captured (400 `order_canceled`). */
export async function refuseInbankCaptureOfCancelledOrder(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    await refuseCaptureOfCancelledOrder(req.scope, req.params.id)
  } catch (error) {
    if (error instanceof PluginHttpError) return error.send(res)
    return next(error)
  }
  next()
}
