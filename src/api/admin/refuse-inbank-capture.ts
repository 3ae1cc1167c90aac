import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PluginHttpError } from "../http-error"
import { refuseInbankCapture } from "./inbank/capture-refusal"

/**
 * Medusa's `POST /admin/payments/:id/capture`: an Inbank capture Inbank cannot mirror is refused (refuseInbankCapture).
 */
export async function refuseInbankCaptureMiddleware(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    await refuseInbankCapture(req.scope, req.params.id, (req.body as { amount?: unknown } | undefined)?.amount)
  } catch (error) {
    if (error instanceof PluginHttpError) return error.send(res)
    return next(error)
  }
  next()
}
