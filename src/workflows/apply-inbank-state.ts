import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AppliedState, makeMedusaAgreeStep } from "./steps/make-medusa-agree"

export type { AppliedState, InbankStateEventData } from "./steps/make-medusa-agree"

export const applyInbankStateWorkflowId = "apply-inbank-state"

/** The input of applyInbankStateWorkflow: the plugin's record of one Inbank application. */
export interface ApplyInbankStateWorkflowInput {
  /** `inbank_application` record id (`inbapp_…`). */
  record_id: string
}

/**
 * Makes Medusa agree with Inbank for one application: reads Inbank now and takes the steps
 * decideLifecycle decides (complete the cart, authorize or capture the payment, cancel the payment or
 * the order, mark the session), then emits the `inbank.<type>.<status>` events due for what changed.
 * One run at a time per application, across instances too (Medusa's locking module): two callbacks
 * processed together would both see no order yet and complete the cart twice.
 *
 * Run by callback processing, the reconciliation job and the admin's refresh and cancel.
 *
 * @example
 * const { result } = await applyInbankStateWorkflow(container).run({ input: { record_id: "inbapp_01…" } })
 * result.actions // e.g. ["capture_payment"]
 */
export const applyInbankStateWorkflow = createWorkflow(
  applyInbankStateWorkflowId,
  (input: ApplyInbankStateWorkflowInput) => {
    const key = transform({ input }, ({ input }) => `inbank-application:${input.record_id}`)
    acquireLockStep({ key, timeout: 60, ttl: 120 })
    const applied = makeMedusaAgreeStep({ record_id: input.record_id })
    releaseLockStep({ key })
    return new WorkflowResponse(applied)
  },
)

/** Runs applyInbankStateWorkflow for one record and answers what it did (throws what a step threw). */
export async function applyInbankState(container: MedusaContainer, recordId: string): Promise<AppliedState> {
  const { result } = await applyInbankStateWorkflow(container).run({ input: { record_id: recordId } })
  return result
}
