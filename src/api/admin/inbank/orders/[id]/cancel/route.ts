import { cancelOrderWorkflow } from "@medusajs/core-flows"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { applyInbankState } from "../../../../../../workflows/apply-inbank-state"
import { withInbankErrors } from "../../../../../inbank-errors"
import { financingView, loadOrderFinancing } from "../../../order-financing"

/**
 * Cancel the financing at Inbank and in Medusa: an order with nothing fulfilled is cancelled the
 * Medusa way (which cancels the payment through the provider); otherwise the payment, or with no
 * payment yet the contract or application itself.
 */
export const POST = withInbankErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { inbank, record, order, payment } = await loadOrderFinancing(req.scope, req.params.id)
  if (order.status !== "canceled" && !order.fulfilled) {
    await cancelOrderWorkflow(req.scope).run({ input: { order_id: order.id, canceled_by: req.auth_context.actor_id } })
  } else if (payment && !payment.captured_at && !payment.canceled_at) {
    await req.scope.resolve(Modules.PAYMENT).cancelPayment(payment.id)
  } else {
    await inbank.cancelFinancing(record)
  }
  await applyInbankState(req.scope, record.id)
  res.json(await financingView(await loadOrderFinancing(req.scope, req.params.id)))
})
