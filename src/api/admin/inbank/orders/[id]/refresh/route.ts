import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { applyInbankState } from "../../../../../../workflows/apply-inbank-state"
import { withInbankErrors } from "../../../../../inbank-errors"
import { financingView, loadOrderFinancing } from "../../../order-financing"

/** Reads Inbank now and brings the Medusa payment and order in line, as a callback would. */
export const POST = withInbankErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { record } = await loadOrderFinancing(req.scope, req.params.id)
  await applyInbankState(req.scope, record.id)
  res.json(await financingView(await loadOrderFinancing(req.scope, req.params.id)))
})
