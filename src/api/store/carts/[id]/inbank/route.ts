import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withStoreRefusals } from "../../../../with-store-refusals"
import { findCartApplication } from "./cart-application"
import { shopperDocuments } from "./shopper-documents"
import { stateView } from "./state-view"

/**
 * The state the storefront renders, with the contract document to read before signing. Inbank is
 * asked at most once a second per application, however many requests arrive, and not after the
 * vendor's 30 s of waiting for a decision (then callbacks bring the news).
 */
export const GET = withStoreRefusals(async (req: MedusaRequest, res: MedusaResponse) => {
  const { cart, record, inbank } = await findCartApplication(req.scope, req.params.id)
  const orderPlaced = Boolean(cart.completed_at)
  const current = await inbank.refresh(record, orderPlaced)
  res.json(stateView(inbank, current, orderPlaced, await shopperDocuments(req.scope, inbank, current)))
})
