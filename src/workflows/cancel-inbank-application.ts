import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelFinancingAtInbankStep } from "./steps/cancel-financing"
import { cartOrderedStep } from "./steps/cart-ordered"
import { makeMedusaAgreeStep } from "./steps/make-medusa-agree"

export const cancelInbankApplicationWorkflowId = "cancel-inbank-application"

/** The input of cancelInbankApplicationWorkflow. */
export interface CancelInbankApplicationWorkflowInput {
  /** `inbank_application` record id (`inbapp_…`) of an application no order was placed for. */
  record_id: string
  /** The record's cart: its completion is locked out while the workflow decides. */
  cart_id: string
}

/**
 * Ends the financing of an application that has no order (a shopper who signed and left, an
 * abandoned offer) at Inbank by decideCancellation — the contract, else the open application, never
 * twice, never an activated one — then makes Medusa agree with what Inbank says now (the cart's
 * session), under the application's lock and the cart's completion lock (completeCartWorkflow's key,
 * the cart id): a shopper completing the cart meanwhile either placed the order first — then nothing is
 * cancelled and the answer is `{ ordered: true }` — or waits and finds the financing cancelled. An
 * order's financing is cancelled with cancelInbankFinancingWorkflow instead, which cancels the order
 * too. Errors from Inbank reach the caller.
 *
 * @example
 * const { result } = await cancelInbankApplicationWorkflow(container).run({
 *   input: { record_id: "inbapp_01…", cart_id: "cart_01…" },
 * })
 * result.ordered // true: the cart became an order first, nothing was cancelled
 */
export const cancelInbankApplicationWorkflow = createWorkflow(
  cancelInbankApplicationWorkflowId,
  (input: CancelInbankApplicationWorkflowInput) => {
    // The application's lock first, as applyInbankStateWorkflow takes it before completing a cart.
    const key = transform({ input }, ({ input }) => [`inbank-application:${input.record_id}`, input.cart_id])
    acquireLockStep({ key, timeout: 60, ttl: 120 })
    const { ordered } = cartOrderedStep({ cart_id: input.cart_id })
    when({ ordered }, ({ ordered }) => !ordered).then(() => {
      cancelFinancingAtInbankStep({ record_id: input.record_id })
      makeMedusaAgreeStep({ record_id: input.record_id })
    })
    releaseLockStep({ key })
    return new WorkflowResponse({ ordered })
  },
)
