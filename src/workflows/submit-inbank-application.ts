import { createPaymentSessionsWorkflow } from "@medusajs/medusa/core-flows"
import { createWorkflow, parallelize, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { INBANK_PROVIDER_ID } from "../lib/financing/provider-id"
import { adoptInbankApplicationStep } from "./steps/adopt-inbank-application"
import { NewApplicationRecord, recordInbankApplicationStep } from "./steps/record-inbank-application"

export const submitInbankApplicationWorkflowId = "submit-inbank-application"

/**
 * The input of submitInbankApplicationWorkflow: an application Inbank has created for a cart (the
 * applicant's personal data went to Inbank before, outside any workflow, and is not here).
 */
export interface SubmitInbankApplicationWorkflowInput {
  record: NewApplicationRecord
  /** The payment session's data: identifiers and the binding only (the storefront can read it). */
  session_data: {
    application_uuid: string
    application_number: string | null
    payment_collection_id: string
    binding: string
  }
}

/**
 * Makes a new Inbank application the cart's Inbank payment session: its record and the session are
 * created at once (a callback about the new application finds the record as soon as its insert
 * lands). Medusa's createPaymentSessionsWorkflow replaces the cart's older sessions, whose deletion
 * cancels their applications at Inbank. When anything fails, the compensation removes what landed
 * and withdraws the application at Inbank, so the shopper's retry starts clean.
 *
 * @example
 * const { result } = await submitInbankApplicationWorkflow(container).run({ input: { record, session_data } })
 * result.record.id // "inbapp_…"; result.session.id // "payses_…"
 */
export const submitInbankApplicationWorkflow = createWorkflow(
  submitInbankApplicationWorkflowId,
  (input: SubmitInbankApplicationWorkflowInput) => {
    adoptInbankApplicationStep({ application_uuid: input.record.application_uuid })
    const sessionInput = transform({ input }, ({ input }) => ({
      payment_collection_id: input.record.payment_collection_id,
      provider_id: INBANK_PROVIDER_ID,
      data: input.session_data,
    }))
    const [record, session] = parallelize(
      recordInbankApplicationStep(input.record),
      createPaymentSessionsWorkflow.runAsStep({ input: sessionInput }),
    )
    return new WorkflowResponse({ record, session })
  },
)
