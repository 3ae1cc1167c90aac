import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelInbankFinancingWorkflow } from "../../../../../../workflows/cancel-inbank-financing"
import { withInbankErrors } from "../../../../../inbank-errors"
import { financingView, loadOrderFinancing } from "../../../order-financing"

/** Cancels the order's financing at Inbank and in Medusa (cancelInbankFinancingWorkflow) and answers the staff view. */
export const POST = withInbankErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await cancelInbankFinancingWorkflow(req.scope).run({
    input: { order_id: req.params.id, canceled_by: req.auth_context.actor_id },
  })
  res.json(await financingView(await loadOrderFinancing(req.scope, req.params.id)))
})
