import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendApprovalNoticeStep } from "./steps/approval-notice"

export const notifyInbankApprovalWorkflowId = "notify-inbank-approval"

/** The input of notifyInbankApprovalWorkflow. */
export interface NotifyInbankApprovalWorkflowInput {
  /** `inbank_application` record id (`inbapp_…`). */
  record_id: string
}

/**
 * Puts "contract waiting for your approval — order #5" in the admin's notification feed (the bell),
 * once per contract, when the application's contract waits for the merchant and its order exists
 * (sendApprovalNoticeStep). Run on `order.placed` and on `inbank.contract.activation_requires_partner_approval`,
 * whichever comes second finds both; under a lock, so the two never send it twice. Needs a
 * notification provider for the "feed" channel (Medusa's default config has notification-local).
 *
 * @example
 * await notifyInbankApprovalWorkflow(container).run({ input: { record_id: "inbapp_01…" } })
 */
export const notifyInbankApprovalWorkflow = createWorkflow(
  notifyInbankApprovalWorkflowId,
  (input: NotifyInbankApprovalWorkflowInput) => {
    const key = transform({ input }, ({ input }) => `inbank-approval-notice:${input.record_id}`)
    acquireLockStep({ key, timeout: 30, ttl: 60 })
    const notice = sendApprovalNoticeStep({ record_id: input.record_id })
    releaseLockStep({ key })
    return new WorkflowResponse(notice)
  },
)

/**
 * Runs notifyInbankApprovalWorkflow for the record. A notice that cannot be sent (typically: no
 * notification provider has the "feed" channel, see README "Staff notifications") is logged as a
 * warning and does not fail the subscriber that asked: the financing itself is unaffected.
 */
export async function sendInbankApprovalNotice(container: MedusaContainer, recordId: string): Promise<void> {
  try {
    await notifyInbankApprovalWorkflow(container).run({ input: { record_id: recordId } })
  } catch (error) {
    const reason = (error as { message?: string }).message ?? String(error)
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Inbank: the admin notice of a contract awaiting approval was not sent (${recordId}): ${reason}`)
  }
}
