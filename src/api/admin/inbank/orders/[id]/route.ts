import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { InbankError } from "inbank-partner-api"
import { withInbankErrors } from "../../../../inbank-errors"
import { financingView, loadOrderFinancing } from "../../order-financing"

/**
 * The order's financing as last known (refreshed at most once a second while not final). When
 * Inbank no longer knows the application (404: a demo environment reset, an application Inbank
 * removed), the last known state is answered with `unknown_at_inbank: true` and no actions.
 */
export const GET = withInbankErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const financing = await loadOrderFinancing(req.scope, req.params.id)
  let unknownAtInbank = false
  try {
    financing.record = await financing.inbank.refresh(financing.record, true)
  } catch (error) {
    if (!(error instanceof InbankError && error.status === 404)) throw error
    unknownAtInbank = true
  }
  res.json(await financingView(financing, { unknownAtInbank }))
})
