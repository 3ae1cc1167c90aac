import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withInbankErrors } from "../../../../inbank-errors"
import { financingView, loadOrderFinancing } from "../../order-financing"

/** The order's financing as last known (refreshed at most once a second while not final). */
export const GET = withInbankErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const financing = await loadOrderFinancing(req.scope, req.params.id)
  financing.record = await financing.inbank.refresh(financing.record, true)
  res.json(await financingView(financing))
})
