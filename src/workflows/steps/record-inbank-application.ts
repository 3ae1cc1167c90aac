import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INBANK_MODULE } from "../../modules/inbank"
import type InbankModuleService from "../../modules/inbank/service"
import type { InbankApplicationRecord } from "../../lib/financing/record-state"

/** What the store keeps of a new application: identifiers, amount, period, first decision, keyed hashes. */
export interface NewApplicationRecord {
  cart_id: string
  payment_collection_id: string
  application_uuid: string
  previous_uuids: { uuids: string[] }
  application_number: string | null
  /** PLN, two decimals, as a string (exact). */
  amount: string
  period: number
  decision_status: string
  phone_hash: string | null
  identity_hash: string | null
}

export const recordInbankApplicationStepId = "record-inbank-application"

/** Step: creates the application's record; its compensation deletes it. */
export const recordInbankApplicationStep = createStep(
  recordInbankApplicationStepId,
  async (input: NewApplicationRecord, { container }) => {
    const inbank = container.resolve<InbankModuleService>(INBANK_MODULE)
    const record = await inbank.createInbankApplications({
      ...input,
      // Medusa's bigNumber columns take the exact decimal string; the generated type only says number.
      amount: input.amount as unknown as number,
      currency_code: "pln",
      decision_requested_at: new Date(),
      // Due at once: the job leaves it to callbacks while it is fresh (reconcile-inbank.ts).
      check_after: new Date(),
    })
    return new StepResponse(record as unknown as InbankApplicationRecord, record.id)
  },
  async (recordId, { container }) => {
    if (recordId) await container.resolve<InbankModuleService>(INBANK_MODULE).deleteInbankApplications(recordId)
  },
)
