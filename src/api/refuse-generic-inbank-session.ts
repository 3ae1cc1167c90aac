import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { storeRefusal } from "./messages/refusal"
import { INBANK_PROVIDER_ID } from "./store/carts/[id]/inbank/cart-application"

/**
 * Medusa's `POST /store/payment-collections/:id/payment-sessions` lets the client choose a session's
 * `data`. For Inbank that data names a credit application, so a shopper could copy their signed
 * application's data into another cart's collection: Inbank sessions come from
 * `POST /store/carts/:id/inbank/application` alone, which creates the application for that cart.
 * Other providers pass untouched.
 */
export function refuseGenericInbankSession(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if ((req.body as { provider_id?: unknown } | undefined)?.provider_id !== INBANK_PROVIDER_ID) return next()
  storeRefusal("inbank_session_from_application_route", { field: "provider_id" }).send(res)
}
