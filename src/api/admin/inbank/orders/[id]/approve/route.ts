import { capturePaymentWorkflow } from "@medusajs/core-flows"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { withInbankErrors } from "../../../../../inbank-errors"
import { refuseInbankCapture } from "../../../capture-refusal"
import { financingView, loadOrderFinancing } from "../../../order-financing"

/**
 * Approve the contract: Medusa's own capture (so the order's paid totals stay right), which the
 * provider turns into Inbank's merchant approval. A second approval finds the payment captured.
 */
export const POST = withInbankErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { record } = await loadOrderFinancing(req.scope, req.params.id)
  await req.scope.resolve(Modules.LOCKING).execute(`inbank-approve:${record.id}`, async () => {
    const { payment } = await loadOrderFinancing(req.scope, req.params.id)
    if (!payment)
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The order's Inbank payment is not authorized yet")
    if (payment.canceled_at)
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The order's Inbank payment is cancelled")
    if (payment.captured_at) return
    await refuseInbankCapture(req.scope, payment.id)
    await capturePaymentWorkflow(req.scope).run({
      input: { payment_id: payment.id, captured_by: req.auth_context.actor_id },
    })
  })
  const financing = await loadOrderFinancing(req.scope, req.params.id)
  financing.record = await financing.inbank.refreshNow(record.id)
  res.json(await financingView(financing))
})
