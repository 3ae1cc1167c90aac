import { acquireLockStep, cancelOrderWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  cancelFinancingAtInbankStep,
  cancelInbankPaymentStep,
  loadFinancingToCancelStep,
} from "./steps/cancel-financing"
import { makeMedusaAgreeStep } from "./steps/make-medusa-agree"

export const cancelInbankFinancingWorkflowId = "cancel-inbank-financing"

/** The input of cancelInbankFinancingWorkflow. */
export interface CancelInbankFinancingWorkflowInput {
  /** The Medusa order financed by Inbank. */
  order_id: string
  /** The staff member who cancels (Medusa's `canceled_by`), when staff do. */
  canceled_by?: string
}

/**
 * Ends an order's Inbank financing in Medusa and at Inbank, the one way every path takes it:
 * - an order Medusa may still cancel (not cancelled, nothing fulfilled) is cancelled the Medusa way
 *   (core-flows' cancelOrderWorkflow), whose payment cancel the provider turns into Inbank's cancel;
 * - otherwise an open payment is cancelled through the payment module (same provider path);
 * - otherwise (an order cancelled already, or no payment yet) the module cancels at Inbank by
 *   decideCancellation: the contract, else the open application, never twice, never an activated one.
 * Then Medusa is made to agree with what Inbank says now (as applyInbankStateWorkflow does), under
 * the application's lock. Errors from Inbank reach the caller (staff see them).
 *
 * Run by the admin's cancel and by the `order.canceled` subscriber.
 *
 * @example
 * await cancelInbankFinancingWorkflow(container).run({ input: { order_id: "order_01…", canceled_by: "user_01…" } })
 */
export const cancelInbankFinancingWorkflow = createWorkflow(
  cancelInbankFinancingWorkflowId,
  (input: CancelInbankFinancingWorkflowInput) => {
    const financing = loadFinancingToCancelStep({ order_id: input.order_id })
    const key = transform({ financing }, ({ financing }) => `inbank-application:${financing.record_id}`)
    acquireLockStep({ key, timeout: 60, ttl: 120 })
    when("cancel-the-order", { financing }, ({ financing }) => financing.order_open).then(() => {
      cancelOrderWorkflow.runAsStep({ input: { order_id: input.order_id, canceled_by: input.canceled_by } })
    })
    when(
      "cancel-the-payment",
      { financing },
      ({ financing }) => !financing.order_open && Boolean(financing.open_payment_id),
    ).then(() => {
      cancelInbankPaymentStep({ payment_id: financing.open_payment_id as string })
    })
    when(
      "cancel-at-inbank",
      { financing },
      ({ financing }) => !financing.order_open && !financing.open_payment_id,
    ).then(() => {
      cancelFinancingAtInbankStep({ record_id: financing.record_id })
    })
    const applied = makeMedusaAgreeStep({ record_id: financing.record_id })
    releaseLockStep({ key })
    return new WorkflowResponse(applied)
  },
)
