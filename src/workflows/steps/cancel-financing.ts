import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INBANK_MODULE } from "../../modules/inbank"
import type InbankModuleService from "../../modules/inbank/service"
import type { InbankApplicationRecord } from "../../lib/financing/record-state"
import { loadOrderFinancing } from "./order-financing"

/**
 * What cancelling an order's financing starts from: its record, whether Medusa may still cancel the order,
 * its open payment.
 */
export interface FinancingToCancel {
  record_id: string
  /** Not cancelled yet and nothing fulfilled: Medusa's order cancel ends it all (the provider cancels at Inbank). */
  order_open: boolean
  /** The Inbank payment, while neither captured nor cancelled. */
  open_payment_id: string | null
}

/**
 * Step: the order's financing (`{order_id}` → FinancingToCancel) as cancelInbankFinancingWorkflow needs it.
 * Throws MedusaError NOT_FOUND (404) when Inbank does not finance the order.
 */
export const loadFinancingToCancelStep = createStep(
  "load-inbank-financing-to-cancel",
  async (input: { order_id: string }, { container }) => {
    const { record, order, payment } = await loadOrderFinancing(container, input.order_id)
    return new StepResponse<FinancingToCancel>({
      record_id: record.id,
      order_open: order.status !== "canceled" && !order.fulfilled,
      open_payment_id: payment && !payment.captured_at && !payment.canceled_at ? payment.id : null,
    })
  },
)

/**
 * Step: cancels an open Inbank payment (`{payment_id}`) through Medusa's payment module (the provider cancels
 * at Inbank); its errors (MedusaError, or the provider's refusal) reach staff unchanged.
 */
export const cancelInbankPaymentStep = createStep(
  "cancel-inbank-payment",
  async (input: { payment_id: string }, { container }) => {
    await container.resolve(Modules.PAYMENT).cancelPayment(input.payment_id)
    return new StepResponse(input.payment_id)
  },
)

/** Step: ends the financing at Inbank by decideCancellation, for an order with no open payment left. */
export const cancelFinancingAtInbankStep = createStep(
  "cancel-financing-at-inbank",
  async (input: { record_id: string }, { container }) => {
    const inbank = container.resolve<InbankModuleService>(INBANK_MODULE)
    const record = (await inbank.retrieveInbankApplication(input.record_id)) as unknown as InbankApplicationRecord
    const { cancellation } = await inbank.cancelFinancing(record)
    return new StepResponse(cancellation)
  },
)
