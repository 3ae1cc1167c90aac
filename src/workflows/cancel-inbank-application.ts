import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelFinancingAtInbankStep } from "./steps/cancel-financing"
import { makeMedusaAgreeStep } from "./steps/make-medusa-agree"

export const cancelInbankApplicationWorkflowId = "cancel-inbank-application"

/** The input of cancelInbankApplicationWorkflow. */
export interface CancelInbankApplicationWorkflowInput {
  /** `inbank_application` record id (`inbapp_…`) of an application no order was placed for. */
  record_id: string
}

/**
 * Ends the financing of an application that has no order (a shopper who signed and left, an
 * abandoned offer) at Inbank by decideCancellation — the contract, else the open application, never
 * twice, never an activated one — then makes Medusa agree with what Inbank says now (the cart's
 * session), under the application's lock. An order's financing is cancelled with
 * cancelInbankFinancingWorkflow instead, which cancels the order too; the caller checks there is none.
 * Errors from Inbank reach the caller.
 *
 * @example
 * await cancelInbankApplicationWorkflow(container).run({ input: { record_id: "inbapp_01…" } })
 */
export const cancelInbankApplicationWorkflow = createWorkflow(
  cancelInbankApplicationWorkflowId,
  (input: CancelInbankApplicationWorkflowInput) => {
    const key = transform({ input }, ({ input }) => `inbank-application:${input.record_id}`)
    acquireLockStep({ key, timeout: 60, ttl: 120 })
    cancelFinancingAtInbankStep({ record_id: input.record_id })
    const applied = makeMedusaAgreeStep({ record_id: input.record_id })
    releaseLockStep({ key })
    return new WorkflowResponse(applied)
  },
)
